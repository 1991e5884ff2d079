import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  attached,
  biller,
  billActors,
  type BillActors,
  expectStatus,
  newBill,
  packedParent,
} from './bills.test-kit.js';

/**
 * Live updates (SPEC §9): every bill change tells every app instance through NOTIFY tt_events
 * ({type: 'bill', area: null, billNo, …}, batched after commit by the event outbox), which
 * GET /api/events fans out as `event: bill`.
 */
describe('bill change notifications', () => {
  let t: TestApp;
  let a: BillActors;
  const heard: Array<Record<string, unknown>> = [];
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await billActors(t);
    stop = await t.database.listen?.('tt_events', (payload) => {
      const parsed = JSON.parse(payload) as Record<string, unknown> & { batch?: unknown };
      const events = Array.isArray(parsed.batch) ? parsed.batch : [parsed];
      heard.push(...(events as Array<Record<string, unknown>>));
    });
  });
  afterAll(async () => {
    await stop?.();
    await t.app.close();
  });

  /** The bill events heard for `billNo` once `count` have arrived (NOTIFY is asynchronous). */
  async function billEvents(billNo: string, count: number) {
    const mine = () => heard.filter((e) => e.type === 'bill' && e.billNo === billNo);
    for (let i = 0; i < 100 && mine().length < count; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return mine();
  }

  it('create, attach, edit, complete, reopen, remove and delete each notify', async () => {
    expect(stop).toBeDefined();
    const b = biller(t, a.biller);
    const billNo = await newBill(t, a.biller, 3);
    const parent = await packedParent(t, a.biller, 2);
    await attached(t, a.biller, billNo, parent);
    expectStatus(await b.patch(billNo, { destination: 'Ranchi' }), 200);
    expectStatus(await b.complete(billNo, { reason: 'rain' }), 200);
    expectStatus(await b.reopen(billNo), 200);
    expectStatus(await b.remove(billNo, parent), 200);
    expectStatus(await biller(t, a.admin).delete(billNo), 204);

    const events = await billEvents(billNo, 9);

    expect(events.every((e) => e.area === null)).toBe(true);
    expect(events.map((e) => e.action ?? e.status ?? 'figures')).toEqual([
      'create',
      'figures',
      'processing',
      'edit',
      'completed',
      'processing',
      'figures',
      'new',
      'delete',
    ]);
    expect(events[1]).toMatchObject({ figures: { parentCount: 1, childCount: 2 } });
    expect(events.at(-1)).toMatchObject({ deleted: true });
  });
});
