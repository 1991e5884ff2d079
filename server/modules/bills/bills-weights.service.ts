import type { RecomputeResult } from '../../../common/contracts/bills.js';
import type { Tx } from '../../db/client.js';
import type { RequestCtx } from '../../platform/context.js';
import { functionCtx } from '../../platform/db-function.js';
import type { AppDeps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import * as fn from './bills-functions.repository.js';
import * as repo from './bills.repository.js';
import { billNoOf } from './bill-input.js';

type Change = RecomputeResult['changed'][number];
type Figures = Record<string, unknown>;

const FIGURES = ['parentCount', 'childCount', 'actualWeightKg', 'expectedWeightKg'] as const;
const same = (a: Figures, b: Figures) => FIGURES.every((k) => Number(a[k]) === Number(b[k]));

/**
 * "Update weights" (admin): recompute bills' figures from their links and report what changed —
 * nothing, on correct data, since every change recomputes them in its own transaction.
 */
export function createBillWeights(deps: AppDeps) {
  const { db } = deps.database;
  const env = { clock: deps.clock, config: deps.config };

  /** Locks one bill, recomputes it, and records a correction when there was one. */
  async function recomputeLocked(
    tx: Tx,
    ctx: RequestCtx,
    where: { billNo: string } | { id: number },
  ): Promise<Change | null | undefined> {
    const bill = await repo.lockBill(tx, where);
    if (!bill) {
      return undefined;
    }
    const fctx = functionCtx(ctx, env);
    const { before, after } = await fn.recompute(tx, { ctx: fctx, billId: bill.id });
    if (same(before, after)) {
      return null;
    }
    await fn.addEvent(tx, {
      ctx: fctx,
      billId: bill.id,
      action: 'recompute',
      before,
      after,
      note: 'figures corrected from links',
    });
    await writeAudit(tx, ctx, {
      action: 'bill.recompute',
      entityType: 'bill',
      entityId: bill.billNo,
      before,
      after,
    });
    return { billNo: bill.billNo, before, after };
  }

  /** One bill in its own transaction; a correction's live event goes out after commit. */
  async function recomputeOne(
    ctx: RequestCtx,
    where: { billNo: string } | { id: number },
  ): Promise<Change | null | undefined> {
    const { change, events } = await db.transaction(async (tx) => {
      const found = await recomputeLocked(tx, ctx, where);
      return { change: found, events: found ? await fn.takeEvents(tx) : [] };
    });
    deps.events.publish(events);
    return change;
  }

  /**
   * One bill. @throws BILL_NOT_FOUND, VALIDATION
   */
  async function updateOne(ctx: RequestCtx, rawBillNo: string): Promise<RecomputeResult> {
    const billNo = billNoOf(rawBillNo);
    const change = await recomputeOne(ctx, { billNo });
    if (change === undefined) {
      throw notFound('bill', billNo);
    }
    return { checked: 1, changed: change ? [change] : [] };
  }

  /**
   * Every bill: one read finds the bills whose figures differ from their links; each of those
   * is then locked and recomputed (a bill caught mid-change rechecks clean and is not reported).
   */
  async function updateAll(ctx: RequestCtx): Promise<RecomputeResult> {
    const { checked, ids } = await repo.driftedBills(db);
    const changed: Change[] = [];
    for (const id of ids) {
      const change = await recomputeOne(ctx, { id });
      if (change) {
        changed.push(change);
      }
    }
    await writeAudit(db, ctx, {
      action: 'bill.recompute_all',
      entityType: 'bill',
      after: { checked, changed: changed.map((c) => c.billNo) },
    });
    return { checked, changed };
  }

  return { updateOne, updateAll };
}

export type BillWeights = ReturnType<typeof createBillWeights>;
