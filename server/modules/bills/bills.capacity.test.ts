import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../../common/contracts/bills.js';
import { auditRows } from '../../test/audit.js';
import { errorCode } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { openIsolatedDatabase } from '../../test/test-database.js';
import {
  attached,
  biller,
  billActors,
  type BillActors,
  billCounters,
  billRow,
  detailOf,
  expectStatus,
  newBill,
  packedParent,
} from './bills.test-kit.js';

/** Capacity edits and auto-completion (SPEC §5 "Completion"). */
describe('bill capacity', () => {
  let t: TestApp;
  let a: BillActors;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await billActors(t);
  });
  afterAll(async () => t.app.close());

  const b = () => biller(t, a.biller);
  const parent = (children = 0) => packedParent(t, a.biller, children);

  it('capacity edits: never below the attached count; equal to it on an open bill completes it', async () => {
    const billNo = await newBill(t, a.biller, 5, { description: 'rabi seed' });
    for (let i = 0; i < 3; i += 1) {
      await attached(t, a.biller, billNo, await parent());
    }
    const below = expectStatus(await b().patch(billNo, { capacity: 2 }), 409);
    expect(errorCode(below)).toBe('BILL_CAPACITY_BELOW_ATTACHED');
    expect(below.json().error.details).toEqual({ bill: billNo, capacity: 2, parentCount: 3 });
    expect((await billRow(t, billNo))?.capacity).toBe(5);

    const edited = expectStatus(
      await b().patch(billNo, {
        capacity: 4,
        destination: ' Jaipur C&F ',
        vehicleNumber: 'RJ14 GA 1234',
      }),
      200,
    ).json<Bill>();
    expect(edited).toMatchObject({
      capacity: 4,
      destination: 'Jaipur C&F',
      status: 'processing',
      fillPercent: 75,
    });

    const closed = expectStatus(await b().patch(billNo, { capacity: 3 }), 200).json<Bill>();
    expect(closed).toMatchObject({
      capacity: 3,
      status: 'completed',
      completionReason: 'reached capacity',
    });
    const { events } = await detailOf(t, a.biller, billNo);
    expect(events.slice(-3).map((e) => e.action)).toEqual(['edit', 'edit', 'complete']);
    expect(events.at(-3)).toMatchObject({
      before: { capacity: 5, destination: null, vehicleNumber: null },
      after: { capacity: 4, destination: 'Jaipur C&F', vehicleNumber: 'RJ14 GA 1234' },
    });
    const audits = await auditRows(t.database, { action: 'bill.update', entityId: billNo });
    expect(audits[0]).toMatchObject({ before: { capacity: 4 }, after: { capacity: 3 } });

    const raised = expectStatus(
      await b().patch(billNo, { capacity: 10, description: '' }),
      200,
    ).json<Bill>();
    // Completed only because it was full: no longer full, so it takes parents again.
    expect(raised).toMatchObject({ capacity: 10, status: 'processing', description: null });
    expect((await detailOf(t, a.biller, billNo)).events.at(-1)).toMatchObject({
      action: 'reopen',
      after: { status: 'processing' },
    });
    const [reopened] = await auditRows(t.database, { action: 'bill.reopen', entityId: billNo });
    expect(reopened?.after).toEqual({ status: 'processing', why: 'capacity raised' });
    await attached(t, a.biller, billNo, await parent());
    expect(errorCode(await b().patch(billNo, {}))).toBe('VALIDATION');
    expect(errorCode(await b().patch(billNo, { capacity: 501 }))).toBe('VALIDATION');
    expect(errorCode(await b().patch(billNo, { status: 'new' }))).toBe('VALIDATION');
    expect(errorCode(await b().patch('NO-SUCH-BILL-Z', { capacity: 3 }))).toBe('BILL_NOT_FOUND');
  });

  it('a bill completed early (with a reason) stays completed when its capacity is raised', async () => {
    const billNo = await newBill(t, a.biller, 3);
    await attached(t, a.biller, billNo, await parent(2));
    expectStatus(await b().complete(billNo, { reason: 'truck leaving' }), 200);

    const raised = expectStatus(await b().patch(billNo, { capacity: 6 }), 200).json<Bill>();

    expect(raised).toMatchObject({
      capacity: 6,
      status: 'completed',
      completionReason: 'truck leaving',
    });
  });

  it('with BILL_AUTO_COMPLETE=false a bill at capacity stays processing (attach and capacity edit)', async () => {
    const app = await buildTestApp({ env: { BILL_AUTO_COMPLETE: 'false' } });
    try {
      const off = await billActors(app);
      const billNo = await newBill(app, off.biller, 3);
      for (let i = 0; i < 2; i += 1) {
        await attached(app, off.biller, billNo, await packedParent(app, off.biller, 0));
      }
      const edited = expectStatus(
        await biller(app, off.biller).patch(billNo, { capacity: 2 }),
        200,
      );
      expect(edited.json<Bill>()).toMatchObject({
        capacity: 2,
        status: 'processing',
        fillPercent: 100,
      });
      const full = await biller(app, off.biller).attach(
        billNo,
        await packedParent(app, off.biller, 0),
      );
      expect(errorCode(full)).toBe('BILL_FULL');
    } finally {
      await app.app.close();
    }
  });
});

/**
 * GET /api/stats bills.* deltas. On PostgreSQL the database is shared by the other worker's tests,
 * which create bills at the same time: there this test gets a database of its own.
 */
describe('dashboard bill counters', () => {
  let t: TestApp;
  let a: BillActors;
  const isolated = process.env.TEST_DATABASE_URL ? openIsolatedDatabase() : undefined;
  beforeAll(async () => {
    const database = isolated ? await isolated : undefined;
    t = await buildTestApp(database ? { database } : {});
    a = await billActors(t);
  });
  afterAll(async () => {
    await t.app.close();
    await (await isolated)?.close();
  });

  const b = () => biller(t, a.biller);
  const parent = (children = 0) => packedParent(t, a.biller, children);

  it('move with every status change (and a delete)', async () => {
    const before = await billCounters(t, a.admin);
    const delta = async () => {
      const now = await billCounters(t, a.admin);
      return {
        new: now.new - before.new,
        processing: now.processing - before.processing,
        completed: now.completed - before.completed,
      };
    };
    const billNo = await newBill(t, a.biller, 2);
    expect(await delta()).toEqual({ new: 1, processing: 0, completed: 0 });
    const p = await parent();
    await attached(t, a.biller, billNo, p);
    expect(await delta()).toEqual({ new: 0, processing: 1, completed: 0 });
    await attached(t, a.biller, billNo, await parent());
    expect(await delta()).toEqual({ new: 0, processing: 0, completed: 1 });
    expectStatus(await b().reopen(billNo), 200);
    expect(await delta()).toEqual({ new: 0, processing: 1, completed: 0 });
    expectStatus(await b().remove(billNo, p), 200);
    expectStatus(await b().complete(billNo, { reason: 'short load' }), 200);
    expect(await delta()).toEqual({ new: 0, processing: 0, completed: 1 });
    expectStatus(await biller(t, a.admin).delete(billNo), 204);
    expect(await delta()).toEqual({ new: 0, processing: 0, completed: 0 });
  });
});
