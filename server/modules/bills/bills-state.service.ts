import type { Bill, CompleteBody, PatchBillBody } from '../../../common/contracts/bills.js';
import type { Tx } from '../../db/client.js';
import type { BillRow } from '../../db/schema/bills.js';
import type { RequestCtx } from '../../platform/context.js';
import { functionCtx } from '../../platform/db-function.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import * as fn from './bills-functions.repository.js';
import { type BillFacts, presentBillFacts } from './bills.presenter.js';
import * as repo from './bills.repository.js';
import { billNoOf, cleanText } from './bill-input.js';

/** The completion reason of a bill completed at capacity (also tt_bill_attach's, migration 0005). */
const REACHED_CAPACITY = 'reached capacity';
const EDITABLE = ['capacity', 'description', 'destination', 'vehicleNumber'] as const;
type Editable = (typeof EDITABLE)[number];

/** The figures a bill event keeps before and after a change. */
export const figuresOf = (bill: BillRow) => ({
  parentCount: bill.parentCount,
  childCount: bill.childCount,
  actualWeightKg: bill.actualWeightKg,
  expectedWeightKg: bill.expectedWeightKg,
  status: bill.status,
});

/**
 * The TypeScript-side state verbs of a bill (SPEC §5): edit, complete (also early, with a
 * reason) and reopen. Each runs in one transaction that holds the bill's row lock, so it
 * serialises with attaches, removes and returns, which take that lock last.
 */
