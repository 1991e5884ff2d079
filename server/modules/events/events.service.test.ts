import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { SessionRow } from '../../db/schema/sessions.js';
import { ManualClock } from '../../platform/clock.js';
import type { RequestCtx } from '../../platform/context.js';
import { testConfig, testDeps } from '../../test/build-test-app.js';
import { createEventsService } from './events.service.js';

const quiet = () => undefined;
const log = {
  warn: quiet,
  debug: quiet,
  error: quiet,
  info: quiet,
} as unknown as FastifyBaseLogger;

function setup() {
  let notify: (payload: string) => void = quiet;
  const database = {
    listen: async (_channel: string, onPayload: (payload: string) => void) => {
      notify = onPayload;
      return async () => undefined;
    },
  } as unknown as Database;
  const clock = new ManualClock(new Date('2037-01-01T00:00:00Z'));
  const events = createEventsService(testDeps({ database, clock, config: testConfig() }), log);
  const ctx: RequestCtx = {
    actor: { id: 1, username: 'd1', role: 'dispatcher', dispatchArea: 'lucknow' },
    requestId: 'r1',
    ip: '127.0.0.1',
    userAgent: null,
    log,
    clock,
  };
  return { events, ctx, clock, notify: (payload: object) => notify(JSON.stringify(payload)) };
}

/** Everything the stream carries until it ends. */
async function drain(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
  }
  return text;
}

describe('events service', () => {
  it('writes the retry hint, then the frames of the client’s scope only', async () => {
    const { events, ctx, notify } = setup();
    const stream = await events.connect(ctx, null);

    notify({ type: 'link', area: 'indore', parent: 'SB00002', child: 'C2', childCount: 1 });
    notify({ type: 'link', area: 'lucknow', parent: 'SB00001', child: 'C1', childCount: 1 });
    await events.close();

    expect(await drain(stream)).toBe(
      'retry: 3000\n: connected\n\n' +
        'event: link\ndata: {"type":"link","area":"lucknow","parent":"SB00001","child":"C1","childCount":1}\n\n',
    );
  });

  it('forgets a client whose connection closed', async () => {
    const { events, ctx } = setup();
    const stream = await events.connect(ctx, null);
    expect(events.connectedClients()).toBe(1);

    stream.destroy();
    await new Promise((resolve) => stream.once('close', resolve));

    expect(events.connectedClients()).toBe(0);
    await events.close();
  });

  it('ends the stream when the session times out, so the reconnect has to authenticate again', async () => {
    const { events, ctx, clock, notify } = setup();
    const now = clock.now();
    const session = {
      expiresAt: new Date(now.getTime() + 3_600_000),
      idleExpiresAt: now,
    } as SessionRow;

    const stream = await events.connect(ctx, session);
    await once(stream, 'finish');
    notify({ type: 'link', area: 'lucknow', parent: 'SB00001', child: 'C1', childCount: 1 });

    expect(await drain(stream)).toBe('retry: 3000\n: connected\n\n');
    expect(events.connectedClients()).toBe(0);
    await events.close();
  });

  it('refuses new streams once the app is closing', async () => {
    const { events, ctx } = setup();
    await events.close();

    await expect(events.connect(ctx, null)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});
