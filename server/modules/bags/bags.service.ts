import type { BagList, ListBagsQuery } from '../../../common/contracts/bags.js';
import { childIdOf, normaliseCode } from '../../../common/qr.js';
import { PAGE_LIMIT_DEFAULT } from '../../../common/validation.js';
import type { RequestCtx } from '../../platform/context.js';
import { decodeCursor, encodeCursor, pageOf } from '../../platform/cursor.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { BagKindsService } from '../bag-kinds/bag-kinds.service.js';
import { createBagAccess } from './bag-access.js';
import { createBagHistory } from './bag-history.service.js';
import { createBagCommands } from './bag-commands.service.js';
import { presentBagRow } from './bags.presenter.js';
import { prefixRange } from './bags.policy.js';
import * as repo from './bags.repository.js';
import { createDetailLoader } from './bag-detail.js';

/** The id a bags cursor points below. @throws VALIDATION unless it is a possible bag id */
function cursorId(cursor: string): number {
  const id = Number(decodeCursor(cursor, { id: 'number' }).id);
  if (id < 1) {
    throw invalid('Malformed cursor.', { field: 'cursor' });
  }
  return id;
}

/**
 * The code range a `q` term covers, normalised like a scan (a label payload searches its label
 * number); null when no code can match.
 */
function searchRange(q: string | undefined): repo.CodeRange | null | undefined {
  const term = normaliseCode(q ?? '');
  if (term.length === 0) {
    return undefined;
  }
  const prefix = term.includes('LABEL NO') ? childIdOf(term) : term;
  return prefix ? prefixRange(prefix) : null;
}

function dateRange(query: { from?: string | undefined; to?: string | undefined }) {
  const from = query.from ? new Date(query.from) : undefined;
  const to = query.to ? new Date(query.to) : undefined;
  if (from && to && from > to) {
    throw invalid('`from` must not be after `to`.', { field: 'from' });
  }
  return { from, to };
}

export function createBagsService(deps: AppDeps, kinds: BagKindsService) {
  const { db } = deps.database;
  const access = createBagAccess(deps, kinds);
  const loadDetail = createDetailLoader(deps.database);

  /**
   * Lists bags newest first (keyset on id); dispatchers see their own area only.
   * @throws AREA_FORBIDDEN (a dispatcher asking for another area), VALIDATION (cursor, range)
   */
  async function list(ctx: RequestCtx, query: ListBagsQuery): Promise<BagList> {
    const area = await access.listArea(ctx, query.area);
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const { from, to } = dateRange(query);
    const beforeId = query.cursor ? cursorId(query.cursor) : undefined;
    const codes = searchRange(query.q);
    if (codes === null) {
      return { items: [], nextCursor: null };
    }
    const filters = { ...query, kind: query.kind?.toUpperCase(), area, codes, from, to, beforeId };
    const rows = await repo.listBags(db, filters, limit);
    return pageOf(rows, limit, presentBagRow, (row) => encodeCursor({ id: row.bag.id }));
  }

  /**
   * Looks a code up (SPEC §2): the bag, its kind, its parent or children, in one statement shared
   * with the other lookups of the same event-loop turn (bag-detail.ts). Answers the BagDetail
   * contract as JSON text, built by the database (migration 0010).
   * @throws QR_EMPTY, QR_INVALID, QR_INVALID_PARENT, BAG_NOT_FOUND, AREA_FORBIDDEN
   */
  async function lookup(ctx: RequestCtx, raw: string): Promise<string> {
    const { code } = await access.classify(raw);
    const detail = await loadDetail(code);
    if (!detail) {
      throw new AppError('BAG_NOT_FOUND', `Bag ${code} not found.`, { qr: code });
    }
    await access.assertVisible(ctx, code, detail.area);
    return detail.body;
  }

  return {
    list,
    lookup,
    ...createBagHistory(deps, access),
    ...createBagCommands(deps, access),
  };
}

export type BagsService = ReturnType<typeof createBagsService>;
