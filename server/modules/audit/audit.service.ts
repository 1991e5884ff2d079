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
  return at < 0 ? { entityType: entity } : { entityType: entity.slice(0, at), entityId: entity.slice(at + 1) };
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
    const cursor = query.cursor ? decodeCursor(query.cursor, { id: 'string' }) : undefined;
    if (cursor && !/^\d{1,19}$/.test(String(cursor.id))) {
      throw invalid('Malformed cursor.', { field: 'cursor' });
    }
    const rows = await listAudit(
      deps.database.db,
      {
        actor: query.actor?.trim().toLowerCase(),
        action: query.action,
        ...parseEntity(query.entity),
        from,
        to,
        beforeId: cursor ? BigInt(cursor.id) : undefined,
      },
      limit,
    );
    return pageOf(rows, limit, presentAudit, (row) => encodeCursor({ id: row.id.toString() }));
  }
  return { list };
}

export type AuditService = ReturnType<typeof createAuditService>;
