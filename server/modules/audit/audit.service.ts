import type { AuditEntry, ListAuditQuery } from '../../../common/contracts/audit.js';
import { PAGE_LIMIT_DEFAULT } from '../../../common/validation.js';
import type { AuditRow } from '../../db/schema/audit.js';
import { decodeCursor, encodeCursor, pageOf } from '../../platform/cursor.js';
import type { AppDeps } from '../../platform/deps.js';
import { invalid } from '../../platform/errors.js';
import { listAudit } from './audit.repository.js';

export function presentAudit(row: AuditRow): AuditEntry {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actor:
      row.actorId !== null
        ? { id: row.actorId, username: row.actorUsername ?? '', role: row.actorRole ?? '' }
        : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    security: row.security,
    ip: row.ip,
    requestId: row.requestId,
  };
}

function parseEntity(entity: string | undefined): { entityType?: string; entityId?: string } {
  if (!entity) {
    return {};
  }
  const at = entity.indexOf(':');
  return at < 0
    ? { entityType: entity }
    : { entityType: entity.slice(0, at), entityId: entity.slice(at + 1) };
}

/** Largest audit_log.id (a PostgreSQL bigint). */
const MAX_AUDIT_ID = 9_223_372_036_854_775_807n;

/** The id an audit cursor points below. @throws VALIDATION unless it is a possible audit id */
function cursorId(cursor: string): bigint {
  const { id } = decodeCursor(cursor, { id: 'string' });
  const text = String(id);
  if (!/^\d{1,19}$/.test(text) || BigInt(text) < 1n || BigInt(text) > MAX_AUDIT_ID) {
    throw invalid('Malformed cursor.', { field: 'cursor' });
  }
  return BigInt(text);
}

export function createAuditService(deps: AppDeps) {
  /**
   * Browses the audit log, newest first.
   * @throws VALIDATION on a malformed cursor or a range that ends before it starts
   */
  async function list(query: ListAuditQuery) {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from > to) {
      throw invalid('`from` must not be after `to`.', { field: 'from' });
    }
    const beforeId = query.cursor ? cursorId(query.cursor) : undefined;
    const rows = await listAudit(
      deps.database.db,
      {
        actor: query.actor?.trim().toLowerCase(),
        action: query.action,
        ...parseEntity(query.entity),
        from,
        to,
        beforeId,
      },
      limit,
    );
    return pageOf(rows, limit, presentAudit, (row) => encodeCursor({ id: row.id.toString() }));
  }
  return { list };
}

export type AuditService = ReturnType<typeof createAuditService>;
