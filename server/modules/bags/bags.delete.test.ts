import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BagDetail, BagHistory } from '../../../common/contracts/bags.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { expectAudited } from '../../test/audit-api.js';
import { packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { childCodes, parentCodes } from './bags.test-kit.js';

describe('DELETE /api/bags/:qr', () => {
  let t: TestApp;
  let admin: TestSession;
  let biller: TestSession;
  let billerName: string;
  let dispatcher: TestSession;
  let freshParent: () => Promise<string>;
  let freshChild: () => Promise<string>;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
    billerName = (await createUser(t.database, { role: 'biller' })).username;
    biller = await loginAs(t.app, billerName);
    dispatcher = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'sangaria' })).username,
    );
    freshParent = parentCodes(t.database, 'M444');
    freshChild = childCodes(t.database);
  });
  afterAll(async () => t.app.close());

  const remove = (session: TestSession, qr: string) =>
    as(t.app, session)('DELETE', `/api/bags/${encodeURIComponent(qr)}`);
  const lookup = (qr: string) => as(t.app, admin)('GET', `/api/bags/${encodeURIComponent(qr)}`);

  /** A sangaria M444 parent packed with `count` new children; answers both. */
  async function packed(count: number) {
    const parent = await freshParent();
    const pack = packer(t.app, admin);
    await as(t.app, admin)('POST', '/api/bags', { qr: parent, dispatchArea: 'sangaria' });
    const children: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const child = await freshChild();
      expect((await pack.child(parent, child)).statusCode).toBe(200);
      children.push(child);
    }
    return { parent, children };
  }

  it('answers 401 AUTH_REQUIRED without a session', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/bags/SB00001' });

    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('AUTH_REQUIRED');
  });

  it('answers 403 FORBIDDEN to a dispatcher, even in their own area, and keeps the bag', async () => {
    const { parent } = await packed(0);

    const res = await remove(dispatcher, parent);

    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect((await lookup(parent)).statusCode).toBe(200);
  });

  it.each([
    [' ', 'QR_EMPTY'],
    ['M444-1', 'QR_INVALID_PARENT'],
    ['A+B', 'QR_INVALID'],
  ])('answers 400 for %j', async (qr, code) => {
    const res = await remove(admin, qr);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe(code);
  });

  it('answers 404 BAG_NOT_FOUND for a code no bag has', async () => {
    const res = await remove(admin, await freshChild());

    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('BAG_NOT_FOUND');
  });

  it('answers 409 BAG_HAS_CHILDREN for a parent that holds children, and keeps it', async () => {
    const { parent } = await packed(2);

    const res = await remove(biller, parent);

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: 'BAG_HAS_CHILDREN', details: { qr: parent, childCount: 2 } },
    });
    expect((await lookup(parent)).json<BagDetail>().children).toHaveLength(2);
  });

  it('deletes an empty parent, audited as a security event with what it was', async () => {
    const { parent } = await packed(0);

    const res = await remove(biller, parent.toLowerCase());

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(errorCode(await lookup(parent))).toBe('BAG_NOT_FOUND');
    const row = await expectAudited(t.app, admin, res, {
      action: 'bag.delete',
      entity: `bag:${parent}`,
      actor: billerName,
    });
    expect(row.security).toBe(true);
    expect(row.before).toMatchObject({
      type: 'parent',
      kind: 'M444',
      status: 'empty',
      dispatchArea: 'sangaria',
      parent: null,
    });
  });

  it('deletes an unlinked child, and the code can be created again', async () => {
    const child = await freshChild();
    await as(t.app, admin)('POST', '/api/bags', { qr: child });

    const res = await remove(admin, child);

    expect(res.statusCode).toBe(204);
    expect(errorCode(await lookup(child))).toBe('BAG_NOT_FOUND');
    expect((await as(t.app, admin)('POST', '/api/bags', { qr: child })).statusCode).toBe(201);
  });

  it('takes a linked child out of its full parent first: count, weight and status follow', async () => {
    const { parent, children } = await packed(15);
    const [first, gone] = [children[0] ?? '', children[7] ?? ''];
    expect((await lookup(parent)).json<BagDetail>().bag.status).toBe('complete');
    t.clock.advanceMinutes(1);

    const res = await remove(admin, gone);

    expect(res.statusCode).toBe(204);
    const after = (await lookup(parent)).json<BagDetail>();
    expect(after.bag).toMatchObject({ childCount: 14, weightKg: 14, status: 'in_progress' });
    expect(after.children.map((c) => c.qr)).toEqual(children.filter((c) => c !== gone));
    expect((await lookup(first)).json<BagDetail>().parent).toMatchObject({
      qr: parent,
      childCount: 14,
    });
    const trace = (await as(t.app, admin)('GET', `/api/bags/${parent}/history`)).json<BagHistory>();
    expect(trace.items.at(-1)).toMatchObject({
      type: 'unlink',
      child: gone,
      parent,
      reason: 'delete',
    });
    const row = await expectAudited(t.app, admin, res, {
      action: 'bag.delete',
      entity: `bag:${gone}`,
    });
    expect(row.before).toMatchObject({ type: 'child', parent });
  });

  it('empties a parent whose last child is deleted, which can then be deleted itself', async () => {
    const { parent, children } = await packed(1);

    await remove(admin, children[0] ?? '');
    const emptied = (await lookup(parent)).json<BagDetail>().bag;
    const res = await remove(admin, parent);

    expect(emptied).toMatchObject({ childCount: 0, weightKg: 0, status: 'empty' });
    expect(res.statusCode).toBe(204);
  });
});
