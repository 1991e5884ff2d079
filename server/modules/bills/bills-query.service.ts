import { normaliseBillNo } from '../../../common/bills.js';
import type { BillDetail, BillList, ListBillsQuery } from '../../../common/contracts/bills.js';
import { normaliseUsername, PAGE_LIMIT_DEFAULT } from '../../../common/validation.js';
import type { RequestCtx } from '../../platform/context.js';
import { decodeCursor, encodeCursor, pageOf } from '../../platform/cursor.js';
import type { AppDeps } from '../../platform/deps.js';
import { invalid, notFound } from '../../platform/errors.js';
import { prefixRange } from '../bags/bags.policy.js';
import { presentBillEvent, presentBillParent, presentBillWithCreator } from './bills.presenter.js';
import * as repo from './bills.repository.js';
import { billNoOf } from './bill-input.js';

/** Most history events one bill detail carries (the newest; a bill normally has tens). */
export const BILL_EVENTS_CAP = 1000;

/** The id a bills cursor points below. @throws VALIDATION unless it is a possible bill id */
function cursorId(cursor: string): number {
  const id = Number(decodeCursor(cursor, { id: 'number' }).id);
  if (id < 1) {
    throw invalid('Malformed cursor.', { field: 'cursor' });
  }
  return id;
}

function dateRange(query: { from?: string | undefined; to?: string | undefined }) {
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  if (from && to && from > to) {
    throw invalid('`from` must not be after `to`.', { field: 'from' });
  }
  return { from, to };
}

/** Reading bills: every role may (SPEC §3 "may view"); each bill shows who created it. */
export function createBillQueries(deps: AppDeps) {
  const { db } = deps.database;

  /**
   * Bills newest first (keyset on id), filtered by status, creator (username), creation time
   * and bill number prefix (normalised like a bill number).
   * @throws VALIDATION (cursor, range)
   */
  async function list(_ctx: RequestCtx, query: ListBillsQuery): Promise<BillList> {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const { from, to } = dateRange(query);
    const beforeId = query.cursor ? cursorId(query.cursor) : undefined;
    const empty = { items: [], nextCursor: null };
    const prefix = normaliseBillNo(query.q ?? '');
    const billNos = prefix.length > 0 ? prefixRange(prefix) : undefined;
    if (billNos === null) {
      return empty;
    }
    let createdById: number | undefined;
    if (query.createdBy !== undefined && query.createdBy.trim().length > 0) {
      createdById = await repo.findUserId(db, normaliseUsername(query.createdBy));
      if (createdById === undefined) {
        return empty;
      }
    }
    const rows = await repo.listBills(
      db,
      { status: query.status, createdById, from, to, billNos, beforeId },
      limit,
    );
    return pageOf(rows, limit, presentBillWithCreator, (row) => encodeCursor({ id: row.bill.id }));
  }

  /**
   * A bill with its parents (attach order, each with its child count, weight and expected
   * weight) and its history events, oldest first.
   * @throws BILL_NOT_FOUND, VALIDATION
   */
  async function detail(_ctx: RequestCtx, rawBillNo: string): Promise<BillDetail> {
    const billNo = billNoOf(rawBillNo);
    // One snapshot, so the figures always match the parents listed.
    const { row, parents, events } = await db.transaction(
      async (tx) => {
        const found = await repo.findBill(tx, billNo);
        if (!found) {
          throw notFound('bill', billNo);
        }
        return {
          row: found,
          parents: await repo.listBillParents(tx, found.bill.id),
          events: await repo.listBillEvents(tx, found.bill.id, BILL_EVENTS_CAP + 1),
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const kept = events.slice(0, BILL_EVENTS_CAP).reverse();
    return {
      bill: presentBillWithCreator(row),
      parents: parents.map(presentBillParent),
      events: kept.map(presentBillEvent),
      eventsTruncated: events.length > BILL_EVENTS_CAP,
    };
  }

  return { list, detail };
}

export type BillQueries = ReturnType<typeof createBillQueries>;
