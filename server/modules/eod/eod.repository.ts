import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/migrate.js';
import { bills } from '../../db/schema/bills.js';
import { onLocalDay } from './eod-day.js';

export interface DayBillRow {
  bill_no: string;
  status: 'new' | 'processing' | 'completed';
  parents: number;
  children: number;
  actual_weight_kg: number;
  expected_weight_kg: number;
  /** ISO 8601 UTC with milliseconds, formatted by the database (no Date parsing per row). */
  created_at: string;
  username: string | null;
  role: string | null;
}

/**
 * Every bill created on local day `day` in `timeZone`, oldest first, with its creator: one
 * statement, a range scan on bills_created_idx, plain rows (10,000 bills decode in milliseconds).
 */
export async function listDayBills(
  ex: Executor,
  a: { day: string; timeZone: string },
): Promise<DayBillRow[]> {
  const result = await ex.execute(sql`select bills.bill_no, bills.status,
      bills.parent_count as parents, bills.child_count as children,
      bills.actual_weight_kg, bills.expected_weight_kg,
      to_char(bills.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
      users.username, users.role
    from bills left join users on users.id = bills.created_by
    where ${onLocalDay(bills.createdAt, a.day, a.timeZone)}
    order by bills.created_at, bills.id`);
  return rowsOf<DayBillRow>(result);
}
