import type { FastifyBaseLogger } from 'fastify';
import type { LiveEventType } from '../../../common/contracts/stats.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { waitAtMost } from '../../platform/bounded.js';

/** The channel the database functions NOTIFY on (migration 0002: pg_notify('tt_events', json)). */
export const EVENTS_CHANNEL = 'tt_events';
/** At most one `stats` event per this many milliseconds per app instance. */
export const STATS_INTERVAL_MS = 1_000;
/** A burst's first event waits this long so that its siblings join the same `stats` event. */
const STATS_COALESCE_MS = 100;

type ChangeType = Exclude<LiveEventType, 'stats'>;
const CHANGE_TYPES: ReadonlySet<string> = new Set<ChangeType>([
  'scan',
  'link',
  'unlink',
  'bill',
  'return',
]);

/** A change committed in the database, as NOTIFY carried it (`data` is the whole payload). */
export interface ChangeEvent {
  type: ChangeType;
  area: string | null;
  data: Record<string, unknown>;
}

/** "The dashboard numbers of these areas changed", derived per instance from change events. */
export interface StatsEvent {
  type: 'stats';
  areas: Array<string | null>;
  at: string;
}

export type LiveEvent = ChangeEvent | StatsEvent;
export type LiveListener = (event: LiveEvent) => void;

export interface EventBus {
  /** LISTENs on the first call (later calls share it). @throws when the database refuses LISTEN */
  start(): Promise<void>;
  /** Adds a listener; answers its removal. */
  subscribe(listener: LiveListener): () => void;
  /** UNLISTENs and drops every listener and pending `stats` event. */
  close(): Promise<void>;
}

/** The events of a batch payload, or null when the payload is a single event. */
export function batchOf(payload: string): unknown[] | null {
  if (!payload.startsWith('{"batch":')) {
    return null;
  }
  try {
    const parsed = JSON.parse(payload) as { batch?: unknown };
    return Array.isArray(parsed.batch) ? parsed.batch : null;
  } catch {
    return null;
  }
}

/** A NOTIFY payload → a change event, or null when it is not one we forward. */
export function parseNotification(payload: string): ChangeEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return null;
  }
  const record = data as Record<string, unknown>;
  const { type, area } = record;
  if (typeof type !== 'string' || !CHANGE_TYPES.has(type)) {
    return null;
  }
  if (area !== undefined && area !== null && typeof area !== 'string') {
    return null;
  }
  return { type: type as ChangeType, area: area ?? null, data: record };
}

export interface EventBusOptions {
  database: Database;
  clock: Clock;
  log: FastifyBaseLogger;
}

/**
 * The app instance's one LISTEN on `tt_events`, fanned out in process to every subscriber (the
 * SSE streams). Because every instance LISTENs, every instance sees every committed change.
 * Change events also mark their area dirty; dirty areas go out as one throttled `stats` event.
 */
export function createEventBus({ database, clock, log }: EventBusOptions): EventBus {
  const listeners = new Set<LiveListener>();
  const dirty = new Map<string, string | null>();
  let listening: Promise<(() => Promise<void>) | null> | undefined;
  let statsTimer: NodeJS.Timeout | undefined;
  let lastStatsAt = 0;
  let closed = false;

  function emit(event: LiveEvent) {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        log.warn({ err }, 'live event listener failed');
      }
    }
  }

  function flushStats() {
    statsTimer = undefined;
    lastStatsAt = Date.now();
    const areas = [...dirty.values()];
    dirty.clear();
    if (areas.length > 0) {
      emit({ type: 'stats', areas, at: clock.now().toISOString() });
    }
  }

  function markDirty(area: string | null) {
    dirty.set(area ?? '', area);
    if (statsTimer === undefined && !closed) {
      const wait = Math.max(STATS_COALESCE_MS, lastStatsAt + STATS_INTERVAL_MS - Date.now());
      statsTimer = setTimeout(flushStats, wait);
      statsTimer.unref();
    }
  }

  function handleEvent(raw: string) {
    const event = parseNotification(raw);
    if (!event || closed) {
      return;
    }
    emit(event);
    markDirty(event.area);
  }

  /** One event, or `{"batch": [...]}` from the event outbox (server/platform/event-outbox.ts). */
  function handlePayload(payload: string) {
    const batch = batchOf(payload);
    if (batch === null) {
      handleEvent(payload);
      return;
    }
    for (const item of batch) {
      handleEvent(JSON.stringify(item));
    }
  }

  async function listen(): Promise<(() => Promise<void>) | null> {
    if (!database.listen) {
      log.warn('this database offers no LISTEN; live events are off');
      return null;
    }
    return database.listen(EVENTS_CHANNEL, handlePayload);
  }

  return {
    start() {
      if (closed) {
        return Promise.reject(new Error('event bus closed'));
      }
      listening ??= listen().catch((err: unknown) => {
        listening = undefined;
        throw err;
      });
      return listening.then(() => undefined);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      closed = true;
      clearTimeout(statsTimer);
      statsTimer = undefined;
      dirty.clear();
      listeners.clear();
      const unlisten = await listening?.catch(() => null);
      listening = undefined;
      try {
        // Bounded: a stuck LISTEN connection must not hold up shutdown.
        await waitAtMost(unlisten?.(), 2_000);
      } catch (err) {
        // The database may already be closed, which ended the LISTEN anyway.
        log.debug({ err }, 'unlisten failed');
      }
    },
  };
}
