import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BagHistory, BagHistoryItem, BagSnapshot } from '../../../common/contracts/bags.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { childCodes, parentCodes, plusMinutes, privateWindow } from './bags.test-kit.js';

describe('GET /api/bags/:qr/history', () => {
  let t: TestApp;
  let names: { admin: string; packer: string; outsider: string };
  let admin: TestSession;
  let worker: TestSession;
  let outsider: TestSession;
  let freshParent: () => Promise<string>;
  let freshChild: () => Promise<string>;
  let t0: Date;

  beforeAll(async () => {
    t = await buildTestApp();
    names = {
      admin: (await createUser(t.database, { role: 'admin' })).username,
      packer: (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'hisar' }))
        .username,
      outsider: (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'jaipur' }))
        .username,
    };
    freshParent = parentCodes(t.database, 'M444');
    freshChild = childCodes(t.database);
  });
  // Each test runs in its own window of time, with sessions opened in it.
  beforeEach(async () => {
    t0 = privateWindow(t.clock);
    admin = await loginAs(t.app, names.admin);
    worker = await loginAs(t.app, names.packer);
    outsider = await loginAs(t.app, names.outsider);
  });
  afterAll(async () => t.app.close());

  const at = (minutes: number) => plusMinutes(t0, minutes).toISOString();
  const step = (minutes: number) => t.clock.set(plusMinutes(t0, minutes));
  const history = (session: TestSession, qr: string, query = '') =>
    as(t.app, session)('GET', `/api/bags/${encodeURIComponent(qr)}/history${query}`);
  const snapshot = async (qr: string, when: string) =>
    (await history(admin, qr, `?at=${encodeURIComponent(when)}`)).json<BagSnapshot>();
  const shape = (items: BagHistoryItem[]) =>
    items.map((i) => `t${(Date.parse(i.at) - t0.getTime()) / 60_000} ${label(i)}`);
  const label = (i: BagHistoryItem) => {
    switch (i.type) {
      case 'scan':
        return `scan ${i.scanKind ?? ''} ${i.qr ?? ''}${i.duplicate ? ' duplicate' : ''}${i.created ? ' created' : ''}`;
      case 'link':
      case 'unlink':
        return `${i.type} ${i.child ?? ''} ${i.reason ?? ''}`;
      case 'audit':
        return `audit ${i.action ?? ''}`;
      case 'bill':
        return `bill ${i.action ?? ''} ${i.bill ?? ''}`;
    }
  };

  /** t0 open P, t1 link A, t2 link B, t3 undo (B goes), t4 link B again, t5 rescan A. */
  async function packUndoRelink() {
    const [parent, a, b] = [await freshParent(), await freshChild(), await freshChild()];
    const pack = packer(t.app, worker, 'desk-h');
    const ok = async (pending: Promise<{ statusCode: number; body: string }>) => {
      const res = await pending;
      expect(res.statusCode, res.body).toBe(200);
    };
    await ok(pack.parent(parent));
    step(1);
    await ok(pack.child(parent, a));
    step(2);
    await ok(pack.child(parent, b));
    step(3);
    await ok(pack.undo(parent));
    step(4);
    await ok(pack.child(parent, b));
    step(5);
    await ok(pack.child(parent, a));
    return { parent, a, b };
  }

  it('answers 401 AUTH_REQUIRED without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/bags/SB00001/history' });

    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('AUTH_REQUIRED');
  });

  it.each([
    [' ', 'QR_EMPTY'],
    ['SB-00001', 'QR_INVALID_PARENT'],
    ['A*B', 'QR_INVALID'],
  ])('answers 400 for %j', async (qr, code) => {
    const res = await history(admin, qr);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe(code);
  });

  it.each(['yesterday', '2024-13-01T00:00:00Z'])(
    'answers 400 VALIDATION for at=%s',
    async (when) => {
      const res = await history(admin, 'SB00001', `?at=${when}`);

      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    },
  );

  it('answers 404 BAG_NOT_FOUND for a code with no bag and no trace', async () => {
    const res = await history(admin, await freshParent());

    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('BAG_NOT_FOUND');
  });

  it('tells a parent’s story oldest first: scans, links, the undo and the re-link', async () => {
    const { parent, a, b } = await packUndoRelink();

    const res = await history(admin, parent);

    expect(res.statusCode).toBe(200);
    const body = res.json<BagHistory>();
    expect(body).toMatchObject({ qr: parent, type: 'parent', truncated: false });
    expect(shape(body.items)).toEqual([
      `t0 scan parent ${parent} created`,
      't0 audit bag.create',
      `t1 scan child ${a} created`,
      `t1 link ${a} scan`,
      `t2 scan child ${b} created`,
      `t2 link ${b} scan`,
      `t3 unlink ${b} undo`,
      `t4 scan child ${b} created`,
      `t4 link ${b} scan`,
      `t5 scan child ${a} duplicate`,
    ]);
    expect(body.items[2]).toEqual({
      at: at(1),
      type: 'scan',
      user: names.packer,
      scanKind: 'child',
      qr: a,
      target: parent,
      station: 'desk-h',
      created: true,
      duplicate: false,
    });
    expect(body.items[3]).toEqual({
      at: at(1),
      type: 'link',
      user: names.packer,
      parent,
      child: a,
      reason: 'scan',
    });
  });

  it('tells a child’s story: its scans, links and audit rows', async () => {
    const { parent, b } = await packUndoRelink();

    const body = (await history(admin, b.toLowerCase())).json<BagHistory>();

    expect(body.type).toBe('child');
    expect(shape(body.items)).toEqual([
      `t2 scan child ${b} created`,
      `t2 link ${b} scan`,
      't2 audit bag.link',
      `t3 unlink ${b} undo`,
      't3 audit bag.undo',
      `t4 scan child ${b} created`,
      `t4 link ${b} scan`,
      't4 audit bag.link',
    ]);
    expect(body.items[2]).toMatchObject({ user: names.packer, after: { parent, created: true } });
  });

  it('rebuilds a parent’s children at any time from link events', async () => {
    const { parent, a, b } = await packUndoRelink();

    const children = async (when: string) => (await snapshot(parent, when)).children;

    expect(await children(plusMinutes(t0, -1).toISOString())).toEqual([]);
    expect(await children(at(0))).toEqual([]);
    expect(await children(at(1))).toEqual([{ qr: a, linkedAt: at(1) }]);
    expect(await children(at(2))).toEqual([
      { qr: a, linkedAt: at(1) },
      { qr: b, linkedAt: at(2) },
    ]);
    expect(await children(at(2.5))).toEqual([
      { qr: a, linkedAt: at(1) },
      { qr: b, linkedAt: at(2) },
    ]);
    expect(await children(at(3))).toEqual([{ qr: a, linkedAt: at(1) }]);
    expect(await children(at(4))).toEqual([
      { qr: a, linkedAt: at(1) },
      { qr: b, linkedAt: at(4) },
    ]);
    expect(await snapshot(parent, at(60))).toEqual({
      qr: parent,
      type: 'parent',
      at: at(60),
      parent: null,
      children: [
        { qr: a, linkedAt: at(1) },
        { qr: b, linkedAt: at(4) },
      ],
      bill: null,
    });
  });

  it('rebuilds a child’s parent at any time, across the undo and the re-link', async () => {
    const { parent, b } = await packUndoRelink();

    const parentAt = async (when: string) => (await snapshot(b, when)).parent;

    expect(await parentAt(at(1))).toBeNull();
    expect(await parentAt(at(2))).toEqual({ qr: parent, linkedAt: at(2) });
    expect(await parentAt(at(3))).toBeNull();
    expect(await parentAt(at(4))).toEqual({ qr: parent, linkedAt: at(4) });
    expect(await snapshot(b, at(4))).toMatchObject({ type: 'child', children: [], bill: null });
  });

  it('keeps the story of a child that undo deleted', async () => {
    const [parent, child] = [await freshParent(), await freshChild()];
    const pack = packer(t.app, worker);
    await pack.parent(parent);
    step(1);
    await pack.child(parent, child);
    step(2);
    await pack.undo(parent);

    const lookup = await as(t.app, admin)('GET', `/api/bags/${child}`);
    const res = await history(worker, child);

    expect(lookup.statusCode).toBe(404);
    expect(res.statusCode).toBe(200);
    expect(shape(res.json<BagHistory>().items)).toEqual([
      `t1 scan child ${child} created`,
      `t1 link ${child} scan`,
      't1 audit bag.link',
      `t2 unlink ${child} undo`,
      't2 audit bag.undo',
    ]);
    expect((await snapshot(child, at(1))).parent).toEqual({ qr: parent, linkedAt: at(1) });
  });

  it('keeps the story of a deleted parent, creation and deletion included', async () => {
    const parent = await freshParent();
    await as(t.app, admin)('POST', '/api/bags', { qr: parent, dispatchArea: 'hisar' });
    step(1);
    expect((await as(t.app, admin)('DELETE', `/api/bags/${parent}`)).statusCode).toBe(204);

    const res = await history(worker, parent);

    expect(res.statusCode).toBe(200);
    const items = res.json<BagHistory>().items;
    expect(shape(items)).toEqual(['t0 audit bag.create', 't1 audit bag.delete']);
    expect(items[1]).toMatchObject({
      user: names.admin,
      before: { type: 'parent', kind: 'M444', dispatchArea: 'hisar' },
    });
  });

  describe('dispatchers', () => {
    it('get 403 AREA_FORBIDDEN for another area’s bag, live or deleted', async () => {
      const { parent } = await packUndoRelink();
      const gone = await freshParent();
      await as(t.app, admin)('POST', '/api/bags', { qr: gone, dispatchArea: 'hisar' });
      await as(t.app, admin)('DELETE', `/api/bags/${gone}`);

      const live = await history(outsider, parent);
      const deleted = await history(outsider, gone);
      const past = await history(outsider, parent, `?at=${encodeURIComponent(at(2))}`);

      expect(live.statusCode).toBe(403);
      expect(errorCode(live)).toBe('AREA_FORBIDDEN');
      expect(errorCode(deleted)).toBe('AREA_FORBIDDEN');
      expect(errorCode(past)).toBe('AREA_FORBIDDEN');
    });
  });
});
