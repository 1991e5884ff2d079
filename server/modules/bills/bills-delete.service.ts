import { actorOf, type RequestCtx } from '../../platform/context.js';
import { functionCtx } from '../../platform/db-function.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import { billNoOf } from './bill-input.js';
import * as fn from './bills-functions.repository.js';
import { figuresOf } from './bills-state.service.js';
import * as repo from './bills.repository.js';

/** A deleted bill's parents changed under us this many times in a row: give up (503). */
const DELETE_ATTEMPTS = 5;

class ParentsMoved extends Error {}

/**
 * Deleting a bill (admin only, SPEC §3): its parent bags survive, each taken off it with a
 * history event; the dashboard counter of its status goes down; audited as a security event.
 */
export function createBillDelete(deps: AppDeps) {
  const { db } = deps.database;
  const env = { clock: deps.clock, config: deps.config };

  /**
   * One delete attempt. Parents attached between locking the parents and locking the bill are
   * locked too when that needs no wait (their attach committed); one still held by a transaction
   * (which then waits for this bill: lock order) ends the attempt.
   * @throws ParentsMoved
   */
  async function deleteOnce(ctx: RequestCtx, billNo: string): Promise<void> {
    await db.transaction(async (tx) => {
      const seen = await repo.findBill(tx, billNo);
      if (!seen) {
        throw notFound('bill', billNo);
      }
      // Lock order: parent bags (in id order), then the bill.
      const locked = await repo.lockBillParents(tx, seen.bill.id);
      const bill = await repo.lockBill(tx, { id: seen.bill.id });
      if (!bill) {
        throw notFound('bill', billNo);
      }
      const held = new Set(locked);
      const ids = await repo.billParentIds(tx, bill.id);
      const late = ids.filter((id) => !held.has(id));
      if (late.length > 0 && (await repo.lockFreeBags(tx, late)).length < late.length) {
        throw new ParentsMoved();
      }
      const now = deps.clock.now();
      const actor = actorOf(ctx);
      const parents = await repo.detachAll(tx, {
        billId: bill.id,
        billNo,
        ids,
        at: now,
        userId: actor.id,
      });
      await fn.addEvent(tx, {
        ctx: functionCtx(ctx, env),
        billId: bill.id,
        action: 'delete',
        before: figuresOf(bill),
        note: parents.length > 0 ? `${parents.length} parent bags taken off` : null,
      });
      await repo.deleteBill(tx, bill.id);
      await repo.bumpBillCounter(tx, bill.status, -1);
      await writeAudit(tx, ctx, {
        action: 'bill.delete',
        entityType: 'bill',
        entityId: billNo,
        before: {
          billNo,
          capacity: bill.capacity,
          description: bill.description,
          destination: bill.destination,
          vehicleNumber: bill.vehicleNumber,
          createdBy: seen.creator?.username ?? null,
          createdAt: bill.createdAt,
          ...figuresOf(bill),
          parents,
        },
        security: true,
      });
    });
    deps.events.publish([repo.liveBill(billNo, { action: 'delete', deleted: true })]);
  }

  /**
   * Deletes a bill (admin); its parents survive, taken off it with a history event each.
   * @throws BILL_NOT_FOUND, SERVICE_UNAVAILABLE (parents kept moving)
   */
  async function remove(ctx: RequestCtx, rawBillNo: string): Promise<void> {
    const billNo = billNoOf(rawBillNo);
    for (let attempt = 0; attempt < DELETE_ATTEMPTS; attempt += 1) {
      try {
        await deleteOnce(ctx, billNo);
        return;
      } catch (error) {
        if (!(error instanceof ParentsMoved)) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
      }
    }
    throw new AppError('SERVICE_UNAVAILABLE', `Bill ${billNo} keeps changing; try again.`, {
      bill: billNo,
    });
  }

  return { remove };
}
