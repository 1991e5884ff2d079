import type { Actor } from '../../platform/context.js';

/**
 * Which dispatch area an actor's dashboard numbers and live events cover (SPEC §3):
 * null for every area (admins, billers), else exactly one area key. A dispatcher always has an
 * area; should one lack it, they see the bags with no area ('' in the counter tables), which is
 * also what they could pack (tt_scan_parent compares areas with IS DISTINCT FROM).
 */
export function areaScopeOf(actor: Actor): string | null {
  if (actor.role === 'dispatcher') {
    return actor.dispatchArea ?? '';
  }
  return null;
}
