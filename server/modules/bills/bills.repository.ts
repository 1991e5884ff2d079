import type { Executor } from '../../db/client.js';
import { bills, type BillRow } from '../../db/schema/bills.js';

export async function insertBill(ex: Executor, row: typeof bills.$inferInsert): Promise<BillRow> {
  const [created] = await ex.insert(bills).values(row).returning();
  if (!created) {
    throw new Error('bill insert returned nothing');
  }
  return created;
}
