import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/migrate.js';
import type { TestApp } from './build-test-app.js';

/** A bill's figures (SPEC §5), as stored or as counted from its links. */
export interface Figures {
  parentCount: number;
  childCount: number;
  actualWeightKg: number;
  expectedWeightKg: number;
}

/** The bill's figures counted afresh from the bags on it. */
export async function recount(t: TestApp, billNo: string): Promise<Figures> {
  const result = await t.database.db.execute(sql`
    select count(g.id)::int as "parentCount", coalesce(sum(g.child_count), 0)::int as "childCount",
           coalesce(sum(g.weight_kg), 0)::float8 as "actualWeightKg",
           coalesce(sum(k.expected_kg), 0)::float8 as "expectedWeightKg"
    from bills b left join bags g on g.bill_id = b.id left join bag_kinds k on k.code = g.kind
    where b.bill_no = ${billNo}`);
  const [row] = rowsOf<Figures>(result);
  if (!row) {
    throw new Error(`no bill ${billNo}`);
  }
  return {
    parentCount: Number(row.parentCount),
    childCount: Number(row.childCount),
    actualWeightKg: Number(row.actualWeightKg),
    expectedWeightKg: Number(row.expectedWeightKg),
  };
}
