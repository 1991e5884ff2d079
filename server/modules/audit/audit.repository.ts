import { and, desc, eq, gte, like, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { auditLog, type AuditRow } from '../../db/schema/audit.js';

export interface AuditFilters {
  actor?: string | undefined;
  /** Exact action, or a prefix when it ends with '.'. */
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: bigint | undefined;
}

/** Newest first, keyset on id; `limit + 1` rows tell whether another page exists. */
export async function listAudit(ex: Executor, f: AuditFilters, limit: number): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (f.actor) {
    conditions.push(eq(auditLog.actorUsername, f.actor));
  }
  if (f.action) {
    conditions.push(
      f.action.endsWith('.')
        ? like(auditLog.action, `${f.action.replace(/[\\%_]/g, '\\$&')}%`)
        : eq(auditLog.action, f.action),
    );
  }
  if (f.entityType) {
    conditions.push(eq(auditLog.entityType, f.entityType));
  }
  if (f.entityId) {
    conditions.push(eq(auditLog.entityId, f.entityId));
  }
  if (f.from) {
    conditions.push(gte(auditLog.at, f.from));
  }
  if (f.to) {
    conditions.push(lte(auditLog.at, f.to));
  }
  if (f.beforeId !== undefined) {
    conditions.push(lt(auditLog.id, f.beforeId));
  }
  return ex
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
}
