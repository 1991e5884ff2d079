import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachResult } from '../../../common/contracts/bills.js';
import { bags } from '../../db/schema/bags.js';
import { billEvents, returnTickets } from '../../db/schema/bills.js';
import { auditRows } from '../../test/audit.js';
import { errorCode } from '../../test/auth.js';
import { freshChildCode, freshParentCode, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  advanceSeconds,
  attached,
  bagRow,
  biller,
  billActors,
  type BillActors,
  billRow,
  billScans,
  expectConsistent,
  expectStatus,
  freshBillNo,
  newBill,
  packedParent,
} from './bills.test-kit.js';

/** POST /api/bills/:billNo/parents: every rule of SPEC §5, in the spec's order. */
describe('attaching parents to a bill', () => {
  let t: TestApp;
  let a: BillActors;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await billActors(t);
  });
  afterAll(async () => t.app.close());

  const b = () => biller(t, a.biller);

  it('attaches a parent: figures, status processing, a scan, a history event and an audit row', async () => {
    const billNo = await newBill(t, a.biller, 5);
    const parent = await packedParent(t, a.biller, 3);

    const res = expectStatus(
      await b().attach(billNo.toLowerCase(), ` ${parent.toLowerCase()}\n`),
      200,
    );

    const body = res.json<AttachResult>();
    expect(body).toMatchObject({ duplicate: false, created: false });
    expect(body.parent).toMatchObject({ qr: parent, type: 'parent', kind: 'SB', childCount: 3 });
    expect(body.bill).toMatchObject({
      billNo,
      status: 'processing',
      capacity: 5,
      parentCount: 1,
      childCount: 3,
      actualWeightKg: 3,
      expectedWeightKg: 30,
      differenceKg: -27,
      fillPercent: 20,
      createdBy: { username: a.billerName, role: 'biller', dispatchArea: null },
    });
    expect((await bagRow(t, parent))?.billAttachedAt).toBeInstanceOf(Date);
    await expectConsistent(t, billNo);
    const [scan] = await billScans(t, parent);
    expect(scan).toMatchObject({
      kind: 'bill',
      targetQr: billNo,
      duplicate: false,
      created: false,
    });
    const [bill] = [await billRow(t, billNo)];
    const events = await t.database.db
      .select()
      .from(billEvents)
      .where(eq(billEvents.billId, bill?.id ?? -1))
      .orderBy(billEvents.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'attach']);
    expect(events[1]).toMatchObject({
      parentQr: parent,
      before: expect.objectContaining({ parentCount: 0, status: 'new' }),
      after: expect.objectContaining({ parentCount: 1, childCount: 3, status: 'processing' }),
    });
    const [audit] = await auditRows(t.database, { action: 'bill.attach', entityId: billNo });
    expect(audit).toMatchObject({
      actorUsername: a.billerName,
      requestId: res.headers['x-request-id'],
    });
    expect(audit?.after).toMatchObject({ parent, manual: false });
  });

  it('1. a missing bill → 404 BILL_NOT_FOUND, before anything about the code', async () => {
    const parent = await packedParent(t, a.biller, 0);
    const missing = freshBillNo('NOPE');
    for (const qr of [parent, await freshParentCode(t.database), freshChildCode()]) {
      const res = expectStatus(await b().attach(missing, qr), 404);
      expect(errorCode(res)).toBe('BILL_NOT_FOUND');
      expect(res.json().error.details).toEqual({ bill: missing });
    }
  });

  it('2. an unknown code → 404 BAG_NOT_FOUND: scanning never creates a parent', async () => {
    const billNo = await newBill(t, a.biller, 5);
    const unknown = await freshParentCode(t.database);
    const res = expectStatus(await b().attach(billNo, unknown), 404);
    expect(errorCode(res)).toBe('BAG_NOT_FOUND');
    expect(await bagRow(t, unknown)).toBeUndefined();
    expect(errorCode(await b().attach(billNo, freshChildCode()))).toBe('BAG_NOT_FOUND');
    expect((await billRow(t, billNo))?.parentCount).toBe(0);
    expect(await billScans(t, unknown)).toEqual([]);
  });

  it('2. typed manual entry creates an unknown valid parent, audited bag.create manual: true', async () => {
    const billNo = await newBill(t, a.biller, 5);
    const code = await freshParentCode(t.database, 'M444');

    const res = expectStatus(await b().attach(billNo, code, { manual: true }), 200);

    expect(res.json<AttachResult>()).toMatchObject({
      created: true,
      duplicate: false,
      parent: { qr: code, type: 'parent', kind: 'M444', status: 'empty', childCount: 0 },
      bill: { parentCount: 1, childCount: 0, expectedWeightKg: 15, status: 'processing' },
    });
    expect(await bagRow(t, code)).toMatchObject({ type: 'parent', kind: 'M444' });
    const [audit] = await auditRows(t.database, { action: 'bag.create', entityId: code });
    expect(audit?.after).toMatchObject({ manual: true, kind: 'M444', bill: billNo });
    const [scan] = await billScans(t, code);
    expect(scan).toMatchObject({ created: true, duplicate: false });
  });

  it('2. a refused manual attach creates nothing (full bill, completed bill)', async () => {
    const full = await newBill(t, a.biller, 1);
    await attached(t, a.biller, full, await packedParent(t, a.biller, 0));
    expectStatus(await b().reopen(full), 200);
    const closed = await newBill(t, a.biller, 2);
    await attached(t, a.biller, closed, await packedParent(t, a.biller, 0));
    expectStatus(await b().complete(closed, { reason: 'truck left early' }), 200);

    for (const [billNo, code] of [
      [full, 'BILL_FULL'],
      [closed, 'BILL_CLOSED'],
    ] as const) {
      const qr = await freshParentCode(t.database);
      const res = await b().attach(billNo, qr, { manual: true });
      expect(res.statusCode, res.body).toBe(409);
      expect(errorCode(res)).toBe(code);
      expect(await bagRow(t, qr)).toBeUndefined();
      expect(await auditRows(t.database, { action: 'bag.create', entityId: qr })).toEqual([]);
    }
  });

  it('3. a child code → 400 QR_WRONG_TYPE; malformed codes → QR_*', async () => {
    const billNo = await newBill(t, a.biller, 5);
    const parent = await packedParent(t, a.biller, 1);
    const [child] = await t.database.db
      .select()
      .from(bags)
      .where(eq(bags.parentId, (await bagRow(t, parent))?.id ?? -1));
    const res = expectStatus(await b().attach(billNo, child?.qr ?? ''), 400);
    expect(errorCode(res)).toBe('QR_WRONG_TYPE');
    expect(res.json().error.details).toMatchObject({ expected: 'parent', actual: 'child' });
    expect(errorCode(await b().attach(billNo, 'SB-12345'))).toBe('QR_INVALID_PARENT');
    expect(errorCode(await b().attach(billNo, ' \u200b '))).toBe('QR_EMPTY');
    expect(errorCode(await b().attach(billNo, freshChildCode(), { manual: true }))).toBe(
      'QR_WRONG_TYPE',
    );
  });

  it('3. already on this bill → duplicate: true, nothing changes, even on a completed bill', async () => {
    const billNo = await newBill(t, a.biller, 2);
    const parent = await packedParent(t, a.biller, 2);
    const first = await attached(t, a.biller, billNo, parent);
    advanceSeconds(t, 5);

    const again = expectStatus(await b().attach(billNo, parent), 200).json<AttachResult>();
    expect(again).toMatchObject({ duplicate: true, created: false });
    expect(again.bill).toMatchObject({ parentCount: 1, childCount: 2 });

    await attached(t, a.biller, billNo, await packedParent(t, a.biller, 0));
    expect((await billRow(t, billNo))?.status).toBe('completed');
    advanceSeconds(t, 5);
    const onClosed = expectStatus(await b().attach(billNo, parent), 200).json<AttachResult>();
    expect(onClosed).toMatchObject({
      duplicate: true,
      bill: { status: 'completed', parentCount: 2 },
    });
    expect((await billScans(t, parent)).map((s) => s.duplicate)).toEqual([false, true, true]);
    expect(first.bill.parentCount).toBe(1);
    await expectConsistent(t, billNo);
  });

  it('3. a double read within 3 s gets the first answer again (duplicate: false), no second scan', async () => {
    const billNo = await newBill(t, a.biller, 5);
    const parent = await packedParent(t, a.biller, 1);
    const first = expectStatus(await b().attach(billNo, parent), 200);
    advanceSeconds(t, 0.6);

    const second = expectStatus(await b().attach(billNo, parent), 200);
    expect(second.json<AttachResult>().duplicate).toBe(false);
    expect(second.body).toBe(first.body);
    advanceSeconds(t, 2);
    expect(expectStatus(await b().attach(billNo, parent), 200).json().duplicate).toBe(false);
    expect(await billScans(t, parent)).toHaveLength(1);

    advanceSeconds(t, 1.5);
    const later = expectStatus(await b().attach(billNo, parent), 200).json<AttachResult>();
    expect(later.duplicate).toBe(true);
    expect((await billScans(t, parent)).map((s) => s.duplicate)).toEqual([false, true]);
    expect((await billRow(t, billNo))?.parentCount).toBe(1);
  });

  it('4. a completed bill → 409 BILL_CLOSED (before PARENT_ON_OTHER_BILL)', async () => {
    const billNo = await newBill(t, a.biller, 1);
    await attached(t, a.biller, billNo, await packedParent(t, a.biller, 0));
    const elsewhere = await newBill(t, a.biller, 5);
    const onOther = await packedParent(t, a.biller, 0);
    await attached(t, a.biller, elsewhere, onOther);

    for (const qr of [await packedParent(t, a.biller, 0), onOther]) {
      const res = expectStatus(await b().attach(billNo, qr), 409);
      expect(errorCode(res)).toBe('BILL_CLOSED');
      expect(res.json().error.details).toEqual({ bill: billNo });
    }
  });

  it('5. on another bill → 409 PARENT_ON_OTHER_BILL naming that bill', async () => {
    const [first, second] = [await newBill(t, a.biller, 5), await newBill(t, a.biller, 5)];
    const parent = await packedParent(t, a.biller, 4);
    await attached(t, a.biller, first, parent);

    const res = expectStatus(await b().attach(second, parent), 409);
    expect(errorCode(res)).toBe('PARENT_ON_OTHER_BILL');
    expect(res.json().error.details).toEqual({ qr: parent, bill: first });
    expect(res.json().error.message).toContain(first);
    expect((await bagRow(t, parent))?.billId).toBe((await billRow(t, first))?.id);
    expect((await billRow(t, second))?.parentCount).toBe(0);
  });

  it('6. in an open return ticket → 409 PARENT_IN_OPEN_TICKET (before BILL_FULL)', async () => {
    const parent = await packedParent(t, a.biller, 0);
    const code = `RTN-20250101-${freshBillNo('X').slice(-4)}`;
    const now = t.clock.now();
    const [ticket] = await t.database.db
      .insert(returnTickets)
      .values({ code, location: 'hisar', status: 'open', createdAt: now, updatedAt: now })
      .returning();
    await t.database.db
      .update(bags)
      .set({ openTicketId: ticket?.id ?? null })
      .where(eq(bags.qr, parent));
    const billNo = await newBill(t, a.biller, 1);

    const res = expectStatus(await b().attach(billNo, parent), 409);
    expect(errorCode(res)).toBe('PARENT_IN_OPEN_TICKET');
    expect(res.json().error.details).toEqual({ qr: parent, ticket: code });

    await attached(t, a.biller, billNo, await packedParent(t, a.biller, 0));
    expectStatus(await b().reopen(billNo), 200);
    expect(errorCode(await b().attach(billNo, parent))).toBe('PARENT_IN_OPEN_TICKET');
  });

  it('7. at capacity → 409 BILL_FULL (auto-complete off for this bill: reopened when full)', async () => {
    const billNo = await newBill(t, a.biller, 2);
    await attached(t, a.biller, billNo, await packedParent(t, a.biller, 0));
    await attached(t, a.biller, billNo, await packedParent(t, a.biller, 0));
    expectStatus(await b().reopen(billNo), 200);

    const res = expectStatus(await b().attach(billNo, await packedParent(t, a.biller, 0)), 409);
    expect(errorCode(res)).toBe('BILL_FULL');
    expect(res.json().error.details).toEqual({ bill: billNo, capacity: 2 });
    expect((await billRow(t, billNo))?.parentCount).toBe(2);
  });

  it('dispatchers may not attach (403 FORBIDDEN, audited) and the bill is untouched', async () => {
    const billNo = await newBill(t, a.biller, 5);
    const parent = await freshParentCode(t.database);
    await packer(t.app, a.dispatcher).parent(parent);

    const res = expectStatus(await biller(t, a.dispatcher).attach(billNo, parent), 403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    const [denied] = await auditRows(t.database, {
      action: 'security.denied',
      actorUsername: a.dispatcherName,
    });
    expect(denied).toMatchObject({ security: true, entityId: 'POST /api/bills/:billNo/parents' });
    expect((await billRow(t, billNo))?.parentCount).toBe(0);
  });
});
