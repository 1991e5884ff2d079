import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.js';
import { waitAtMost } from './bounded.js';

/** How long events wait so that a burst of scans shares one NOTIFY. */
export const OUTBOX_FLUSH_MS = 50;
/** NOTIFY payloads must stay under 8,000 bytes. */
const MAX_PAYLOAD = 7_000;
/**
 * A flush's payloads in one prepared statement, NOTIFYed in order in one transaction: at 3,600
 * scans/s a flush carries about eight 7 kB payloads, which went as eight unprepared statements of
 * two round trips each (BENCHMARKS.md "Lookup answers from rows"). PostgreSQL folds identical
 * notifications of one transaction into one; two payloads of a flush are identical only when they
 * carry the very same events, so nothing a client needs is dropped.
 */
const NOTIFY_ALL =
  "select pg_notify('tt_events', p) from json_array_elements_text($1::text::json) p";

export interface EventOutbox {
  /** Queues events a committed transaction produced; they reach every instance within ~50 ms. */
  publish(events: unknown): void;
  /** Sends what is queued (on shutdown). */
  flush(): Promise<void>;
}

/** Splits events into `{"batch":[…]}` payloads that each fit one NOTIFY. */
export function batchPayloads(events: unknown[]): string[] {
  const payloads: string[] = [];
  let current: string[] = [];
  let size = 12;
  for (const event of events) {
    const text = JSON.stringify(event);
    if (text.length + 12 > MAX_PAYLOAD) {
      continue;
    }
    if (size + text.length + 1 > MAX_PAYLOAD && current.length > 0) {
      payloads.push(`{"batch":[${current.join(',')}]}`);
      current = [];
      size = 12;
    }
    current.push(text);
    size += text.length + 1;
  }
  if (current.length > 0) {
    payloads.push(`{"batch":[${current.join(',')}]}`);
  }
  return payloads;
}

/**
 * Publishes live events after commit, outside the scan transactions: a NOTIFY inside each one
 * would serialise every commit on PostgreSQL's notification lock (measured in BENCHMARKS.md).
 * Every instance, this one included, receives them through its LISTEN.
 */
export function createEventOutbox(database: Database, log: FastifyBaseLogger): EventOutbox {
  let queue: unknown[] = [];
  let timer: NodeJS.Timeout | undefined;

  async function flush() {
    timer = undefined;
    const payloads = batchPayloads(queue);
    queue = [];
    if (payloads.length === 0) {
      return;
    }
    await database.query(NOTIFY_ALL, [JSON.stringify(payloads)]).catch((err: unknown) => {
      log.warn({ err }, 'live events could not be published');
    });
  }

  return {
    publish(events) {
      if (!Array.isArray(events) || events.length === 0) {
        return;
      }
      queue.push(...(events as unknown[]));
      if (!timer) {
        timer = setTimeout(() => void flush(), OUTBOX_FLUSH_MS);
        timer.unref();
      }
    },
    async flush() {
      clearTimeout(timer);
      // Best effort on shutdown: never let a slow database hold up close().
      await waitAtMost(flush(), 2_000);
    },
  };
}
