import { SCAN_KINDS, type ListScansQuery, type Scan } from '../../../common/contracts/bags.js';
import { PAGE_LIMIT_DEFAULT, normaliseUsername } from '../../../common/validation.js';
import type { ScanRow } from '../../db/schema/scans.js';
import { actorOf, type RequestCtx } from '../../platform/context.js';
import { decodeCursor, encodeCursor, pageOf } from '../../platform/cursor.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, invalid } from '../../platform/errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import { listAreaFor } from '../bags/bags.policy.js';
import * as repo from './scans-list.repository.js';

export function presentScan(row: { scan: ScanRow; username: string | null }): Scan {
  const { scan } = row;
  return {
    id: String(scan.id),
    at: scan.at.toISOString(),
    kind: scan.kind,
    qr: scan.qr,
    target: scan.targetQr,
    user: row.username,
    station: scan.station,
    dispatchArea: scan.dispatchArea,
    created: scan.created,
    duplicate: scan.duplicate,
  };
}

/** The id a scans cursor points below. @throws VALIDATION unless it is a possible scan id */
function cursorId(cursor: string): number {
  const id = Number(decodeCursor(cursor, { id: 'number' }).id);
  if (id < 1) {
    throw invalid('Malformed cursor.', { field: 'cursor' });
  }
  return id;
}

export function createScansListService(deps: AppDeps) {
  const { db } = deps.database;

  /** Every denied attempt is audited (SPEC §3). @throws AREA_FORBIDDEN */
  async function scopeArea(
    ctx: RequestCtx,
    requested: string | undefined,
  ): Promise<string | undefined> {
    const actor = actorOf(ctx);
    const scope = listAreaFor(actor, requested);
    if (!('forbidden' in scope)) {
      return scope.area;
    }
    await writeAudit(db, ctx, {
      action: 'security.denied',
      entityType: 'scan',
      after: {
        reason: 'area',
        code: 'AREA_FORBIDDEN',
        area: scope.forbidden,
        ownArea: actor.dispatchArea,
      },
      security: true,
    });
    ctx.log.warn({ code: 'AREA_FORBIDDEN', area: scope.forbidden }, 'request denied');
    throw new AppError(
      'AREA_FORBIDDEN',
      `Scans of ${scope.forbidden}: you may see only ${actor.dispatchArea ?? 'your own area'}.`,
      {
        area: scope.forbidden,
      },
    );
  }

  /**
   * Lists recorded scans newest first (keyset on id); dispatchers see their own area only.
   * @throws AREA_FORBIDDEN, VALIDATION (cursor, unknown type, a range that ends before it starts)
   */
  async function list(ctx: RequestCtx, query: ListScansQuery) {
    const area = await scopeArea(ctx, query.area);
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from > to) {
      throw invalid('`from` must not be after `to`.', { field: 'from' });
    }
    const beforeId = query.cursor ? cursorId(query.cursor) : undefined;
    const kind = query.type?.trim().toLowerCase() || undefined;
    if (kind !== undefined && !(SCAN_KINDS as readonly string[]).includes(kind)) {
      throw invalid(`Unknown scan type ${query.type}.`, { field: 'type', allowed: SCAN_KINDS });
    }
    const filters = {
      username: query.user === undefined ? undefined : normaliseUsername(query.user),
      station: query.station?.trim() || undefined,
      kind,
      area,
      from,
      to,
      beforeId,
    };
    const rows = await repo.listScans(db, filters, limit);
    return pageOf(rows, limit, presentScan, (row) => encodeCursor({ id: row.scan.id }));
  }

  return { list };
}

export type ScansListService = ReturnType<typeof createScansListService>;
