import type { Tx } from '../../db/client.js';
import * as fn from './bills-functions.repository.js';
import * as repo from './bills.repository.js';

/**
 * For another module's transaction that changes what a billed parent holds (deleting a linked
 * child, bags module): the bills module's own lock and recompute, so the rules live in one place.
 */

/** The bill locked for update (lock order everywhere: parent bag, then bill). */
export const lockBillById = (tx: Tx, billId: number) => repo.lockBill(tx, { id: billId });

/** Recomputes the bill's figures from its parents and NOTIFYs the live `bill` event, if any. */
export async function recomputeBillFigures(tx: Tx, ctx: object, billId: number): Promise<void> {
  await fn.recompute(tx, { ctx, billId });
  await fn.flushEvents(tx);
}
