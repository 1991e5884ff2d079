import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill, BillList } from '../../../common/contracts/bills.js';
import { billEvents } from '../../db/schema/bills.js';
import { auditRows } from '../../test/audit.js';
import { errorCode } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  advanceSeconds,
  attached,
  bagRow,
  biller,
  billActors,
  type BillActors,
  billRow,
  detailOf,
  expectStatus,
  freshBillNo,
  newBill,
  packedParent,
} from './bills.test-kit.js';

describe('bills: create, list, detail, delete', () => {
  let t: TestApp;
  let a: BillActors;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await billActors(t);
  });
  afterAll(async () => t.app.close());

  const b = () => biller(t, a.biller);

  it('creates a bill: normalised number, 201 bill, audited; BILL_EXISTS case-insensitively', async () => {
    const billNo = freshBillNo();
    const res = expectStatus(
      await b().create({
        billNo: ` ${billNo.toLowerCase().replace('-', ' - ')}\t`,
        capacity: 20,
        description: 'Kharif moong',
        destination: 'Akola C&F',
        vehicleNumber: 'MH30 AB 1234',
      }),
      201,
    );
    const normalised = billNo.replace('-', ' - ');
    expect(res.json<Bill>()).toMatchObject({
      billNo: normalised,
      status: 'new',
      capacity: 20,
      parentCount: 0,
      fillPercent: 0,
      description: 'Kharif moong',
      createdBy: { username: a.billerName, role: 'biller', dispatchArea: null },
      completedAt: null,
    });
    const [audit] = await auditRows(t.database, { action: 'bill.create', entityId: normalised });
    expect(audit).toMatchObject({
      actorUsername: a.billerName,
      requestId: res.headers['x-request-id'],
    });
    const dup = expectStatus(
      await b().create({ billNo: normalised.toLowerCase(), capacity: 3 }),
      409,
    );
    expect(errorCode(dup)).toBe('BILL_EXISTS');
    for (const body of [
      { billNo: freshBillNo(), capacity: 0 },
      { billNo: freshBillNo(), capacity: 501 },
      { billNo: ' \u200b ', capacity: 5 },
      { billNo: 'X'.repeat(51), capacity: 5 },
      { billNo: freshBillNo(), capacity: 5, colour: 'red' },
    ]) {
      expect(errorCode(await b().create(body))).toBe('VALIDATION');
    }
  });

  it('lists newest first with keyset pages; filters status, createdBy, q (normalised prefix), from/to', async () => {
    const prefix = `L${freshBillNo('').slice(1, 8)}`;
    const made: string[] = [];
    const stamps: string[] = [];
    for (const [i, session] of [a.biller, a.admin, a.biller, a.admin, a.biller].entries()) {
      advanceSeconds(t, 60);
      stamps.push(t.clock.now().toISOString());
      const billNo = `${prefix}-${i}`;
      expectStatus(await biller(t, session).create({ billNo, capacity: 2 }), 201);
      made.push(billNo);
    }
    await attached(t, a.biller, made[0] ?? '', await packedParent(t, a.biller, 0));
    await attached(t, a.biller, made[0] ?? '', await packedParent(t, a.biller, 0));
    await attached(t, a.biller, made[1] ?? '', await packedParent(t, a.biller, 0));
    const list = async (query: string) =>
      expectStatus(await biller(t, a.dispatcher).list(query), 200).json<BillList>();
    const numbers = (page: BillList) => page.items.map((i) => i.billNo);

    const first = await list(`?q=${prefix.toLowerCase()}&limit=2`);
    expect(numbers(first)).toEqual([made[4], made[3]]);
    expect(first.items[1]?.createdBy).toEqual({
      username: a.adminName,
      role: 'admin',
      dispatchArea: null,
    });
    const second = await list(`?q=${prefix}&limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(numbers(second)).toEqual([made[2], made[1]]);
    const third = await list(`?q=${prefix}&limit=2&cursor=${second.nextCursor ?? ''}`);
    expect(numbers(third)).toEqual([made[0]]);
    expect(third.nextCursor).toBeNull();

    expect(numbers(await list(`?q=${prefix}&status=completed`))).toEqual([made[0]]);
    expect(numbers(await list(`?q=${prefix}&status=processing`))).toEqual([made[1]]);
    expect(numbers(await list(`?q=${prefix}&status=new`))).toEqual([made[4], made[3], made[2]]);
    expect(numbers(await list(`?q=${prefix}&createdBy=${a.adminName.toUpperCase()}`))).toEqual([
      made[3],
      made[1],
    ]);
    expect(numbers(await list(`?q=${prefix}&from=${stamps[1]}&to=${stamps[3]}`))).toEqual([
      made[3],
      made[2],
      made[1],
    ]);
    expect(numbers(await list(`?q=${encodeURIComponent(` ${prefix.toLowerCase()}-1 `)}`))).toEqual([
      made[1],
    ]);
    expect((await list(`?createdBy=nobody-${prefix}`)).items).toEqual([]);
    expect((await list(`?q=${prefix}-9`)).items).toEqual([]);
    expect((await list(`?q=${'Q'.repeat(250)}`)).items).toEqual([]);
    for (const query of [
      '?limit=0',
      '?limit=201',
      '?cursor=%%%',
      '?cursor=bm9wZQ',
      '?status=open',
    ]) {
      expect(errorCode(await biller(t, a.biller).list(query))).toBe('VALIDATION');
    }
    expect(errorCode(await biller(t, a.biller).list(`?from=${stamps[3]}&to=${stamps[1]}`))).toBe(
      'VALIDATION',
    );
  });

  it('detail: the bill, its parents in attach order, its events oldest first with usernames', async () => {
    const billNo = await newBill(t, a.biller, 3);
    const [p1, p2] = [
      await packedParent(t, a.biller, 2),
      await packedParent(t, a.admin, 1, 'M444'),
    ];
    await attached(t, a.biller, billNo, p1);
    advanceSeconds(t, 5);
    await attached(t, a.admin, billNo, p2);
    expectStatus(await b().remove(billNo, p1), 200);

    const detail = await detailOf(t, a.dispatcher, billNo.toLowerCase());

    expect(detail.bill).toMatchObject({
      billNo,
      parentCount: 1,
      childCount: 1,
      expectedWeightKg: 15,
    });
    expect(detail.parents.map((p) => p.qr)).toEqual([p2]);
    expect(detail.events.map((e) => [e.action, e.user, e.parentQr])).toEqual([
      ['create', a.billerName, null],
      ['attach', a.billerName, p1],
      ['attach', a.adminName, p2],
      ['remove', a.billerName, p1],
    ]);
    expect(detail.eventsTruncated).toBe(false);
    expect(errorCode(await b().detail('NO-SUCH-BILL-D'))).toBe('BILL_NOT_FOUND');
  });

  it('delete (admin): the bill goes, its parents survive off it, audited as security', async () => {
    const billNo = await newBill(t, a.biller, 3);
    const parents = [await packedParent(t, a.biller, 2), await packedParent(t, a.biller, 0)];
    for (const p of parents) {
      await attached(t, a.biller, billNo, p);
    }
    const id = (await billRow(t, billNo))?.id ?? -1;
    expect(errorCode(await b().delete(billNo))).toBe('FORBIDDEN');

    const res = expectStatus(await biller(t, a.admin).delete(billNo.toLowerCase()), 204);

    expect(await billRow(t, billNo)).toBeUndefined();
    for (const p of parents) {
      expect(await bagRow(t, p)).toMatchObject({
        billId: null,
        billAttachedAt: null,
        type: 'parent',
      });
    }
    expect(parents.map((p) => p)).toHaveLength(2);
    const [audit] = await auditRows(t.database, { action: 'bill.delete', entityId: billNo });
    expect(audit).toMatchObject({ security: true, requestId: res.headers['x-request-id'] });
    expect(audit?.before).toMatchObject({ billNo, parentCount: 2, parents: [...parents].sort() });
    const events = await t.database.db.select().from(billEvents).where(eq(billEvents.billId, id));
    expect(
      events
        .filter((e) => e.note === 'bill deleted')
        .map((e) => e.parentQr)
        .sort(),
    ).toEqual([...parents].sort());
    expect(errorCode(await b().detail(billNo))).toBe('BILL_NOT_FOUND');
    expect(errorCode(await biller(t, a.admin).delete(billNo))).toBe('BILL_NOT_FOUND');

    const next = await newBill(t, a.biller, 3);
    expect((await attached(t, a.biller, next, parents[0] ?? '')).bill.parentCount).toBe(1);
  });
});
