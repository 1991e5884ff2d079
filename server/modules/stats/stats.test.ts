import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stats } from '../../../common/contracts/stats.js';
import { DEFAULT_DISPATCH_AREAS } from '../../../common/areas.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { freshChildCode, freshParentCode, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';

/**
 * Every test packs in dispatch areas of its own (added to DISPATCH_AREAS), so a dispatcher's
 * numbers are exact even though other tests share the database. Time-bucketed numbers are read on
 * a day no other test scans on (the clock is set far ahead); counters summed over every area are
 * compared as before/after deltas, at least what this test added (another worker may pack too).
 */
const freshArea = () => `st${randomBytes(5).toString('hex')}`;
const AREAS = Array.from({ length: 6 }, freshArea);
const [AREA_A, AREA_B, AREA_CLOCK, AREA_TOP, AREA_MIDNIGHT, AREA_SHAPE] = AREAS as [
  string,
  string,
  string,
  string,
  string,
  string,
];
/** 2037-03-09 10:00 in Asia/Kolkata (UTC+05:30). */
const MORNING = new Date('2037-03-09T04:30:00Z');

describe('GET /api/stats', () => {
  let t: TestApp;
  const signIn = (username: string): Promise<TestSession> => loginAs(t.app, username);
  const dispatcherOf = async (area: string) =>
    signIn((await createUser(t.database, { role: 'dispatcher', dispatchArea: area })).username);
  const statsOf = async (session: TestSession): Promise<Stats> => {
    const res = await as(t.app, session)('GET', '/api/stats');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Stats>();
  };
  const hour = (stats: Stats, label: string) => stats.perHour.find((h) => h.hour === label)?.scans;

  beforeAll(async () => {
    t = await buildTestApp({
      env: {
        DISPATCH_AREAS: [...DEFAULT_DISPATCH_AREAS, ...AREAS].join(','),
        SESSION_ABSOLUTE_MINUTES: String(7 * 24 * 60),
        SESSION_IDLE_MINUTES: String(7 * 24 * 60),
      },
    });
    t.clock.set(MORNING);
  });
  afterAll(async () => t.app.close());

  it('answers 401 AUTH_REQUIRED without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/stats' });

    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('AUTH_REQUIRED');
  });

  it('answers the documented shape: 24 zero-filled local hours, bills by status, no-store', async () => {
    t.clock.set(MORNING);
    const session = await dispatcherOf(AREA_SHAPE);

    const res = await as(t.app, session)('GET', '/api/stats');

    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const stats = res.json<Stats>();
    expect(stats).toMatchObject({
      parents: 0,
      children: 0,
      unlinkedChildren: 0,
      scansToday: 0,
      scansLastHour: 0,
      topStations: [],
      day: '2037-03-09',
      timeZone: 'Asia/Kolkata',
      updatedAt: MORNING.toISOString(),
    });
    expect(stats.perHour.map((h) => h.hour)).toEqual(
      Array.from({ length: 24 }, (_, i) => `${String(i).padStart(2, '0')}:00`),
    );
    expect(stats.perHour.every((h) => h.scans === 0)).toBe(true);
    expect(Object.keys(stats.bills).sort()).toEqual(['completed', 'new', 'processing']);
  });

  it('counts parents, children and unlinked children of the dispatcher’s own area only; admins and billers see every area', async () => {
    t.clock.set(MORNING);
    const [dispatcherA, dispatcherB] = [await dispatcherOf(AREA_A), await dispatcherOf(AREA_B)];
    const admin = await signIn((await createUser(t.database, { role: 'admin' })).username);
    const biller = await signIn((await createUser(t.database, { role: 'biller' })).username);
    const [adminBefore, billerBefore] = [await statsOf(admin), await statsOf(biller)];
    const [parentA, parentB] = [
      await freshParentCode(t.database),
      await freshParentCode(t.database),
    ];
    const [kept, undone, ...others] = [
      freshChildCode(),
      freshChildCode(),
      freshChildCode(),
      freshChildCode(),
    ];
    const packA = packer(t.app, dispatcherA);

    await packA.parent(parentA);
    for (const child of [...others, kept, kept]) {
      expect((await packA.child(parentA, child)).statusCode).toBe(200);
    }
    expect((await packA.undo(parentA)).json()).toMatchObject({
      removed: kept,
      childDeleted: false,
    });
    expect((await packA.child(parentA, undone)).statusCode).toBe(200);
    expect((await packA.undo(parentA)).json()).toMatchObject({
      removed: undone,
      childDeleted: true,
    });
    await packer(t.app, dispatcherB).parent(parentB);
    expect((await packer(t.app, dispatcherB).child(parentB, freshChildCode())).statusCode).toBe(
      200,
    );

    const [a, b] = [await statsOf(dispatcherA), await statsOf(dispatcherB)];
    // A: 1 parent; children: 2 others + kept (re-scanned, then undone: kept, unlinked); `undone` is gone.
    expect(a).toMatchObject({
      parents: 1,
      children: 3,
      unlinkedChildren: 1,
      scansToday: 6,
      scansLastHour: 6,
    });
    expect(b).toMatchObject({
      parents: 1,
      children: 1,
      unlinkedChildren: 0,
      scansToday: 2,
      scansLastHour: 2,
    });
    for (const [before, after] of [
      [adminBefore, await statsOf(admin)],
      [billerBefore, await statsOf(biller)],
    ] as const) {
      expect(after.parents - before.parents).toBeGreaterThanOrEqual(2);
      expect(after.children - before.children).toBeGreaterThanOrEqual(4);
      expect(after.scansToday - before.scansToday).toBe(8);
      expect(after.scansLastHour - before.scansLastHour).toBe(8);
      expect((hour(after, '10:00') ?? 0) - (hour(before, '10:00') ?? 0)).toBe(8);
    }
  });

  it('moves scansLastHour, scansToday and perHour with the clock', async () => {
    t.clock.set(MORNING);
    const session = await dispatcherOf(AREA_CLOCK);
    const parent = await freshParentCode(t.database);
    const pack = packer(t.app, session, `desk-${randomBytes(3).toString('hex')}`);
    await pack.parent(parent);
    await pack.child(parent, freshChildCode());
    await pack.child(parent, freshChildCode());

    const morning = await statsOf(session);
    t.clock.advanceMinutes(120);
    const noon = await statsOf(session);
    await pack.parent(parent);
    const afterNoonScan = await statsOf(session);

    expect(morning).toMatchObject({ scansToday: 3, scansLastHour: 3 });
    expect(hour(morning, '10:00')).toBe(3);
    expect(noon).toMatchObject({ scansToday: 3, scansLastHour: 0 });
    expect(noon.updatedAt).toBe(new Date(MORNING.getTime() + 2 * 3_600_000).toISOString());
    expect(afterNoonScan).toMatchObject({ scansToday: 4, scansLastHour: 1 });
    expect(hour(afterNoonScan, '10:00')).toBe(3);
    expect(hour(afterNoonScan, '12:00')).toBe(1);
  });

  it('starts a new day at local midnight in TIME_ZONE, not at UTC midnight', async () => {
    const beforeMidnight = new Date('2037-03-09T18:29:00Z'); // 23:59 in Kolkata
    t.clock.set(beforeMidnight);
    const session = await dispatcherOf(AREA_MIDNIGHT);
    await packer(t.app, session).parent(await freshParentCode(t.database));
    const late = await statsOf(session);

    t.clock.set(new Date('2037-03-09T18:31:00Z')); // 00:01 on 10 March in Kolkata
    const nextDay = await statsOf(session);

    expect(late).toMatchObject({ day: '2037-03-09', scansToday: 1 });
    expect(hour(late, '23:00')).toBe(1);
    expect(late.topStations).toEqual([{ station: 'test-desk', scans: 1 }]);
    expect(nextDay).toMatchObject({
      day: '2037-03-10',
      scansToday: 0,
      scansLastHour: 1,
      topStations: [],
    });
  });

  it('ranks today’s 5 busiest stations, most scans first', async () => {
    t.clock.set(MORNING);
    const session = await dispatcherOf(AREA_TOP);
    const parent = await freshParentCode(t.database);
    const stations = Array.from({ length: 6 }, (_, i) => `desk-${i + 1}`);
    for (const [i, station] of stations.entries()) {
      for (let n = 0; n <= i; n += 1) {
        expect((await packer(t.app, session, station).parent(parent)).statusCode).toBe(200);
      }
    }

    const stats = await statsOf(session);

    expect(stats.topStations).toEqual([
      { station: 'desk-6', scans: 6 },
      { station: 'desk-5', scans: 5 },
      { station: 'desk-4', scans: 4 },
      { station: 'desk-3', scans: 3 },
      { station: 'desk-2', scans: 2 },
    ]);
    expect(stats.scansToday).toBe(21);
  });
});
