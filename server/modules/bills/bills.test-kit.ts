import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AttachResult, Bill, BillDetail } from '../../../common/contracts/bills.js';
import { bags, type BagRow } from '../../db/schema/bags.js';
import { bills, type BillRow } from '../../db/schema/bills.js';
import { scans } from '../../db/schema/scans.js';
import { as, loginAs, type TestSession } from '../../test/auth.js';
import { freshChildCode, freshParentCode, newScanId, packer } from '../../test/bags.js';
import type { TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { recount, type Figures } from '../../test/bill-figures.js';

export { recount, type Figures };

/**
 * Helpers of the bills tests (used only by server/modules/bills/*.test.ts): arrange through the
 * API (packing, POST /api/bills, attach), read state back from the database.
 */
export interface BillActors {
  admin: TestSession;
  biller: TestSession;
  dispatcher: TestSession;
  adminName: string;
  billerName: string;
  dispatcherName: string;
}

export async function billActors(t: TestApp): Promise<BillActors> {
  const admin = await createUser(t.database, { role: 'admin' });
  const biller = await createUser(t.database, { role: 'biller' });
  const dispatcher = await createUser(t.database, { role: 'dispatcher', dispatchArea: 'hisar' });
  return {
    admin: await loginAs(t.app, admin.username),
    biller: await loginAs(t.app, biller.username),
    dispatcher: await loginAs(t.app, dispatcher.username),
    adminName: admin.username,
    billerName: biller.username,
    dispatcherName: dispatcher.username,
  };
}

export function expectStatus(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

/** A bill number nobody else uses, with a prefix shared by the bills of one test. */
export const freshBillNo = (prefix = 'TB') =>
  `${prefix}-${randomBytes(5).toString('hex').toUpperCase()}`;

export const billUrl = (billNo: string, rest = '') =>
  `/api/bills/${encodeURIComponent(billNo)}${rest}`;

/** Bill calls as one signed-in user. */
export function biller(t: TestApp, session: TestSession) {
  const call = as(t.app, session);
  return {
    create: (body: Record<string, unknown>) => call('POST', '/api/bills', body),
    attach: (billNo: string, qr: string, extra: Record<string, unknown> = {}) =>
      call('POST', billUrl(billNo, '/parents'), { qr, scanId: newScanId(), ...extra }),
    remove: (billNo: string, qr: string) =>
      call('DELETE', billUrl(billNo, `/parents/${encodeURIComponent(qr)}`)),
    complete: (billNo: string, body?: Record<string, unknown>) =>
      call('POST', billUrl(billNo, '/complete'), body),
    reopen: (billNo: string) => call('POST', billUrl(billNo, '/reopen')),
    patch: (billNo: string, body: Record<string, unknown>) => call('PATCH', billUrl(billNo), body),
    delete: (billNo: string) => call('DELETE', billUrl(billNo)),
    detail: (billNo: string) => call('GET', billUrl(billNo)),
    list: (query = '') => call('GET', `/api/bills${query}`),
  };
}

/** A new bill through POST /api/bills; answers its number. */
export async function newBill(
  t: TestApp,
  session: TestSession,
  capacity: number,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const billNo = freshBillNo();
  expectStatus(await biller(t, session).create({ billNo, capacity, ...extra }), 201);
  return billNo;
}

/** A parent packed with `children` child bags through the packing API. */
export async function packedParent(
  t: TestApp,
  session: TestSession,
  children: number,
  kind: 'SB' | 'M444' = 'SB',
): Promise<string> {
  const code = await freshParentCode(t.database, kind);
  const pack = packer(t.app, session);
  expectStatus(await pack.parent(code), 200);
  for (let i = 0; i < children; i += 1) {
    expectStatus(await pack.child(code, freshChildCode()), 200);
  }
  return code;
}

/** Attaches and answers the attach result (200 expected). */
export async function attached(
  t: TestApp,
  session: TestSession,
  billNo: string,
  qr: string,
): Promise<AttachResult> {
  return expectStatus(await biller(t, session).attach(billNo, qr), 200).json<AttachResult>();
}

export async function detailOf(t: TestApp, session: TestSession, billNo: string) {
  return expectStatus(await biller(t, session).detail(billNo), 200).json<BillDetail>();
}

export async function billRow(t: TestApp, billNo: string): Promise<BillRow | undefined> {
  const [row] = await t.database.db.select().from(bills).where(eq(bills.billNo, billNo));
  return row;
}

export async function bagRow(t: TestApp, qr: string): Promise<BagRow | undefined> {
  const [row] = await t.database.db.select().from(bags).where(eq(bags.qr, qr));
  return row;
}

/** Bill-attach scans of a code. */
export async function billScans(t: TestApp, qr: string) {
  const rows = await t.database.db.select().from(scans).where(eq(scans.qr, qr)).orderBy(scans.id);
  return rows.filter((r) => r.kind === 'bill');
}

export const figuresOf = (bill: Bill | BillRow): Figures => ({
  parentCount: bill.parentCount,
  childCount: bill.childCount,
  actualWeightKg: bill.actualWeightKg,
  expectedWeightKg: bill.expectedWeightKg,
});

/** Stored figures equal a recount from the links. */
export async function expectConsistent(t: TestApp, billNo: string): Promise<BillRow> {
  const row = await billRow(t, billNo);
  expect(row, `bill ${billNo}`).toBeDefined();
  expect(figuresOf(row as BillRow)).toEqual(await recount(t, billNo));
  return row as BillRow;
}

/** The dashboard's bill counters (GET /api/stats). */
export async function billCounters(t: TestApp, session: TestSession) {
  const res = expectStatus(await as(t.app, session)('GET', '/api/stats'), 200);
  return res.json<{ bills: { new: number; processing: number; completed: number } }>().bills;
}

/** Moves the test clock by seconds. */
export const advanceSeconds = (t: TestApp, seconds: number) => t.clock.advanceMinutes(seconds / 60);
