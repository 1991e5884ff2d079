import type { LiveEventType } from '../../../common/contracts/stats.js';
import type { LiveEvent } from './event-bus.js';

/** What one SSE client is sent: `event: type` and `data: json`. */
export interface VisibleEvent {
  type: LiveEventType;
  data: Record<string, unknown>;
}

/**
 * The event as a client of `scope` may see it (SPEC §3), or null. `scope` is
 * areaScopeOf(actor): null sees every area; an area key sees only events of that area ('' = no
 * area), and a `stats` event is narrowed to that area so other areas' activity does not show.
 * Bills have no area and every role may view them, and every dashboard counts bills by status:
 * so `bill` events reach every scope, and so does the no-area part of a `stats` event (it only
 * says "refresh"; what the client then reads is scoped by the server).
 */
export function visibleEvent(scope: string | null, event: LiveEvent): VisibleEvent | null {
  if (event.type === 'stats') {
    const areas =
      scope === null
        ? event.areas
        : event.areas.filter((area) => area === null || (area ?? '') === scope);
    if (areas.length === 0) {
      return null;
    }
    return { type: 'stats', data: { type: 'stats', areas, at: event.at } };
  }
  if (event.type === 'bill') {
    return { type: event.type, data: event.data };
  }
  if (scope !== null && (event.area ?? '') !== scope) {
    return null;
  }
  return { type: event.type, data: event.data };
}
