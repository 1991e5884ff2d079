import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BagDetail, BagHistory, BagSnapshot } from '../../../common/contracts/bags.js';
import { bags } from '../../db/schema/bags.js';
import { returnTickets } from '../../db/schema/bills.js';
import { as, errorCode } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  advanceSeconds,
  attached,
  bagRow,
  biller,
  billActors,
  type BillActors,
  billRow,
  expectConsistent,
  expectStatus,
  freshBillNo,
  newBill,
  packedParent,
} from './bills.test-kit.js';

/** What the bag endpoints say about bills (API.md "Bags"): lookup, delete, trace. */
describe('bags on bills', () => {
  let t: TestApp;
  let a: BillActors;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await billActors(t);
  });
  afterAll(async () => t.app.close());

  const bagUrl = (qr: string, rest = '') => `/api/bags/${encodeURIComponent(qr)}${rest}`;
  const lookup = async (qr: string) =>
    expectStatus(await as(t.app, a.admin)('GET', bagUrl(qr)), 200).json<BagDetail>();
  const childOf = async (parent: string) => {
    const [child] = await t.database.db
      .select()
      .from(bags)
      .where(eq(bags.parentId, (await bagRow(t, parent))?.id ?? -1));
    return child?.qr ?? '';
  };

  it('GET /api/bags/:qr shows the bill of a parent, and of a child its parent’s bill', async () => {
    const parent = await packedParent(t, a.biller, 1);
    const child = await childOf(parent);
    expect((await lookup(parent)).bill).toBeNull();
    const billNo = await newBill(t, a.biller, 1);
    await attached(t, a.biller, billNo, parent);

    expect((await lookup(parent)).bill).toEqual({ billNo, status: 'completed' });
    expect((await lookup(child)).bill).toEqual({ billNo, status: 'completed' });
    expectStatus(await biller(t, a.biller).reopen(billNo), 200);
    expect((await lookup(child.toLowerCase())).bill).toEqual({ billNo, status: 'processing' });
  });

  it('DELETE /api/bags/:qr: 409 BAG_ON_BILL for a parent on a bill, PARENT_IN_OPEN_TICKET in a ticket', async () => {
    const parent = await packedParent(t, a.biller, 0);
    const billNo = await newBill(t, a.biller, 2);
    await attached(t, a.biller, billNo, parent);
    const del = () => as(t.app, a.biller)('DELETE', bagUrl(parent));

    const onBill = expectStatus(await del(), 409);
    expect(errorCode(onBill)).toBe('BAG_ON_BILL');
    expect(onBill.json().error.details).toEqual({ qr: parent, bill: billNo });

    expectStatus(await biller(t, a.biller).remove(billNo, parent), 200);
    const code = `RTN-20250102-${freshBillNo('Y').slice(-4)}`;
    const now = t.clock.now();
    const [ticket] = await t.database.db
      .insert(returnTickets)
      .values({ code, location: 'hisar', status: 'open', createdAt: now, updatedAt: now })
      .returning();
    await t.database.db
      .update(bags)
      .set({ openTicketId: ticket?.id ?? null })
      .where(eq(bags.qr, parent));
    const inTicket = expectStatus(await del(), 409);
    expect(errorCode(inTicket)).toBe('PARENT_IN_OPEN_TICKET');
    expect(inTicket.json().error.details).toEqual({ qr: parent, ticket: code });
    expect(await bagRow(t, parent)).toBeDefined();

    await t.database.db.update(bags).set({ openTicketId: null }).where(eq(bags.qr, parent));
    expectStatus(await del(), 204);
    expect(await bagRow(t, parent)).toBeUndefined();
  });

  it('the trace lists a parent’s bill events, and ?at= answers the bill it was on then', async () => {
    const parent = await packedParent(t, a.biller, 1);
    const child = await childOf(parent);
    const [first, second] = [await newBill(t, a.biller, 5), await newBill(t, a.biller, 5)];
    const t0 = t.clock.now().toISOString();
    advanceSeconds(t, 60);
    await attached(t, a.biller, first, parent);
    advanceSeconds(t, 60);
    const t1 = t.clock.now().toISOString();
    advanceSeconds(t, 60);
    expectStatus(await biller(t, a.biller).remove(first, parent), 200);
    advanceSeconds(t, 60);
    const t2 = t.clock.now().toISOString();
    advanceSeconds(t, 60);
    await attached(t, a.admin, second, parent);
    advanceSeconds(t, 60);
    expectStatus(await biller(t, a.admin).delete(second), 204);
    advanceSeconds(t, 60);
    const t3 = t.clock.now().toISOString();

    const history = expectStatus(await as(t.app, a.admin)('GET', bagUrl(parent, '/history')), 200);
    const billItems = history
      .json<BagHistory>()
      .items.filter((i) => i.type === 'bill')
      .map((i) => [i.action, i.bill, i.user, i.note ?? null]);
    expect(billItems).toEqual([
      ['attach', first, a.billerName, null],
      ['remove', first, a.billerName, null],
      ['attach', second, a.adminName, null],
      ['remove', second, a.adminName, 'bill deleted'],
    ]);
    const attach = history.json<BagHistory>().items.find((i) => i.type === 'bill');
    expect(attach?.after).toMatchObject({ parentCount: 1, childCount: 1 });

    const at = async (qr: string, when: string) =>
      expectStatus(
        await as(t.app, a.admin)('GET', bagUrl(qr, `/history?at=${encodeURIComponent(when)}`)),
        200,
      ).json<BagSnapshot>();
    expect((await at(parent, t0)).bill).toBeNull();
    expect((await at(parent, t1)).bill).toMatchObject({ billNo: first });
    expect((await at(child, t1)).bill).toMatchObject({ billNo: first });
    expect((await at(parent, t2)).bill).toBeNull();
    expect((await at(parent, t3)).bill).toBeNull();
  });

  it('deleting a child of a parent on an open bill moves the bill figures in the same change', async () => {
    const billNo = await newBill(t, a.biller, 3);
    const parent = await packedParent(t, a.biller, 3);
    await attached(t, a.biller, billNo, parent);
    const child = await childOf(parent);

    expectStatus(await as(t.app, a.admin)('DELETE', bagUrl(child)), 204);

    const bill = await expectConsistent(t, billNo);
    expect(bill).toMatchObject({ childCount: 2, actualWeightKg: 2, parentCount: 1 });
    const check = expectStatus(
      await as(t.app, a.admin)('POST', `/api/weights/update/${encodeURIComponent(billNo)}`, {}),
      200,
    ).json<{ changed: unknown[] }>();
    expect(check.changed).toEqual([]);
  });

  it('a child of a parent on a completed bill is not deleted: 409 BILL_CLOSED, nothing changes', async () => {
    const billNo = await newBill(t, a.biller, 1);
    const parent = await packedParent(t, a.biller, 2);
    await attached(t, a.biller, billNo, parent);
    const child = await childOf(parent);

    const res = await as(t.app, a.admin)('DELETE', bagUrl(child));

    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'BILL_CLOSED',
      details: { qr: child, parent, bill: billNo },
    });
    expect((await bagRow(t, child))?.parentId).toBe((await bagRow(t, parent))?.id);
    expect(await billRow(t, billNo)).toMatchObject({ status: 'completed', childCount: 2 });
  });
});
