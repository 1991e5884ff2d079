import type { Role } from '../../../common/roles.js';

interface AreaActor {
  role: Role;
  dispatchArea: string | null;
}

/** Dispatchers see their own area only (SPEC §3); other roles see every area. */
export function canSeeArea(actor: AreaActor, area: string | null): boolean {
  return actor.role !== 'dispatcher' || (area !== null && area === actor.dispatchArea);
}

/**
 * The area filter of a list: a dispatcher's own area whatever they ask for, `forbidden` when
 * they ask for another one; the requested one (or none) for other roles.
 */
export function listAreaFor(
  actor: AreaActor,
  requested: string | undefined,
): { area: string | undefined } | { forbidden: string } {
  if (actor.role !== 'dispatcher') {
    return { area: requested };
  }
  if (requested !== undefined && requested !== actor.dispatchArea) {
    return { forbidden: requested };
  }
  return { area: actor.dispatchArea ?? '' };
}

/** Every code with this prefix, byte-wise: [prefix, prefix with its last character + 1). */
export function prefixRange(prefix: string): { from: string; to: string } | null {
  const points = [...prefix];
  const last = points.pop();
  if (last === undefined) {
    return null;
  }
  let next = (last.codePointAt(0) ?? 0) + 1;
  if (next >= 0xd800 && next <= 0xdfff) {
    next = 0xe000;
  }
  if (next > 0x10ffff) {
    return null;
  }
  return { from: prefix, to: points.join('') + String.fromCodePoint(next) };
}
