import { PassThrough, type Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { SessionRow } from '../../db/schema/sessions.js';
import { actorOf, type RequestCtx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { areaScopeOf } from '../stats/stats.policy.js';
import { createEventBus, type LiveEvent } from './event-bus.js';
import { visibleEvent, type VisibleEvent } from './events.policy.js';

/** A comment line every 25 s keeps proxies and load balancers from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000;
/** The `retry:` hint: how long EventSource waits before reconnecting. */
export const RETRY_MS = 3_000;
/** A client this far behind (bytes queued) is cut off; EventSource reconnects and refetches. */
const MAX_BUFFERED_BYTES = 1_048_576;
/** setTimeout's limit. */
const MAX_TIMER_MS = 2_147_483_647;

/** Headers of every event stream (`X-Accel-Buffering: no` stops nginx buffering it). */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-store',
  'x-accel-buffering': 'no',
} as const;

/** One SSE frame; JSON.stringify escapes newlines, so `data` is always a single line. */
export function sseFrame(event: VisibleEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

interface Client {
  stream: PassThrough;
  close(): void;
}

/**
 * Live updates over server-sent events: one event bus (one LISTEN) per app instance, fanned out
 * to every open stream with the reader's scope applied. close() must run on app shutdown.
 */
export function createEventsService(deps: AppDeps, log: FastifyBaseLogger) {
  const bus = createEventBus({ database: deps.database, clock: deps.clock, log });
  const clients = new Set<Client>();
  let heartbeat: NodeJS.Timeout | undefined;
  let closing = false;

  function send(client: Client, text: string) {
    if (client.stream.writableEnded || client.stream.destroyed) {
      return;
    }
    if (client.stream.writableLength > MAX_BUFFERED_BYTES) {
      log.warn('live event client too slow; disconnecting it');
      client.stream.destroy();
      return;
    }
    client.stream.write(text);
  }

  function beat() {
    for (const client of clients) {
      send(client, ': keep-alive\n\n');
    }
  }

  function track(client: Client) {
    clients.add(client);
    if (heartbeat === undefined) {
      heartbeat = setInterval(beat, HEARTBEAT_MS);
      heartbeat.unref();
    }
  }

  function untrack(client: Client) {
    clients.delete(client);
    if (clients.size === 0) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }

  /** The stream ends when the session would have timed out; the reconnect re-authenticates. */
  function sessionDeadlineMs(session: SessionRow | null): number {
    if (!session) {
      return MAX_TIMER_MS;
    }
    const until = Math.min(session.expiresAt.getTime(), session.idleExpiresAt.getTime());
    return Math.min(MAX_TIMER_MS, Math.max(0, until - deps.clock.now().getTime()));
  }

  /**
   * Opens a live event stream for the signed-in user: `retry:` first, then every event of their
   * scope (dispatchers: own area) as `event:`/`data:` frames and a heartbeat comment every 25 s.
   * LISTEN is active before the first byte, so nothing committed after that is missed.
   * @throws SERVICE_UNAVAILABLE while the app shuts down or when the database refuses LISTEN
   */
  async function connect(ctx: RequestCtx, session: SessionRow | null): Promise<Readable> {
    const scope = areaScopeOf(actorOf(ctx));
    if (!closing) {
      await bus.start().catch((err: unknown) => {
        ctx.log.error({ err }, 'LISTEN failed');
        throw new AppError(
          'SERVICE_UNAVAILABLE',
          'Live updates are unavailable; try again shortly.',
        );
      });
    }
    if (closing) {
      throw new AppError('SERVICE_UNAVAILABLE', 'The server is shutting down.');
    }
    const stream = new PassThrough();
    const expiry = setTimeout(() => stream.end(), sessionDeadlineMs(session));
    expiry.unref();
    const client: Client = { stream, close: () => stream.end() };
    const unsubscribe = bus.subscribe((event: LiveEvent) => {
      const visible = visibleEvent(scope, event);
      if (visible) {
        send(client, sseFrame(visible));
      }
    });
    // 'close' follows both a finished stream and one Fastify destroyed on client disconnect.
    stream.once('close', () => {
      clearTimeout(expiry);
      unsubscribe();
      untrack(client);
    });
    track(client);
    stream.write(`retry: ${RETRY_MS}\n: connected\n\n`);
    return stream;
  }

  /** Ends every open stream (their responses complete) and stops listening; for app shutdown. */
  async function close(): Promise<void> {
    closing = true;
    for (const client of [...clients]) {
      client.close();
    }
    await bus.close();
  }

  return { connect, close, connectedClients: () => clients.size };
}

export type EventsService = ReturnType<typeof createEventsService>;
