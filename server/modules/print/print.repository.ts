import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/migrate.js';
import { bills } from '../../db/schema/bills.js';
import { onLocalDay } from '../eod/eod-day.js';

/** A bill as printed: its row, its creator and its parents (JSON), read in one snapshot. */
export interface PrintBillRow {
  bill_no: string;
  description: string | null;
  status: 'new' | 'processing' | 'completed';
  capacity: number;
  parent_count: number;
  child_count: number;
  actual_weight_kg: number;
  expected_weight_kg: number;
  destination: string | null;
  vehicle_number: string | null;
  completion_reason: string | null;
  created_at: Date | string;
  completed_at: Date | string | null;
  username: string | null;
  role: string | null;
  /** PGlite parses json; postgres.js under drizzle may hand back text. */
  parents: PrintParentJson[] | string;
}

export interface PrintParentJson {
  qr: string;
  kind: string | null;
  kindLabel: string | null;
  childCount: number;
  weightKg: number;
  expectedKg: number;
}

/**
 * Columns of a printed bill; the parents come from a correlated subquery on bags_bill_idx, so a
 * bill and the parents listed under it are one statement's snapshot and always add up.
 */
const PRINT_COLUMNS = sql`bills.bill_no, bills.description, bills.status, bills.capacity,
  bills.parent_count, bills.child_count, bills.actual_weight_kg, bills.expected_weight_kg,
  bills.destination, bills.vehicle_number, bills.completion_reason, bills.created_at,
  bills.completed_at, users.username, users.role,
  coalesce((
    select json_agg(json_build_object('qr', g.qr, 'kind', g.kind, 'kindLabel', k.label,
             'childCount', g.child_count, 'weightKg', g.weight_kg,
             'expectedKg', coalesce(k.expected_kg, 0)) order by g.bill_attached_at, g.id)
    from bags g left join bag_kinds k on k.code = g.kind
    where g.bill_id = bills.id), '[]'::json) as parents`;

function selectPrintBills(ex: Executor, where: SQL) {
  return ex.execute(sql`select ${PRINT_COLUMNS}
    from bills left join users on users.id = bills.created_by
    where ${where}
    order by bills.created_at, bills.id`);
}

/** The bill numbered `billNo` (normalised) as printed, or null. */
export async function findPrintBill(ex: Executor, billNo: string): Promise<PrintBillRow | null> {
  const rows = rowsOf<PrintBillRow>(await selectPrintBills(ex, sql`bills.bill_no = ${billNo}`));
  return rows[0] ?? null;
}

/**
 * Bills created on local day `day` in `timeZone`, oldest first, each with its parents; only those
 * created by `createdBy` when given. One statement (range scan on bills_created_idx).
 */
export async function listPrintBillsOfDay(
  ex: Executor,
  a: { day: string; timeZone: string; createdBy: number | null },
): Promise<PrintBillRow[]> {
  const onDay = onLocalDay(bills.createdAt, a.day, a.timeZone);
  const where = a.createdBy === null ? onDay : sql`${onDay} and bills.created_by = ${a.createdBy}`;
  return rowsOf<PrintBillRow>(await selectPrintBills(ex, where));
}
