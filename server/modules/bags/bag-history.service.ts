import type { BagHistory, BagSnapshot } from '../../../common/contracts/bags.js';
import type { RequestCtx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { BagAccess } from './bag-access.js';
import * as historyRepo from './bag-history.repository.js';
import { presentHistoryRow } from './bags.presenter.js';
import * as repo from './bags.repository.js';

/** Most events one trace answer carries (a bag normally has tens). */
export const HISTORY_CAP = 1000;

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** The trace of a code (SPEC §8 "Trace"): its events, or its links as they were at a time. */
export function createBagHistory(deps: AppDeps, access: BagAccess) {
  const { db } = deps.database;

  /**
   * The code, its type and its area, from its bag or, once deleted, from what it left behind.
   * @throws QR_*, BAG_NOT_FOUND (no bag and no trace), AREA_FORBIDDEN
   */
  async function resolve(ctx: RequestCtx, raw: string) {
    const classified = await access.classify(raw);
    const { code } = classified;
    const bag = await repo.findBagByQr(db, code);
    let area = bag?.dispatchArea ?? null;
    if (!bag) {
      const trace = await historyRepo.findTrace(db, code);
      if (!trace.found) {
        throw new AppError('BAG_NOT_FOUND', `Bag ${code} not found.`, { qr: code });
      }
      area = trace.area;
    }
    await access.assertVisible(ctx, code, area);
    return { code, type: bag?.type ?? classified.type };
  }

  /**
   * Every scan, link, unlink and audit event of a code, oldest first (deleted bags included).
   * @throws QR_*, BAG_NOT_FOUND, AREA_FORBIDDEN
   */
  async function history(ctx: RequestCtx, raw: string): Promise<BagHistory> {
    const { code, type } = await resolve(ctx, raw);
    const rows = await historyRepo.listHistory(db, { code, type, cap: HISTORY_CAP + 1 });
    return {
      qr: code,
      type,
      items: rows.slice(0, HISTORY_CAP).map(presentHistoryRow),
      truncated: rows.length > HISTORY_CAP,
    };
  }

  /**
   * A parent's children, or a child's parent, as they were at `at`, rebuilt from link events;
   * and the bill the parent was on then, from bill events.
   * @throws QR_*, BAG_NOT_FOUND, AREA_FORBIDDEN
   */
  async function snapshot(ctx: RequestCtx, raw: string, at: string): Promise<BagSnapshot> {
    const { code, type } = await resolve(ctx, raw);
    const when = new Date(at);
    const base = { qr: code, type, at: when.toISOString() };
    const billOf = async (parentQr: string) => {
      const bill = await historyRepo.billAt(db, parentQr, when);
      return bill ? { billNo: bill.billNo, attachedAt: iso(bill.at_ms) } : null;
    };
    if (type === 'parent') {
      const children = await historyRepo.childrenAt(db, code, when);
      return {
        ...base,
        parent: null,
        children: children.map((c) => ({ qr: c.qr, linkedAt: iso(c.at_ms) })),
        bill: await billOf(code),
      };
    }
    const parent = await historyRepo.parentAt(db, code, when);
    return {
      ...base,
      parent: parent ? { qr: parent.qr, linkedAt: iso(parent.at_ms) } : null,
      children: [],
      bill: parent ? await billOf(parent.qr) : null,
    };
  }

  return { history, snapshot };
}
