import { describe, expect, it } from 'vitest';
import { batchPayloads } from './event-outbox.js';

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
