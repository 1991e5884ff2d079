import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BagDetail } from '../../../common/contracts/bags.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { auditRows } from '../../test/audit.js';
import { packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { childCodes, parentCodes, plusMinutes } from './bags.test-kit.js';

describe('GET /api/bags/:qr', () => {
  let t: TestApp;
  let admin: TestSession;
  let dispatcher: TestSession;
  let dispatcherName: string;
  let freshParent: () => Promise<string>;
  let freshChild: () => Promise<string>;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
    dispatcherName = (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'raipur' }))
      .username;
    dispatcher = await loginAs(t.app, dispatcherName);
    freshParent = parentCodes(t.database);
    freshChild = childCodes(t.database);
  });
  afterAll(async () => t.app.close());

  const lookup = (session: TestSession, qr: string, path = '/api/bags/') =>
    as(t.app, session)('GET', `${path}${encodeURIComponent(qr)}`);

  /** A raipur parent packed by the dispatcher with `children`, one minute apart. */
  async function packedParent(children: string[]) {
    const parent = await freshParent();
    const pack = packer(t.app, dispatcher);
    expect((await pack.parent(parent)).statusCode).toBe(200);
    for (const child of children) {
      t.clock.set(plusMinutes(t.clock.now(), 1));
      expect((await pack.child(parent, child)).statusCode).toBe(200);
    }
    return parent;
  }

  it('answers 401 AUTH_REQUIRED without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/bags/SB00001' });

    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('AUTH_REQUIRED');
  });

  it.each([
    ['an empty code', ' ', 'QR_EMPTY'],
    ['invisible characters only', '\u200b\u00a0', 'QR_EMPTY'],
    ['characters no code has', 'AB#CD', 'QR_INVALID'],
    ['a reserved prefix with a dash', 'SB-12345', 'QR_INVALID_PARENT'],
    ['a reserved prefix, too short', 'SB1234', 'QR_INVALID_PARENT'],
    ['a reserved prefix, too long', 'sb123456', 'QR_INVALID_PARENT'],
    ['another kind’s prefix', 'M445-00001', 'QR_INVALID_PARENT'],
  ])('answers 400 for %s', async (_name, qr, code) => {
    const res = await lookup(admin, qr);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe(code);
  });

  it('names the accepted parent formats for a malformed parent code', async () => {
    const res = await lookup(admin, 'SB-12345');

    expect(res.json()).toMatchObject({
      error: {
        details: {
          qr: 'SB-12345',
          accepted: expect.arrayContaining([expect.stringContaining('SB')]),
        },
      },
    });
  });

  it('answers 404 BAG_NOT_FOUND for a valid code no bag has', async () => {
    const [parent, child] = [await freshParent(), await freshChild()];

    const missingParent = await lookup(admin, parent);
    const missingChild = await lookup(admin, child);

    expect(missingParent.statusCode).toBe(404);
    expect(errorCode(missingParent)).toBe('BAG_NOT_FOUND');
    expect(missingParent.json()).toMatchObject({ error: { details: { qr: parent } } });
    expect(errorCode(missingChild)).toBe('BAG_NOT_FOUND');
  });

  it('answers a parent with its kind in full and its children in link order', async () => {
    const children = [await freshChild(), await freshChild(), await freshChild()];
    const parent = await packedParent(children);

    const res = await lookup(admin, parent.toLowerCase());

    expect(res.statusCode).toBe(200);
    const body = res.json<BagDetail>();
    expect(body).toEqual({
      bag: {
        qr: parent,
        type: 'parent',
        kind: 'SB',
        status: 'in_progress',
        childCount: 3,
        weightKg: 3,
        dispatchArea: 'raipur',
        createdAt: expect.any(String),
        createdBy: dispatcherName,
      },
      kind: {
        code: 'SB',
        label: 'SB (mustard)',
        prefix: 'SB',
        pattern: '^SB\\d{5}$',
        maxChildren: 30,
        expectedKg: 30,
      },
      parent: null,
      children: children.map((qr): unknown =>
        expect.objectContaining({
          qr,
          type: 'child',
          kind: null,
          status: null,
          weightKg: 1,
          dispatchArea: 'raipur',
        }),
      ),
      bill: null,
    });
  });

  it('answers a linked child with a summary of its parent', async () => {
    const child = await freshChild();
    const parent = await packedParent([child]);
    const linkedAt = t.clock.now().toISOString();

    const res = await lookup(admin, child);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      bag: expect.objectContaining({
        qr: child,
        type: 'child',
        childCount: 0,
        weightKg: 1,
        createdBy: dispatcherName,
      }),
      kind: null,
      parent: {
        qr: parent,
        kind: 'SB',
        status: 'in_progress',
        childCount: 1,
        maxChildren: 30,
        weightKg: 1,
        dispatchArea: 'raipur',
        linkedAt,
      },
      children: [],
      bill: null,
    });
  });

  it('answers an empty parent and an unlinked child without parent or children', async () => {
    const [parent, child] = [await freshParent(), await freshChild()];
    await as(t.app, admin)('POST', '/api/bags', { qr: parent });
    await as(t.app, admin)('POST', '/api/bags', { qr: child });

    const parentRes = await lookup(admin, parent);
    const childRes = await lookup(admin, child);

    expect(parentRes.json()).toMatchObject({
      bag: { status: 'empty', childCount: 0 },
      parent: null,
      children: [],
    });
    expect(childRes.json()).toMatchObject({
      bag: { qr: child, type: 'child' },
      kind: null,
      parent: null,
      children: [],
    });
  });

  it('reads a child label payload as its label number', async () => {
    const digits =
      String(Date.now()).slice(-7) + String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
    await as(t.app, admin)('POST', '/api/bags', { qr: digits });

    const res = await lookup(admin, `label no. : ${digits} LOT NO.:STAR44GG24611, D.O.T`);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ bag: { qr: digits, type: 'child' } });
  });

  it('finds a code containing a slash when it is URL-encoded', async () => {
    const child = `${await freshChild()}/A.B_C`;
    await as(t.app, admin)('POST', '/api/bags', { qr: child });

    const res = await lookup(admin, child);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ bag: { qr: child } });
  });

  it('answers the same body on the seed-compatible alias GET /api/bag/:qr', async () => {
    const child = await freshChild();
    const parent = await packedParent([child]);

    const [canonical, alias] = [
      await lookup(admin, parent),
      await lookup(admin, parent, '/api/bag/'),
    ];

    expect(alias.statusCode).toBe(200);
    expect(alias.json()).toEqual(canonical.json());
  });

  describe('dispatchers', () => {
    it('see bags of their own area', async () => {
      const parent = await packedParent([await freshChild()]);

      const res = await lookup(dispatcher, parent);

      expect(res.statusCode).toBe(200);
    });

    it('get 403 AREA_FORBIDDEN for another area’s bag or a bag with no area, audited', async () => {
      const [other, none] = [await freshParent(), await freshParent()];
      await as(t.app, admin)('POST', '/api/bags', { qr: other, dispatchArea: 'ranchi' });
      await as(t.app, admin)('POST', '/api/bags', { qr: none });

      const res = await lookup(dispatcher, other);
      const noArea = await lookup(dispatcher, none);

      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('AREA_FORBIDDEN');
      expect(res.json()).toMatchObject({ error: { details: { qr: other, area: 'ranchi' } } });
      expect(errorCode(noArea)).toBe('AREA_FORBIDDEN');
      const [denied] = await auditRows(t.database, { action: 'security.denied', entityId: other });
      expect(denied).toMatchObject({
        actorUsername: dispatcherName,
        security: true,
        entityType: 'bag',
      });
      expect(denied?.after).toMatchObject({
        code: 'AREA_FORBIDDEN',
        area: 'ranchi',
        ownArea: 'raipur',
      });
    });

    it('get 404 for an unknown code, as everyone does', async () => {
      const res = await lookup(dispatcher, await freshParent());

      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('BAG_NOT_FOUND');
    });
  });
});
