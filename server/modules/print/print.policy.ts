import type { Actor } from '../../platform/context.js';

/**
 * Whose bills a daily summary prints (SPEC §3, §11): admins every bill, billers only the bills
 * they created. Answers the creator's user id to filter on, or null for every bill.
 */
export function dayScopeOf(actor: Actor): number | null {
  return actor.role === 'admin' ? null : actor.id;
}
