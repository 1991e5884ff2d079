import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { scans, type ScanRow } from '../../db/schema/scans.js';
import { users } from '../../db/schema/users.js';

export interface ScanFilters {
  /** Username, stored lowercase. */
  username?: string | undefined;
  station?: string | undefined;
  kind?: string | undefined;
  area?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
}

function filterConditions(f: ScanFilters): SQL[] {
  const c: SQL[] = [];
  if (f.username) {
    // A scalar subquery (an InitPlan): user_id = $x keeps scans_user_idx (user_id, id) in use.
    c.push(sql`${scans.userId} = (select u2.id from users u2 where u2.username = ${f.username})`);
  }
  if (f.station) {
    c.push(eq(scans.station, f.station));
  }
  if (f.kind) {
    c.push(eq(scans.kind, f.kind));
  }
  if (f.area) {
    c.push(eq(scans.dispatchArea, f.area));
  }
  if (f.from) {
    c.push(gte(scans.at, f.from));
  }
  if (f.to) {
    c.push(lte(scans.at, f.to));
  }
  if (f.beforeId !== undefined) {
    c.push(lt(scans.id, f.beforeId));
  }
  return c;
}

/** Newest first, keyset on id; `limit + 1` rows tell whether another page exists. */
export async function listScans(
  ex: Executor,
  f: ScanFilters,
  limit: number,
): Promise<Array<{ scan: ScanRow; username: string | null }>> {
  const conditions = filterConditions(f);
  return ex
    .select({ scan: scans, username: users.username })
    .from(scans)
    .leftJoin(users, eq(users.id, scans.userId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(scans.id))
    .limit(limit + 1);
}
