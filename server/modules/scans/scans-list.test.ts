import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scan } from '../../../common/contracts/bags.js';
import { encodeCursor } from '../../platform/cursor.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { auditRows } from '../../test/audit.js';
import { packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, uniqueName } from '../../test/factories.js';
import { childCodes, parentCodes, plusMinutes, privateWindow } from '../bags/bags.test-kit.js';

interface ScanPage {
  items: Scan[];
  nextCursor: string | null;
}

describe('GET /api/scans', () => {
  let t: TestApp;
  let admin: TestSession;
  let dispatcher: TestSession;
  const names = { admin: '', bathinda: '', indore: '' };
  const desks = {
    admin: uniqueName('desk-a'),
    bathinda: uniqueName('desk-b'),
    indore: uniqueName('desk-i'),
  };
  let start: Date;
  let end: Date;
  /** Every scan made here, oldest first: [user, station, kind, qr, target, area]. */
  const made: Array<[string, string, string, string, string | null, string]> = [];

  const window = () =>
    `from=${encodeURIComponent(start.toISOString())}&to=${encodeURIComponent(end.toISOString())}`;
  const list = (session: TestSession, query: string) =>
    as(t.app, session)('GET', `/api/scans?${query}`);
  const seen = async (query: string, session = admin) => {
    const res = await list(session, `${window()}&limit=200&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<ScanPage>()
      .items.map((s) => [s.user, s.station, s.kind, s.qr, s.target, s.dispatchArea]);
  };
  const expected = (keep: (row: (typeof made)[number]) => boolean) => made.filter(keep).reverse();

  beforeAll(async () => {
    t = await buildTestApp();
    start = privateWindow(t.clock);
    names.admin = (await createUser(t.database, { role: 'admin' })).username;
    names.bathinda = (
      await createUser(t.database, { role: 'dispatcher', dispatchArea: 'bathinda' })
    ).username;
    names.indore = (
      await createUser(t.database, { role: 'dispatcher', dispatchArea: 'indore' })
    ).username;
    admin = await loginAs(t.app, names.admin);
    dispatcher = await loginAs(t.app, names.bathinda);
    const indore = await loginAs(t.app, names.indore);
    const [parent, child] = [parentCodes(t.database), childCodes(t.database)];
    const [p1, p2] = [await parent(), await parent()];
    const step = async (
      who: keyof typeof names,
      session: TestSession,
      call: (p: ReturnType<typeof packer>) => Promise<unknown>,
    ) => {
      t.clock.set(plusMinutes(t.clock.now(), 1));
      await call(packer(t.app, session, desks[who]));
    };
    await step('admin', admin, (p) => p.parent(p1, { dispatchArea: 'bathinda' }));
    made.push([names.admin, desks.admin, 'parent', p1, null, 'bathinda']);
    for (const qr of [await child(), await child()]) {
      await step('bathinda', dispatcher, (p) => p.child(p1, qr));
      made.push([names.bathinda, desks.bathinda, 'child', qr, p1, 'bathinda']);
    }
    await step('indore', indore, (p) => p.parent(p2));
    made.push([names.indore, desks.indore, 'parent', p2, null, 'indore']);
    const c3 = await child();
    await step('indore', indore, (p) => p.child(p2, c3));
    made.push([names.indore, desks.indore, 'child', c3, p2, 'indore']);
    end = t.clock.now();
  });
  afterAll(async () => t.app.close());

  it('answers 401 AUTH_REQUIRED without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/scans' });

    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('AUTH_REQUIRED');
  });

  it.each([
    ['limit=0'],
    ['limit=201'],
    ['from=monday'],
    ['colour=red'],
    [`type=${'x'.repeat(21)}`],
    ['type=bogus'],
    ['from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z'],
    [`cursor=${encodeURIComponent(encodeCursor({ id: 'x' }))}`],
    ['cursor=%21%21'],
  ])('answers 400 VALIDATION for %s', async (query) => {
    const res = await list(admin, query);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it('answers every scan of the window newest first, each in full', async () => {
    const res = await list(admin, `${window()}&limit=1`);

    expect(await seen('')).toEqual(expected(() => true));
    expect(res.json<ScanPage>().items[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: end.toISOString(),
      kind: 'child',
      qr: made.at(-1)?.[3],
      target: made.at(-1)?.[4],
      user: names.indore,
      station: desks.indore,
      dispatchArea: 'indore',
      created: true,
      duplicate: false,
    });
  });

  it('filters by user (any case), station, type and area', async () => {
    expect(await seen(`user=${names.bathinda.toUpperCase()}`)).toEqual(
      expected((r) => r[0] === names.bathinda),
    );
    expect(await seen(`station=${desks.indore}`)).toEqual(expected((r) => r[1] === desks.indore));
    expect(await seen('type=parent')).toEqual(expected((r) => r[2] === 'parent'));
    expect(await seen('area=indore')).toEqual(expected((r) => r[5] === 'indore'));
    expect(await seen(`user=${uniqueName('nobody')}`)).toEqual([]);
  });

  it('filters by time, both ends included', async () => {
    const res = await list(
      admin,
      `from=${plusMinutes(start, 2).toISOString()}&to=${plusMinutes(start, 3).toISOString()}`,
    );

    expect(res.json<ScanPage>().items.map((s) => s.qr)).toEqual(
      made
        .slice(1, 3)
        .map((r) => r[3])
        .reverse(),
    );
  });

  it('walks every page with limit=2 to a null cursor', async () => {
    const pages: ScanPage[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `${window()}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: ScanPage = (await list(admin, query)).json<ScanPage>();
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 10);

    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((s) => s.qr))).toEqual(
      expected(() => true).map((r) => r[3]),
    );
  });

  describe('dispatchers', () => {
    it('see only their own area’s scans, including other users’ scans there', async () => {
      const own = expected((r) => r[5] === 'bathinda');

      expect(await seen('', dispatcher)).toEqual(own);
      expect(await seen('area=bathinda', dispatcher)).toEqual(own);
      expect(await seen(`user=${names.indore}`, dispatcher)).toEqual([]);
    });

    it('get 403 AREA_FORBIDDEN for another area, audited', async () => {
      const res = await list(dispatcher, 'area=indore');

      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('AREA_FORBIDDEN');
      const [row] = await auditRows(t.database, {
        action: 'security.denied',
        actorUsername: names.bathinda,
      });
      expect(row).toMatchObject({ entityType: 'scan', security: true });
      expect(row?.after).toMatchObject({
        code: 'AREA_FORBIDDEN',
        area: 'indore',
        ownArea: 'bathinda',
      });
    });
  });
});
