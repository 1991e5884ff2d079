import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill, BillDetail, RecomputeResult } from '../../../common/contracts/bills.js';
import { bills } from '../../db/schema/bills.js';
import { auditRows } from '../../test/audit.js';
import { as, errorCode } from '../../test/auth.js';
import { freshChildCode, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  attached,
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

/** Bill figures (SPEC §5): always recomputed with the change that moves them, never drifting. */
describe('bill figures', () => {
  let t: TestApp;
  let a: BillActors;
  beforeAll(async () => {
    t = await buildTestApp();
    a = await billActors(t);
  });
  afterAll(async () => t.app.close());

  const bill = async (billNo: string) => (await detailOf(t, a.biller, billNo)).bill satisfies Bill;
  const weights = (path: string, session = a.admin) =>
    as(t.app, session)('POST', `/api/weights/${path}`);

  it('expected weight from each parent’s kind (SB 30, M444 15), actual, difference and fill %', async () => {
    const billNo = await newBill(t, a.biller, 3);
    const sb = await packedParent(t, a.biller, 5, 'SB');
    const moong = await packedParent(t, a.biller, 7, 'M444');
    await attached(t, a.biller, billNo, sb);

    const after = (await attached(t, a.biller, billNo, moong)).bill;

    expect(after).toMatchObject({
      parentCount: 2,
      childCount: 12,
      actualWeightKg: 12,
      expectedWeightKg: 45,
      differenceKg: -33,
      fillPercent: 66.7,
      status: 'processing',
    });
    const detail: BillDetail = await detailOf(t, a.dispatcher, billNo);
    expect(detail.parents).toEqual([
      expect.objectContaining({ qr: sb, kind: 'SB', childCount: 5, weightKg: 5, expectedKg: 30 }),
      expect.objectContaining({
        qr: moong,
        kind: 'M444',
        childCount: 7,
        weightKg: 7,
        expectedKg: 15,
      }),
    ]);
    expect(detail.parents.every((p) => typeof p.attachedAt === 'string')).toBe(true);
    await expectConsistent(t, billNo);
  });

  it('a child linked into an attached parent, and an undo from it, recompute the bill', async () => {
    const billNo = await newBill(t, a.biller, 4);
    const parent = await packedParent(t, a.biller, 2);
    await attached(t, a.biller, billNo, parent);
    const pack = packer(t.app, a.biller);

    expectStatus(await pack.child(parent, freshChildCode()), 200);
    expectStatus(await pack.child(parent, freshChildCode()), 200);
    expect(await bill(billNo)).toMatchObject({
      childCount: 4,
      actualWeightKg: 4,
      differenceKg: -26,
    });

    expectStatus(await pack.undo(parent), 200);
    expect(await bill(billNo)).toMatchObject({ childCount: 3, actualWeightKg: 3 });
    await expectConsistent(t, billNo);
  });

  it('linking into or undoing from a parent on a completed bill → 409 BILL_CLOSED, figures kept', async () => {
    const billNo = await newBill(t, a.biller, 1);
    const parent = await packedParent(t, a.biller, 2);
    await attached(t, a.biller, billNo, parent);
    const pack = packer(t.app, a.biller);

    const link = expectStatus(await pack.child(parent, freshChildCode()), 409);
    expect(errorCode(link)).toBe('BILL_CLOSED');
    expect(link.json().error.details).toEqual({ parent, bill: billNo });
    const undo = expectStatus(await pack.undo(parent), 409);
    expect(errorCode(undo)).toBe('BILL_CLOSED');
    expect(await bill(billNo)).toMatchObject({ childCount: 2, status: 'completed' });

    expectStatus(await biller(t, a.biller).reopen(billNo), 200);
    expectStatus(await pack.undo(parent), 200);
    expect(await bill(billNo)).toMatchObject({ childCount: 1, status: 'processing' });
    await expectConsistent(t, billNo);
  });

  it('POST /api/weights/update/:billNo answers changed: [] on correct data, and repairs drift', async () => {
    const billNo = await newBill(t, a.biller, 3);
    await attached(t, a.biller, billNo, await packedParent(t, a.biller, 4));
    await attached(t, a.biller, billNo, await packedParent(t, a.biller, 1, 'M444'));
    const clean = expectStatus(await weights(`update/${encodeURIComponent(billNo)}`), 200);
    expect(clean.json<RecomputeResult>()).toEqual({ checked: 1, changed: [] });

    await t.database.db
      .update(bills)
      .set({ childCount: 99, actualWeightKg: 99, expectedWeightKg: 1 })
      .where(eq(bills.billNo, billNo));
    const fixed = expectStatus(await weights(`update/${encodeURIComponent(billNo)}`), 200);

    expect(fixed.json<RecomputeResult>()).toEqual({
      checked: 1,
      changed: [
        {
          billNo,
          before: expect.objectContaining({
            childCount: 99,
            actualWeightKg: 99,
            expectedWeightKg: 1,
          }),
          after: expect.objectContaining({
            childCount: 5,
            actualWeightKg: 5,
            expectedWeightKg: 45,
          }),
        },
      ],
    });
    await expectConsistent(t, billNo);
    const { events } = await detailOf(t, a.biller, billNo);
    expect(events.at(-1)).toMatchObject({ action: 'recompute', user: a.adminName });
    const [audit] = await auditRows(t.database, { action: 'bill.recompute', entityId: billNo });
    expect(audit).toMatchObject({ requestId: fixed.headers['x-request-id'] });
    expect(errorCode(await weights('update/NO-SUCH-BILL-W'))).toBe('BILL_NOT_FOUND');
  });

  it('POST /api/weights/update-all finds and repairs only drifted bills; admins only', async () => {
    const good = await newBill(t, a.biller, 2);
    await attached(t, a.biller, good, await packedParent(t, a.biller, 3));
    const drifted = await newBill(t, a.biller, 2);
    await attached(t, a.biller, drifted, await packedParent(t, a.biller, 6));
    await t.database.db.update(bills).set({ parentCount: 0 }).where(eq(bills.billNo, drifted));

    const res = expectStatus(await weights('update-all'), 200).json<RecomputeResult>();

    expect(res.checked).toBeGreaterThanOrEqual(2);
    const mine = res.changed.filter((c) => [good, drifted].includes(c.billNo));
    expect(mine).toEqual([
      {
        billNo: drifted,
        before: expect.objectContaining({ parentCount: 0 }),
        after: expect.objectContaining({ parentCount: 1, childCount: 6 }),
      },
    ]);
    expect((await billRow(t, drifted))?.parentCount).toBe(1);
    const again = expectStatus(await weights('update-all'), 200).json<RecomputeResult>();
    expect(again.changed.filter((c) => [good, drifted].includes(c.billNo))).toEqual([]);

    for (const session of [a.biller, a.dispatcher]) {
      expect(errorCode(await weights('update-all', session))).toBe('FORBIDDEN');
      expect(errorCode(await weights(`update/${good}`, session))).toBe('FORBIDDEN');
    }
  });
});