export function createBillState(deps: AppDeps) {
  const { db } = deps.database;
  const env = { clock: deps.clock, config: deps.config };

  async function present(billId: number): Promise<Bill> {
    return presentBillFacts(await fn.billJson<BillFacts>(db, billId));
  }

  /** Runs a bill change in one transaction and publishes its live events after commit. */
  async function change(work: (tx: Tx, live: unknown[]) => Promise<number>): Promise<Bill> {
    const { id, events } = await db.transaction(async (tx) => {
      const live: unknown[] = [];
      const billId = await work(tx, live);
      return { id: billId, events: [...(await fn.takeEvents(tx)), ...live] };
    });
    deps.events.publish(events);
    return present(id);
  }

  /** @throws BILL_NOT_FOUND */
  async function lockOrFail(tx: Tx, billNo: string): Promise<BillRow> {
    const bill = await repo.lockBill(tx, { billNo });
    if (!bill) {
      throw notFound('bill', billNo);
    }
    return bill;
  }

  /** Completes a locked bill: status, history event, audit (the status change notifies). */
  async function completeLocked(
    tx: Tx,
    ctx: RequestCtx,
    bill: BillRow,
    how: { reason: string; flexible: boolean; auto: boolean },
  ) {
    const fctx = functionCtx(ctx, env);
    await fn.setStatus(tx, { ctx: fctx, billId: bill.id, status: 'completed', reason: how.reason });
    await fn.addEvent(tx, {
      ctx: fctx,
      billId: bill.id,
      action: 'complete',
      before: figuresOf(bill),
      after: { ...figuresOf(bill), status: 'completed' },
      note: how.auto ? 'auto' : how.reason,
    });
    await writeAudit(tx, ctx, {
      action: 'bill.complete',
      entityType: 'bill',
      entityId: bill.billNo,
      before: { status: bill.status },
      after: {
        status: 'completed',
        reason: how.reason,
        flexible: how.flexible,
        auto: how.auto,
        parentCount: bill.parentCount,
        capacity: bill.capacity,
      },
    });
  }

  /**
   * Edits a bill's fields and capacity. Capacity set to the attached count of an open bill
   * completes it when BILL_AUTO_COMPLETE is on; capacity raised above the attached count of a bill
   * completed at capacity reopens it (one completed early, with a reason, stays completed).
   * @throws BILL_NOT_FOUND, BILL_CAPACITY_BELOW_ATTACHED, VALIDATION
   */
  async function update(ctx: RequestCtx, rawBillNo: string, body: PatchBillBody): Promise<Bill> {
    const billNo = billNoOf(rawBillNo);
    return change(async (tx, live) => {
      const bill = await lockOrFail(tx, billNo);
      const wanted: Partial<Pick<BillRow, Editable>> = {
        ...(body.capacity === undefined ? {} : { capacity: body.capacity }),
        ...(body.description === undefined ? {} : { description: cleanText(body.description) }),
        ...(body.destination === undefined ? {} : { destination: cleanText(body.destination) }),
        ...(body.vehicleNumber === undefined
          ? {}
          : { vehicleNumber: cleanText(body.vehicleNumber) }),
      };
      if (wanted.capacity !== undefined && wanted.capacity < bill.parentCount) {
        throw new AppError(
          'BILL_CAPACITY_BELOW_ATTACHED',
          `Bill ${billNo} already has ${bill.parentCount} parent bags; capacity cannot be ${wanted.capacity}.`,
          { bill: billNo, capacity: wanted.capacity, parentCount: bill.parentCount },
        );
      }
      const keys = EDITABLE.filter((k) => k in wanted && wanted[k] !== bill[k]);
      if (keys.length === 0) {
        return bill.id;
      }
      const before = Object.fromEntries(keys.map((k) => [k, bill[k]]));
      const after = Object.fromEntries(keys.map((k) => [k, wanted[k]]));
      const now = deps.clock.now();
      await repo.updateBill(tx, bill.id, { ...after, updatedAt: now });
      await fn.addEvent(tx, {
        ctx: functionCtx(ctx, env),
        billId: bill.id,
        action: 'edit',
        before,
        after,
      });
      await writeAudit(tx, ctx, {
        action: 'bill.update',
        entityType: 'bill',
        entityId: billNo,
        before,
        after,
      });
      live.push(repo.liveBill(billNo, { action: 'edit' }));
      const capacity = wanted.capacity;
      if (
        keys.includes('capacity') &&
        capacity !== undefined &&
        capacity > bill.parentCount &&
        bill.status === 'completed' &&
        bill.completionReason === REACHED_CAPACITY
      ) {
        // Completed only because it was full, and it is not full any more.
        await reopenLocked(tx, ctx, { ...bill, capacity }, 'capacity raised');
      } else if (
        keys.includes('capacity') &&
        capacity === bill.parentCount &&
        bill.status !== 'completed' &&
        deps.config.BILL_AUTO_COMPLETE
      ) {
        await completeLocked(
          tx,
          ctx,
          { ...bill, capacity },
          {
            reason: REACHED_CAPACITY,
            flexible: false,
            auto: true,
          },
        );
      }
      return bill.id;
    });
  }

  /**
   * Completes a bill. At capacity no reason is needed; below it ("flexible completion") the bill
   * needs a parent and a reason. An already completed bill is answered unchanged.
   * @throws BILL_NOT_FOUND, BILL_EMPTY, REASON_REQUIRED
   */
  async function complete(ctx: RequestCtx, rawBillNo: string, body: CompleteBody | undefined) {
    const billNo = billNoOf(rawBillNo);
    const reason = cleanText(body?.reason);
    return change(async (tx) => {
      const bill = await lockOrFail(tx, billNo);
      if (bill.status === 'completed') {
        return bill.id;
      }
      const full = bill.parentCount >= bill.capacity;
      if (!full && bill.parentCount === 0) {
        throw new AppError('BILL_EMPTY', `Bill ${billNo} has no parent bags yet.`, {
          bill: billNo,
        });
      }
      if (!full && reason === null) {
        throw new AppError(
          'REASON_REQUIRED',
          `Bill ${billNo} holds ${bill.parentCount} of ${bill.capacity} parent bags; completing it early needs a reason.`,
          { bill: billNo, field: 'reason', parentCount: bill.parentCount, capacity: bill.capacity },
        );
      }
      await completeLocked(tx, ctx, bill, {
        reason: reason ?? REACHED_CAPACITY,
        flexible: !full,
        auto: false,
      });
      return bill.id;
    });
  }

  /** Reopens a completed, locked bill (→ processing, or new when empty): status, event, audit. */
  async function reopenLocked(tx: Tx, ctx: RequestCtx, bill: BillRow, why: string) {
    const status = bill.parentCount > 0 ? 'processing' : 'new';
    const fctx = functionCtx(ctx, env);
    await fn.setStatus(tx, { ctx: fctx, billId: bill.id, status });
    await fn.addEvent(tx, {
      ctx: fctx,
      billId: bill.id,
      action: 'reopen',
      before: figuresOf(bill),
      after: { ...figuresOf(bill), status },
    });
    await writeAudit(tx, ctx, {
      action: 'bill.reopen',
      entityType: 'bill',
      entityId: bill.billNo,
      before: { status: 'completed', completionReason: bill.completionReason },
      after: { status, why },
    });
  }

  /**
   * Reopens a completed bill (→ processing); any other bill is answered unchanged.
   * @throws BILL_NOT_FOUND
   */
  async function reopen(ctx: RequestCtx, rawBillNo: string): Promise<Bill> {
    const billNo = billNoOf(rawBillNo);
    return change(async (tx) => {
      const bill = await lockOrFail(tx, billNo);
      if (bill.status === 'completed') {
        await reopenLocked(tx, ctx, bill, 'reopened');
      }
      return bill.id;
    });
  }

  return { update, complete, reopen };
}

export type BillState = ReturnType<typeof createBillState>;
