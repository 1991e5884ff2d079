import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bag, BagList } from '../../../common/contracts/bags.js';
import { encodeCursor } from '../../platform/cursor.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { auditRows } from '../../test/audit.js';
import { packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { childCodes, parentCodes, plusMinutes, privateWindow } from './bags.test-kit.js';

interface Made {
  qr: string;
  type: 'parent' | 'child';
  kind: string | null;
  area: string | null;
  status: string | null;
  linked: boolean;
}

describe('GET /api/bags', () => {
  let t: TestApp;
  let admin: TestSession;
  let dispatcher: TestSession;
  let dispatcherName: string;
  let start: Date;
  let end: Date;
  let childBase: string;
  const made: Made[] = [];

  /** Every bag of this file's window matching `keep`, newest first. */
  const expected = (keep: (m: Made) => boolean) =>
    made
      .filter(keep)
      .map((m) => m.qr)
      .reverse();
  const window = () =>
    `from=${encodeURIComponent(start.toISOString())}&to=${encodeURIComponent(end.toISOString())}`;
  const list = (session: TestSession, query: string) =>
    as(t.app, session)('GET', `/api/bags?${query}`);
  const codes = async (query: string, session = admin) => {
    const res = await list(session, `${window()}&limit=200&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<BagList>().items.map((b) => b.qr);
  };

  beforeAll(async () => {
    t = await buildTestApp();
    start = privateWindow(t.clock);
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
    dispatcherName = (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'ranchi' }))
      .username;
    dispatcher = await loginAs(t.app, dispatcherName);
    const [sb, m444, child] = [
      parentCodes(t.database),
      parentCodes(t.database, 'M444'),
      childCodes(t.database),
    ];
    childBase = (await child()).replace(/-\d+$/, '-');
    const tick = () => t.clock.set(plusMinutes(t.clock.now(), 1));
    const create = async (m: Omit<Made, 'linked'>) => {
      tick();
      const res = await as(t.app, admin)('POST', '/api/bags', {
        qr: m.qr,
        ...(m.area ? { dispatchArea: m.area } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      made.push({ ...m, linked: false });
    };
    const pack = async (parent: Made, count: number, status: string) => {
      for (let i = 0; i < count; i += 1) {
        tick();
        const qr = await child();
        expect((await packer(t.app, admin).child(parent.qr, qr)).statusCode).toBe(200);
        made.push({ qr, type: 'child', kind: null, area: parent.area, status: null, linked: true });
      }
      parent.status = status;
    };
    await create({ qr: await sb(), type: 'parent', kind: 'SB', area: 'ranchi', status: 'empty' });
    await create({
      qr: await m444(),
      type: 'parent',
      kind: 'M444',
      area: 'ranchi',
      status: 'empty',
    });
    await pack(made[1] as Made, 2, 'in_progress');
    await create({ qr: await sb(), type: 'parent', kind: 'SB', area: 'akola', status: 'empty' });
    await create({ qr: await child(), type: 'child', kind: null, area: 'ranchi', status: null });
    await create({ qr: await child(), type: 'child', kind: null, area: null, status: null });
    await create({
      qr: await m444(),
      type: 'parent',
      kind: 'M444',
      area: 'akola',
      status: 'empty',
    });
    await pack(made.at(-1) as Made, 15, 'complete');
    end = t.clock.now();
  });
  afterAll(async () => t.app.close());

  it('answers 401 AUTH_REQUIRED without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/bags' });

    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('AUTH_REQUIRED');
  });

  it.each([
    ['limit=0'],
    ['limit=201'],
    ['limit=ten'],
    ['type=box'],
    ['status=full'],
    ['kind=S%20B'],
    ['area=Not-A-Key'],
    ['unlinked=maybe'],
    ['from=yesterday'],
    ['sort=qr'],
    [`q=${'A'.repeat(1001)}`],
    ['from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z'],
  ])('answers 400 VALIDATION for %s', async (query) => {
    const res = await list(admin, query);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it('a search term longer than any code (a pasted label, say) is no match, not an error', async () => {
    const res = await list(admin, `q=${'A'.repeat(250)}`);

    expect(res.statusCode).toBe(200);
    expect(res.json<BagList>()).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['junk', 'not a cursor!'],
    ['the wrong key', encodeCursor({ at: 5 })],
    ['a text id', encodeCursor({ id: 'five' })],
    ['a negative id', encodeCursor({ id: -3 })],
  ])('answers 400 VALIDATION for a cursor with %s', async (_name, cursor) => {
    const res = await list(admin, `cursor=${encodeURIComponent(cursor)}`);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it('answers every bag of the window newest first, each as a bag', async () => {
    const res = await list(admin, `${window()}&limit=1`);

    expect(await codes('')).toEqual(expected(() => true));
    const [newest] = res.json<BagList>().items;
    expect(newest).toEqual<Bag>({
      qr: made.at(-1)?.qr ?? '',
      type: 'child',
      kind: null,
      status: null,
      childCount: 0,
      weightKg: 1,
      dispatchArea: 'akola',
      createdAt: end.toISOString(),
      createdBy: expect.any(String),
    });
  });

  it('filters by type, kind and status', async () => {
    expect(await codes('type=parent')).toEqual(expected((m) => m.type === 'parent'));
    expect(await codes('type=child')).toEqual(expected((m) => m.type === 'child'));
    expect(await codes('kind=m444')).toEqual(expected((m) => m.kind === 'M444'));
    expect(await codes('status=empty')).toEqual(expected((m) => m.status === 'empty'));
    expect(await codes('status=in_progress')).toEqual(expected((m) => m.status === 'in_progress'));
    expect(await codes('status=complete&kind=M444')).toEqual(
      expected((m) => m.status === 'complete'),
    );
    expect(await codes('type=child&status=empty')).toEqual([]);
  });

  it('filters by area and by unlinked children', async () => {
    expect(await codes('area=ranchi')).toEqual(expected((m) => m.area === 'ranchi'));
    expect(await codes('area=akola&type=parent')).toEqual(
      expected((m) => m.area === 'akola' && m.type === 'parent'),
    );
    expect(await codes('unlinked=true')).toEqual(expected((m) => m.type === 'child' && !m.linked));
    expect(await codes('area=ranchi&unlinked=true')).toHaveLength(1);
  });

  it('filters by creation time, both ends included', async () => {
    const from = plusMinutes(start, 2).toISOString();
    const to = plusMinutes(start, 4).toISOString();

    const res = await list(admin, `from=${from}&to=${to}`);

    expect(res.json<BagList>().items.map((b) => b.qr)).toEqual(
      made
        .slice(1, 4)
        .map((m) => m.qr)
        .reverse(),
    );
  });

  it('searches by code prefix, normalised like a scan', async () => {
    const children = expected((m) => m.type === 'child');
    const res = await list(
      admin,
      `q=${encodeURIComponent(` ${childBase.toLowerCase()}\u200b`)}&limit=200`,
    );

    expect(res.json<BagList>().items.map((b) => b.qr)).toEqual(children);
    expect(await codes(`q=${made[0]?.qr ?? ''}`)).toEqual([made[0]?.qr]);
  });

  it.each([
    ['characters no code has', () => '##'],
    ['a label payload without a number', () => 'LABEL NO.: LOT'],
    ['a prefix nothing starts with', () => `${childBase}ZZZ`],
  ])('answers 200 and no bags for a search with %s', async (_name, q) => {
    const res = await list(admin, `q=${encodeURIComponent(q())}`);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });

  it('walks every page with limit=4, without duplicates, to a null cursor', async () => {
    const pages: BagList[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `${window()}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: BagList = (await list(admin, query)).json<BagList>();
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 20);

    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 4, 4, 4, 3]);
    expect(pages.flatMap((p) => p.items.map((b) => b.qr))).toEqual(expected(() => true));
  });

  describe('dispatchers', () => {
    it('see only their own area, whether or not they name it', async () => {
      const own = expected((m) => m.area === 'ranchi');

      expect(await codes('', dispatcher)).toEqual(own);
      expect(await codes('area=ranchi', dispatcher)).toEqual(own);
      expect(await codes('unlinked=true', dispatcher)).toEqual(
        expected((m) => m.area === 'ranchi' && m.type === 'child' && !m.linked),
      );
    });

    it('get 403 AREA_FORBIDDEN for another area, audited', async () => {
      const res = await list(dispatcher, 'area=akola');

      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('AREA_FORBIDDEN');
      const [row] = await auditRows(t.database, {
        action: 'security.denied',
        actorUsername: dispatcherName,
      });
      expect(row).toMatchObject({ entityType: 'bag', entityId: null, security: true });
      expect(row?.after).toMatchObject({ code: 'AREA_FORBIDDEN', area: 'akola' });
    });
  });
});
