import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { workerDatabase } from '../test/test-database.js';
import { batchPayloads, createEventOutbox } from './event-outbox.js';

describe('batchPayloads', () => {
  it('packs events into {"batch": [...]} payloads that each fit a NOTIFY', () => {
    const events = Array.from({ length: 500 }, (_, i) => ({
      type: 'scan',
      qr: `SB${String(i).padStart(5, '0')}`,
      pad: 'x'.repeat(40),
    }));

    const payloads = batchPayloads(events);

    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) {
      expect(payload.length).toBeLessThan(8000);
    }
    const all = payloads.flatMap((p) => (JSON.parse(p) as { batch: unknown[] }).batch);
    expect(all).toEqual(events);
  });

  it('drops a single event too large for any payload, keeping the others', () => {
    const payloads = batchPayloads([{ big: 'x'.repeat(9000) }, { type: 'link' }]);

    expect(payloads).toEqual(['{"batch":[{"type":"link"}]}']);
  });
});

describe('createEventOutbox', () => {
  it('NOTIFYs every payload of a flush, in order, in one statement', async () => {
    const database = await workerDatabase();
    const marker = randomUUID();
    const payloads: Array<Array<{ marker?: string }>> = [];
    const unlisten = await database.listen?.('tt_events', (payload) => {
      const { batch } = JSON.parse(payload) as { batch: Array<{ marker?: string }> };
      if (batch.some((event) => event.marker === marker)) {
        payloads.push(batch);
      }
    });
    const outbox = createEventOutbox(database, pino({ enabled: false }));
    const events = Array.from({ length: 60 }, (_, i) => ({
      type: 'scan',
      marker,
      i,
      pad: 'x'.repeat(300),
    }));
    const query = vi.spyOn(database, 'query');

    outbox.publish(events);
    await outbox.flush();

    await vi.waitFor(() => expect(payloads.flat()).toHaveLength(events.length));
    expect(payloads.flat()).toEqual(events);
    expect(payloads.length).toBeGreaterThan(2);
    // Counted by this test's marker: the worker's database is shared, so another outbox may flush.
    const ours = query.mock.calls.filter(([, params]) => JSON.stringify(params).includes(marker));
    expect(ours).toHaveLength(1);
    query.mockRestore();
    await unlisten?.();
  });
});
