import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EodSummary } from '../../../common/contracts/eod.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { arrangeBill, type BillSpec } from '../print/print.test-kit.js';

/** Days in Asia/Kolkata (UTC+05:30) no other test creates bills on; sessions last a week. */
const WEEK = String(7 * 24 * 60);
const zero = {
  bills: 0,
  parents: 0,
  children: 0,
  actualWeightKg: 0,
  expectedWeightKg: 0,
  differenceKg: 0,
};

describe('GET /api/eod', () => {
  let t: TestApp;
  let admin: TestSession;
  let billerA: TestSession;
  let billerB: TestSession;
  let names: { admin: string; a: string; b: string };

  const billAt = async (session: TestSession, at: string, spec: BillSpec = {}) => {
    t.clock.set(new Date(at));
    return (await arrangeBill(t, session, spec)).billNo;
  };
  const eodOf = async (query: string): Promise<EodSummary> => {
    const res = await as(t.app, admin)('GET', `/api/eod${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<EodSummary>();
  };

  beforeAll(async () => {
    t = await buildTestApp({ env: { SESSION_ABSOLUTE_MINUTES: WEEK, SESSION_IDLE_MINUTES: WEEK } });
    t.clock.set(new Date('2053-03-04T12:00:00Z'));
    names = {
      admin: (await createUser(t.database, { role: 'admin' })).username,
      a: (await createUser(t.database, { role: 'biller' })).username,
      b: (await createUser(t.database, { role: 'biller' })).username,
    };
    admin = await loginAs(t.app, names.admin);
    billerA = await loginAs(t.app, names.a);
    billerB = await loginAs(t.app, names.b);
  });
  afterAll(async () => t.app.close());

  it('answers 401 without a session and 403 FORBIDDEN to billers and dispatchers', async () => {
    const dispatcher = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'raipur' })).username,
    );

    const anonymous = await t.app.inject({ method: 'GET', url: '/api/eod?date=2053-03-05' });
    const asBiller = await as(t.app, billerA)('GET', '/api/eod?date=2053-03-05');
    const asDispatcher = await as(t.app, dispatcher)('GET', '/api/eod?date=2053-03-05');

    expect(anonymous.statusCode).toBe(401);
    expect(errorCode(anonymous)).toBe('AUTH_REQUIRED');
    expect(asBiller.statusCode).toBe(403);
    expect(errorCode(asBiller)).toBe('FORBIDDEN');
    expect(asDispatcher.statusCode).toBe(403);
  });

  it('answers 400 VALIDATION for a malformed or impossible date or an unknown field', async () => {
    for (const query of [
      '?date=2053-13-01',
      '?date=2053-02-29',
      '?date=05/03/2053',
      '?date=',
      '?from=2053-03-05',
    ]) {
      const res = await as(t.app, admin)('GET', `/api/eod${query}`);

      expect(res.statusCode, query).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    }
  });

  it('lists each bill of the local day with its figures, and totals by status, by creator and overall', async () => {
    // 2053-03-05 in Asia/Kolkata is [2053-03-04T18:30Z, 2053-03-05T18:30Z).
    await billAt(billerA, '2053-03-04T18:29:59Z', { parents: [{ children: 1 }] });
    const a1 = await billAt(billerA, '2053-03-04T18:30:00Z', {
      capacity: 1,
      parents: [{ children: 3 }],
    });
    const a2 = await billAt(billerA, '2053-03-05T04:00:00Z', {
      capacity: 5,
      parents: [{ kind: 'M444', children: 2 }],
    });
    const b1 = await billAt(billerB, '2053-03-05T06:00:00Z');
    const c1 = await billAt(admin, '2053-03-05T18:29:59Z', {
      capacity: 4,
      parents: [{ children: 1 }, { children: 1 }],
    });
    await billAt(billerB, '2053-03-05T18:30:00Z', { parents: [{ children: 2 }] });

    const eod = await eodOf('?date=2053-03-05');

    expect(eod.date).toBe('2053-03-05');
    expect(eod.timeZone).toBe('Asia/Kolkata');
    expect(eod.generatedAt).toBe('2053-03-05T18:30:00.000Z');
    const biller = (username: string) => ({ username, role: 'biller' });
    expect(eod.bills).toEqual([
      {
        billNo: a1,
        creator: biller(names.a),
        parents: 1,
        children: 3,
        actualWeightKg: 3,
        expectedWeightKg: 30,
        status: 'completed',
        createdAt: '2053-03-04T18:30:00.000Z',
      },
      {
        billNo: a2,
        creator: biller(names.a),
        parents: 1,
        children: 2,
        actualWeightKg: 2,
        expectedWeightKg: 15,
        status: 'processing',
        createdAt: '2053-03-05T04:00:00.000Z',
      },
      {
        billNo: b1,
        creator: biller(names.b),
        parents: 0,
        children: 0,
        actualWeightKg: 0,
        expectedWeightKg: 0,
        status: 'new',
        createdAt: '2053-03-05T06:00:00.000Z',
      },
      {
        billNo: c1,
        creator: { username: names.admin, role: 'admin' },
        parents: 2,
        children: 2,
        actualWeightKg: 2,
        expectedWeightKg: 60,
        status: 'processing',
        createdAt: '2053-03-05T18:29:59.000Z',
      },
    ]);
    expect(eod.totals.byStatus).toEqual({
      new: { ...zero, bills: 1 },
      processing: {
        bills: 2,
        parents: 3,
        children: 4,
        actualWeightKg: 4,
        expectedWeightKg: 75,
        differenceKg: -71,
      },
      completed: {
        bills: 1,
        parents: 1,
        children: 3,
        actualWeightKg: 3,
        expectedWeightKg: 30,
        differenceKg: -27,
      },
    });
    const byCreator = [
      {
        creator: biller(names.a),
        bills: 2,
        parents: 2,
        children: 5,
        actualWeightKg: 5,
        expectedWeightKg: 45,
        differenceKg: -40,
      },
      { creator: biller(names.b), ...zero, bills: 1 },
      {
        creator: { username: names.admin, role: 'admin' },
        bills: 1,
        parents: 2,
        children: 2,
        actualWeightKg: 2,
        expectedWeightKg: 60,
        differenceKg: -58,
      },
    ].sort((x, y) => x.creator.username.localeCompare(y.creator.username));
    expect(eod.totals.byCreator).toEqual(byCreator);
    expect(eod.totals.grand).toEqual({
      bills: 4,
      parents: 4,
      children: 7,
      actualWeightKg: 7,
      expectedWeightKg: 105,
      differenceKg: -98,
    });
  });

  it('summarises today in TIME_ZONE when no date is given', async () => {
    // 2053-03-08 00:15 local is 2053-03-07 18:45 UTC.
    const today = await billAt(billerB, '2053-03-07T18:45:00Z');

    const eod = await eodOf('');

    expect(eod.date).toBe('2053-03-08');
    expect(eod.bills.map((b) => b.billNo)).toEqual([today]);
    expect(eod.totals.byStatus.new.bills).toBe(1);
  });

  it('answers an empty summary with zero totals for a day without bills', async () => {
    const eod = await eodOf('?date=2053-03-20');

    expect(eod.bills).toEqual([]);
    expect(eod.totals).toEqual({
      byStatus: { new: zero, processing: zero, completed: zero },
      byCreator: [],
      grand: zero,
    });
  });
});
