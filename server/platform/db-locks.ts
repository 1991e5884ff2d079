import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';

/**
 * Serialises transactions that check-then-write one rule (area limits, the last admin): a
 * transaction-scoped advisory lock on a named key, released at commit or rollback.
 */
export async function lockRule(tx: Tx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
