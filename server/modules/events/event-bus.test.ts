import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { ManualClock } from '../../platform/clock.js';
import { createEventBus, EVENTS_CHANNEL, parseNotification, type LiveEvent } from './event-bus.js';
import { visibleEvent } from './events.policy.js';

const quiet = () => undefined;
const log = {
  warn: quiet,
  debug: quiet,
  error: quiet,
  info: quiet,
} as unknown as FastifyBaseLogger;

/** A database whose LISTEN the test drives by hand. */
function fakeDatabase() {
  const state = { channel: '', notify: (_payload: string) => undefined as void, unlistened: false };
  const database = {
    listen: async (channel: string, onPayload: (payload: string) => void) => {
      state.channel = channel;
      state.notify = onPayload;
      return async () => {
        state.unlistened = true;
      };
    },
  } as unknown as Database;
  return { database, state };
}

const link = (area: string | null) =>
  JSON.stringify({ type: 'link', area, parent: 'SB00001', child: 'C1', childCount: 1 });

describe('parseNotification', () => {
  it.each([
    ['not JSON', 'nope'],
    ['an array', '[1]'],
    ['an unknown type', '{"type":"drop","area":null}'],
    ['a stats event (derived per instance, never forwarded)', '{"type":"stats","areas":[]}'],
    ['a non-string area', '{"type":"scan","area":7}'],
  ])('ignores %s', (_label, payload) => {
    expect(parseNotification(payload)).toBeNull();
  });

  it('keeps the whole payload as data and a missing area as null', () => {
    expect(parseNotification('{"type":"bill","billNo":"B-1"}')).toEqual({
      type: 'bill',
      area: null,
      data: { type: 'bill', billNo: 'B-1' },
    });
  });
});

describe('visibleEvent', () => {
  const change = parseNotification(link('lucknow')) as LiveEvent;
  const noArea = parseNotification(link(null)) as LiveEvent;
  const stats: LiveEvent = {
    type: 'stats',
    areas: ['lucknow', null, 'indore'],
    at: '2037-01-01T00:00:00.000Z',
  };

  it('shows every event to an all-areas scope, unchanged', () => {
    expect(visibleEvent(null, change)).toEqual({ type: 'link', data: JSON.parse(link('lucknow')) });
    expect(visibleEvent(null, stats)?.data).toEqual({
      type: 'stats',
      areas: ['lucknow', null, 'indore'],
      at: stats.at,
    });
  });

  it('shows an area scope only its own area, with no-area events matching the "" scope', () => {
    expect(visibleEvent('indore', change)).toBeNull();
    expect(visibleEvent('lucknow', change)?.type).toBe('link');
    expect(visibleEvent('', noArea)?.type).toBe('link');
    expect(visibleEvent('', change)).toBeNull();
  });

  it('narrows a stats event to the scope’s area and the no-area bills, and drops it when neither changed', () => {
    expect(visibleEvent('indore', stats)?.data).toEqual({
      type: 'stats',
      areas: [null, 'indore'],
      at: stats.at,
    });
    expect(visibleEvent('', stats)?.data).toEqual({ type: 'stats', areas: [null], at: stats.at });
    expect(visibleEvent('akola', stats)?.data).toEqual({
      type: 'stats',
      areas: [null],
      at: stats.at,
    });
    expect(visibleEvent('akola', { ...stats, areas: ['lucknow', 'indore'] })).toBeNull();
  });

  it('shows bill events (no area; every role may view bills) to every scope', () => {
    const bill = parseNotification(
      JSON.stringify({ type: 'bill', area: null, billNo: 'B-1', status: 'completed' }),
    ) as LiveEvent;

    expect(visibleEvent('akola', bill)).toEqual({
      type: 'bill',
      data: { type: 'bill', area: null, billNo: 'B-1', status: 'completed' },
    });
    expect(visibleEvent(null, bill)?.type).toBe('bill');
  });
});

describe('createEventBus', () => {
  it('LISTENs once on tt_events, fans each change out to every subscriber, and UNLISTENs on close', async () => {
    const { database, state } = fakeDatabase();
    const bus = createEventBus({ database, clock: new ManualClock(), log });
    const first: LiveEvent[] = [];
    const second: LiveEvent[] = [];
    bus.subscribe((e) => first.push(e));
    bus.subscribe((e) => second.push(e));

    await Promise.all([bus.start(), bus.start()]);
    state.notify(link('lucknow'));
    state.notify('garbage');
    await bus.close();

    expect(state.channel).toBe(EVENTS_CHANNEL);
    expect(first.map((e) => e.type)).toEqual(['link']);
    expect(second).toEqual(first);
    expect(state.unlistened).toBe(true);
  });

  it('folds a burst of changes into one stats event naming each changed area once', async () => {
    const { database, state } = fakeDatabase();
    const clock = new ManualClock(new Date('2037-01-01T00:00:00Z'));
    const bus = createEventBus({ database, clock, log });
    const stats = new Promise<LiveEvent>((resolve) => {
      bus.subscribe((e) => {
        if (e.type === 'stats') {
          resolve(e);
        }
      });
    });
    await bus.start();

    for (const area of ['lucknow', 'indore', 'lucknow', null]) {
      state.notify(link(area));
    }

    expect(await stats).toEqual({
      type: 'stats',
      areas: ['lucknow', 'indore', null],
      at: '2037-01-01T00:00:00.000Z',
    });
    await bus.close();
  });

  it('starts without live events when the database offers no LISTEN', async () => {
    const bus = createEventBus({ database: {} as Database, clock: new ManualClock(), log });

    await expect(bus.start()).resolves.toBeUndefined();
    await bus.close();
    await expect(bus.start()).rejects.toThrow('closed');
  });
});
