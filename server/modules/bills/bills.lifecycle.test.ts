import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill, RemoveParentResult } from '../../../common/contracts/bills.js';
import { bags } from '../../db/schema/bags.js';
import { auditRows } from '../../test/audit.js';
import { freshChildCode } from '../../test/bags.js';
import { errorCode } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  attached,
  bagRow,
  biller,
  billActors,
  type BillActors,
  billRow,
  detailOf,
  expectConsistent,
  expectStatus,
  newBill,
  packedParent,
} from './bills.test-kit.js';

/** Status, completion (auto, at capacity, flexible), reopen, remove and capacity edits (SPEC §5). */
describe('bill lifecycle', () => {
  let t: TestApp;
  let a: BillActors;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await billActors(t);
  });
  afterAll(async () => t.app.close());

  const b = () => biller(t, a.biller);
  const parent = (children = 0) => packedParent(t, a.biller, children);

  it('new → processing (first parent) → completed automatically at capacity', async () => {
    const billNo = await newBill(t, a.biller, 2);
    expect((await billRow(t, billNo))?.status).toBe('new');
    expect((await attached(t, a.biller, billNo, await parent(1))).bill.status).toBe('processing');

    const last = await attached(t, a.biller, billNo, await parent(2));

    expect(last.bill).toMatchObject({ status: 'completed', parentCount: 2, fillPercent: 100 });
    expect(last.bill.completedAt).not.toBeNull();
    expect((await billRow(t, billNo))?.completionReason).toBe('reached capacity');
    const { events } = await detailOf(t, a.admin, billNo);
    expect(events.map((e) => e.action)).toEqual(['create', 'attach', 'attach', 'complete']);
    expect(events[3]).toMatchObject({ note: 'auto', after: { status: 'completed' } });
    const [audit] = await auditRows(t.database, { action: 'bill.complete', entityId: billNo });
    expect(audit?.after).toMatchObject({ auto: true });
  });

  it('completing at capacity needs no reason; an already completed bill answers 200 unchanged', async () => {
    const app = await buildTestApp({ env: { BILL_AUTO_COMPLETE: 'false' } });
    try {
      const off = await billActors(app);
      const billNo = await newBill(app, off.biller, 1);
      const full = await attached(app, off.biller, billNo, await packedParent(app, off.biller, 3));
      expect(full.bill).toMatchObject({ status: 'processing', parentCount: 1, fillPercent: 100 });

      const done = expectStatus(
        await biller(app, off.biller).complete(billNo, {}),
        200,
      ).json<Bill>();
      expect(done).toMatchObject({ status: 'completed', completionReason: 'reached capacity' });
      const [audit] = await auditRows(app.database, { action: 'bill.complete', entityId: billNo });
      expect(audit?.after).toMatchObject({ flexible: false, auto: false });

      const again = expectStatus(await biller(app, off.biller).complete(billNo), 200).json<Bill>();
      expect(again).toEqual(done);
      expect(
        await auditRows(app.database, { action: 'bill.complete', entityId: billNo }),
      ).toHaveLength(1);
    } finally {
      await app.app.close();
    }
  });

  it('flexible completion below capacity: BILL_EMPTY, then REASON_REQUIRED, then completes (audited)', async () => {
    const billNo = await newBill(t, a.biller, 5);
    const empty = expectStatus(await b().complete(billNo, { reason: 'no more stock' }), 409);
    expect(errorCode(empty)).toBe('BILL_EMPTY');
    await attached(t, a.biller, billNo, await parent(4));
    for (const body of [undefined, {}, { reason: '   ' }]) {
      const res = expectStatus(await b().complete(billNo, body), 400);
      expect(errorCode(res)).toBe('REASON_REQUIRED');
    }
    expect((await billRow(t, billNo))?.status).toBe('processing');

    const res = expectStatus(await b().complete(billNo, { reason: ' Truck left early ' }), 200);

    expect(res.json<Bill>()).toMatchObject({
      status: 'completed',
      completionReason: 'Truck left early',
      parentCount: 1,
      fillPercent: 20,
    });
    const [audit] = await auditRows(t.database, { action: 'bill.complete', entityId: billNo });
    expect(audit).toMatchObject({
      actorUsername: a.billerName,
      requestId: res.headers['x-request-id'],
    });
    expect(audit?.after).toMatchObject({ flexible: true, reason: 'Truck left early' });
    const { events } = await detailOf(t, a.biller, billNo);
    expect(events.at(-1)).toMatchObject({
      action: 'complete',
      note: 'Truck left early',
      user: a.billerName,
    });
  });

  it('reopen: completed → processing (audited); any other status answers 200 unchanged', async () => {
    const billNo = await newBill(t, a.biller, 1);
    const fresh = expectStatus(await b().reopen(billNo), 200).json<Bill>();
    expect(fresh.status).toBe('new');
    await attached(t, a.biller, billNo, await parent());
    expect((await billRow(t, billNo))?.status).toBe('completed');

    const res = expectStatus(await b().reopen(billNo), 200);

    expect(res.json<Bill>()).toMatchObject({
      status: 'processing',
      completedAt: null,
      completionReason: null,
    });
    expect(
      (await auditRows(t.database, { action: 'bill.reopen', entityId: billNo }))[0],
    ).toMatchObject({
      requestId: res.headers['x-request-id'],
    });
    expect(expectStatus(await b().reopen(billNo), 200).json<Bill>().status).toBe('processing');
    expect(await auditRows(t.database, { action: 'bill.reopen', entityId: billNo })).toHaveLength(
      1,
    );
    expect(errorCode(await b().reopen('NO-SUCH-BILL-X'))).toBe('BILL_NOT_FOUND');
  });

  it('removing a parent recomputes the figures and reopens a completed bill; the last one makes it new', async () => {
    const billNo = await newBill(t, a.biller, 2);
    const [p1, p2] = [await parent(3), await parent(5)];
    await attached(t, a.biller, billNo, p1);
    await attached(t, a.biller, billNo, p2);
    expect((await billRow(t, billNo))?.status).toBe('completed');

    const res = expectStatus(await b().remove(billNo, p2.toLowerCase()), 200);

    expect(res.json<RemoveParentResult>().bill).toMatchObject({
      status: 'processing',
      parentCount: 1,
      childCount: 3,
      actualWeightKg: 3,
      expectedWeightKg: 30,
      completedAt: null,
    });
    expect(await bagRow(t, p2)).toMatchObject({ billId: null, billAttachedAt: null });
    await expectConsistent(t, billNo);
    const [audit] = await auditRows(t.database, { action: 'bill.remove_parent', entityId: billNo });
    expect(audit?.after).toMatchObject({ parent: p2 });

    const off = expectStatus(await b().remove(billNo, p1), 200).json<RemoveParentResult>();
    expect(off.bill).toMatchObject({ status: 'new', parentCount: 0, childCount: 0 });
    const { events } = await detailOf(t, a.biller, billNo);
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'attach',
      'attach',
      'complete',
      'remove',
      'remove',
    ]);
  });

  it('remove answers BILL_NOT_FOUND, BAG_NOT_FOUND, QR_WRONG_TYPE and PARENT_NOT_ON_BILL', async () => {
    const billNo = await newBill(t, a.biller, 3);
    const other = await newBill(t, a.biller, 3);
    const onOther = await parent(1);
    await attached(t, a.biller, other, onOther);
    expect(errorCode(await b().remove('NO-SUCH-BILL-Y', onOther))).toBe('BILL_NOT_FOUND');
    expect(errorCode(await b().remove(billNo, 'SB99999X'))).toBe('QR_INVALID_PARENT');
    const unknown = await packedParent(t, a.biller, 0);
    const notOn = expectStatus(await b().remove(billNo, unknown), 409);
    expect(errorCode(notOn)).toBe('PARENT_NOT_ON_BILL');
    expect(notOn.json().error.details).toEqual({ qr: unknown, bill: billNo });
    expect(errorCode(await b().remove(billNo, onOther))).toBe('PARENT_NOT_ON_BILL');
    expect((await billRow(t, other))?.parentCount).toBe(1);
    const [child] = await t.database.db
      .select()
      .from(bags)
      .where(eq(bags.parentId, (await bagRow(t, onOther))?.id ?? -1));
    const wrong = expectStatus(await b().remove(other, child?.qr ?? ''), 400);
    expect(errorCode(wrong)).toBe('QR_WRONG_TYPE');
    expect(errorCode(await b().remove(billNo, freshChildCode()))).toBe('BAG_NOT_FOUND');
  });

  it('dispatchers get 403 on every write, and may view', async () => {
    const billNo = await newBill(t, a.biller, 3);
    const p = await parent();
    await attached(t, a.biller, billNo, p);
    const d = biller(t, a.dispatcher);
    const writes = [
      d.create({ billNo: `${billNo}-D`, capacity: 1 }),
      d.patch(billNo, { capacity: 4 }),
      d.remove(billNo, p),
      d.complete(billNo, { reason: 'x' }),
      d.reopen(billNo),
      d.delete(billNo),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    expect(expectStatus(await d.detail(billNo), 200).json().bill.parentCount).toBe(1);
    expect(expectStatus(await d.list(`?q=${billNo}`), 200).json().items).toHaveLength(1);
    expect(await bagRow(t, p)).toMatchObject({ billId: (await billRow(t, billNo))?.id });
  });
});
