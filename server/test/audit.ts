import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { auditLog, type AuditRow } from '../db/schema/audit.js';

/** Columns a test may match audit rows on (exact values). */
export type AuditWhere = Partial<
  Pick<
    AuditRow,
    'action' | 'entityType' | 'entityId' | 'actorUsername' | 'actorId' | 'requestId' | 'security'
  >
>;

/** Audit rows matching every given column, newest first (read straight from the database). */
export async function auditRows(database: Database, where: AuditWhere): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  for (const [key, value] of Object.entries(where) as [
    keyof AuditWhere,
    AuditWhere[keyof AuditWhere],
  ][]) {
    if (value !== undefined && value !== null) {
      conditions.push(eq(auditLog[key], value));
    }
  }
  return database.db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id));
}
