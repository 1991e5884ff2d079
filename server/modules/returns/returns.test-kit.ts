import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Bill, BillDetail } from '../../../common/contracts/bills.js';
import type { ReturnTicket } from '../../../common/contracts/returns.js';
import { bags } from '../../db/schema/bags.js';
import { billEvents, bills, type BillRow } from '../../db/schema/bills.js';
import { as, loginAs, type TestSession } from '../../test/auth.js';
import { freshChildCode, freshParentCode, newScanId, packer } from '../../test/bags.js';
import type { TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { recount, type Figures } from '../../test/bill-figures.js';

export { recount, type Figures };

/**
 * Test helpers of the returns module (used only by its *.test.ts files): bills and parents are
 * arranged through the API (POST /api/scans/parent and /child, POST /api/bills and
 * /api/bills/:billNo/parents), state is read back from the database.
 */

export interface Actors {
  admin: TestSession;
  biller: TestSession;
  dispatcher: TestSession;
  billerName: string;
  adminName: string;
  dispatcherName: string;
}

export async function signInActors(t: TestApp): Promise<Actors> {
  const admin = await createUser(t.database, { role: 'admin' });
  const biller = await createUser(t.database, { role: 'biller' });
  const dispatcher = await createUser(t.database, { role: 'dispatcher', dispatchArea: 'akola' });
  return {
    admin: await loginAs(t.app, admin.username),
    biller: await loginAs(t.app, biller.username),
    dispatcher: await loginAs(t.app, dispatcher.username),
    billerName: biller.username,
    adminName: admin.username,
    dispatcherName: dispatcher.username,
  };
}

/** Signs the same users in again (after the clock jumped past their sessions). */
export async function signInAgain(t: TestApp, a: Actors): Promise<Actors> {
  return {
    ...a,
    admin: await loginAs(t.app, a.adminName),
    biller: await loginAs(t.app, a.billerName),
    dispatcher: await loginAs(t.app, a.dispatcherName),
  };
}

const ok = (res: LightMyRequestResponse, status: number, what: string) => {
  if (res.statusCode !== status) {
    throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  }
  return res;
};

/** A parent packed with `children` child bags through the packing API. */
export async function packedParent(
  t: TestApp,
  session: TestSession,
  children: number,
  kind: 'SB' | 'M444' = 'SB',
): Promise<string> {
  const code = await freshParentCode(t.database, kind);
  const pack = packer(t.app, session);
  ok(await pack.parent(code), 200, `open parent ${code}`);
  for (let i = 0; i < children; i += 1) {
    ok(await pack.child(code, freshChildCode()), 200, `pack into ${code}`);
  }
  return code;
}

/** A new bill through POST /api/bills. */
export async function newBill(t: TestApp, session: TestSession, capacity: number): Promise<string> {
  const billNo = `RT-${randomBytes(5).toString('hex').toUpperCase()}`;
  ok(
    await as(t.app, session)('POST', '/api/bills', { billNo, capacity }),
    201,
    `create bill ${billNo}`,
  );
  return billNo;
}

export function attachCall(t: TestApp, session: TestSession, billNo: string, qr: string) {
  return as(t.app, session)('POST', `/api/bills/${encodeURIComponent(billNo)}/parents`, {
    qr,
    scanId: newScanId(),
  });
}

export async function attach(t: TestApp, session: TestSession, billNo: string, qr: string) {
  return ok(await attachCall(t, session, billNo, qr), 200, `attach ${qr} to ${billNo}`).json<{
    bill: Bill;
  }>().bill;
}

/** A bill with parents of the given child counts attached (SB kind: 30 kg expected each). */
export async function billWith(
  t: TestApp,
  session: TestSession,
  capacity: number,
  childCounts: number[],
): Promise<{ billNo: string; parents: string[] }> {
  const billNo = await newBill(t, session, capacity);
  const parents: string[] = [];
  for (const n of childCounts) {
    const qr = await packedParent(t, session, n);
    await attach(t, session, billNo, qr);
    parents.push(qr);
  }
  return { billNo, parents };
}

export async function openTicket(
  t: TestApp,
  session: TestSession,
  body: Record<string, unknown> = { location: 'lucknow' },
): Promise<ReturnTicket> {
  return ok(await as(t.app, session)('POST', '/api/returns', body), 201, 'open ticket').json();
}

export function scanReturn(
  t: TestApp,
  session: TestSession,
  code: string,
  qr: string,
  scanId = newScanId(),
  extra: Record<string, unknown> = {},
) {
  return as(t.app, session)('POST', `/api/returns/${encodeURIComponent(code)}/bags`, {
    qr,
    scanId,
    ...extra,
  });
}

export async function billRow(t: TestApp, billNo: string): Promise<BillRow> {
  const [row] = await t.database.db.select().from(bills).where(eq(bills.billNo, billNo));
  if (!row) {
    throw new Error(`no bill ${billNo}`);
  }
  return row;
}

/** The bill's stored figures. */
export async function storedFigures(t: TestApp, billNo: string): Promise<Figures> {
  const row = await billRow(t, billNo);
  return {
    parentCount: row.parentCount,
    childCount: row.childCount,
    actualWeightKg: row.actualWeightKg,
    expectedWeightKg: row.expectedWeightKg,
  };
}

/** Stored figures equal a recount from the links. */
export async function expectConsistent(t: TestApp, billNo: string) {
  expect(await storedFigures(t, billNo)).toEqual(await recount(t, billNo));
}

export async function eventsOf(t: TestApp, billNo: string) {
  return t.database.db
    .select()
    .from(billEvents)
    .where(eq(billEvents.billNo, billNo))
    .orderBy(billEvents.id);
}

export async function bagRow(t: TestApp, qr: string) {
  const [row] = await t.database.db.select().from(bags).where(eq(bags.qr, qr));
  return row;
}

/** DELETE /api/bills/:billNo (admin): the bill goes, its bags survive. */
export async function deleteBill(t: TestApp, admin: TestSession, billNo: string) {
  ok(
    await as(t.app, admin)('DELETE', `/api/bills/${encodeURIComponent(billNo)}`),
    204,
    `delete bill ${billNo}`,
  );
}

/** POST /api/bills/:billNo/complete with a reason ("flexible completion" below capacity). */
export async function completeEarly(t: TestApp, session: TestSession, billNo: string) {
  ok(
    await as(t.app, session)('POST', `/api/bills/${encodeURIComponent(billNo)}/complete`, {
      reason: 'dealer asked to ship now',
    }),
    200,
    `complete bill ${billNo}`,
  );
}

/** GET /api/bills/:billNo: the bill and its history as the API shows them. */
export async function billDetail(t: TestApp, session: TestSession, billNo: string) {
  return ok(
    await as(t.app, session)('GET', `/api/bills/${encodeURIComponent(billNo)}`),
    200,
    `bill ${billNo}`,
  ).json<BillDetail>();
}
