import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bags, linkEvents } from '../../db/schema/bags.js';
import { errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { auditRows } from '../../test/audit.js';
import { freshChildCode, freshParentCode, newScanId, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';

describe('POST /api/scans/undo', () => {
  let t: TestApp;
  let alice: TestSession;
  let bob: TestSession;
  let names: string[];
  /** Fresh sessions (the clock moves forward in some tests, past the session lifetime). */
  const signIn = async () => {
    const [a, b] = await Promise.all(names.map((name) => loginAs(t.app, name)));
    if (!a || !b) {
      throw new Error('sign-in failed');
    }
    [alice, bob] = [a, b];
  };
  beforeAll(async () => {
    t = await buildTestApp();
    const area = { role: 'dispatcher' as const, dispatchArea: 'bathinda' };
    names = [
      (await createUser(t.database, area)).username,
      (await createUser(t.database, area)).username,
    ];
    await signIn();
  });
  afterAll(async () => t.app.close());

  async function parentWith(children: string[], session = alice, kind: 'SB' | 'M444' = 'SB') {
    const parent = await freshParentCode(t.database, kind);
    const pack = packer(t.app, session);
    await pack.parent(parent);
    for (const child of children) {
      expect((await pack.child(parent, child)).statusCode).toBe(200);
    }
    return parent;
  }
  const bagRow = async (qr: string) =>
    (await t.database.db.select().from(bags).where(eq(bags.qr, qr)))[0];

  it('removes the user’s most recent link and deletes the child that scan created and nothing else touched', async () => {
    const [first, last] = [freshChildCode(), freshChildCode()];
    const parent = await parentWith([first, last]);

    const res = await packer(t.app, alice).undo(parent);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      removed: last,
      childDeleted: true,
      parent: { qr: parent, childCount: 1, maxChildren: 30, complete: false },
    });
    expect(await bagRow(last)).toBeUndefined();
    expect((await bagRow(first))?.parentId).toBe((await bagRow(parent))?.id);
    expect(
      await t.database.db.select().from(linkEvents).where(eq(linkEvents.childQr, last)),
    ).toHaveLength(2);
    const [audit] = await auditRows(t.database, { action: 'bag.undo', entityId: last });
    expect(audit?.after).toMatchObject({ parent, childDeleted: true, childCount: 1 });
  });

  it('keeps a child that existed before the scan, unlinked', async () => {
    const child = freshChildCode();
    const now = new Date();
    await t.database.db.insert(bags).values({
      qr: child,
      type: 'child',
      weightKg: 1,
      dispatchArea: 'bathinda',
      createdAt: now,
      updatedAt: now,
    });
    const parent = await parentWith([child]);

    const res = await packer(t.app, alice).undo(parent);

    expect(res.json()).toMatchObject({ removed: child, childDeleted: false });
    expect(await bagRow(child)).toMatchObject({ parentId: null, type: 'child' });
  });

  it('keeps a created child that something else touched (a duplicate scan), unlinked', async () => {
    const child = freshChildCode();
    const parent = await parentWith([child, child]);

    const res = await packer(t.app, alice).undo(parent);

    expect(res.json()).toMatchObject({
      removed: child,
      childDeleted: false,
      parent: { childCount: 0 },
    });
    expect(await bagRow(child)).toMatchObject({ parentId: null });
    expect(await bagRow(parent)).toMatchObject({ status: 'empty', childCount: 0, weightKg: 0 });
  });

  it('reopens a completed parent', async () => {
    const children = Array.from({ length: 15 }, () => freshChildCode());
    const parent = await parentWith(children, alice, 'M444');
    expect(await bagRow(parent)).toMatchObject({ status: 'complete' });

    const res = await packer(t.app, alice).undo(parent);

    expect(res.json().parent).toEqual({
      qr: parent,
      childCount: 14,
      maxChildren: 15,
      complete: false,
    });
    expect(await bagRow(parent)).toMatchObject({
      status: 'in_progress',
      childCount: 14,
      weightKg: 14,
    });
  });

  it('undoes only the caller’s own links: another user gets 404 NOTHING_TO_UNDO', async () => {
    const parent = await parentWith([freshChildCode()]);

    const res = await packer(t.app, bob).undo(parent);

    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('NOTHING_TO_UNDO');
    expect((await bagRow(parent))?.childCount).toBe(1);
  });

  it('answers 409 UNDO_WINDOW_PASSED when the last link is older than an hour', async () => {
    const parent = await parentWith([freshChildCode()]);
    t.clock.advanceMinutes(61);
    await signIn();

    const res = await packer(t.app, alice).undo(parent);

    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('UNDO_WINDOW_PASSED');
    expect((await bagRow(parent))?.childCount).toBe(1);
  });

  it('with a scanId, a retried undo never removes a second link', async () => {
    const [a, b, c] = [freshChildCode(), freshChildCode(), freshChildCode()];
    const parent = await parentWith([a, b, c]);
    const scanId = newScanId();
    const pack = packer(t.app, alice);

    const first = await pack.undo(parent, scanId);
    const retry = await pack.undo(parent, scanId);

    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect((await bagRow(parent))?.childCount).toBe(2);
    expect(await bagRow(b)).toBeDefined();
  });

  it('without a scanId, each call undoes one more link', async () => {
    const parent = await parentWith([freshChildCode(), freshChildCode()]);
    const pack = packer(t.app, alice);

    await pack.undo(parent, undefined);
    await pack.undo(parent, undefined);

    expect((await bagRow(parent))?.childCount).toBe(0);
    expect(errorCode(await pack.undo(parent, undefined))).toBe('NOTHING_TO_UNDO');
  });

  it('answers 404 BAG_NOT_FOUND for an unknown parent and 400 QR_WRONG_TYPE for a child code', async () => {
    const pack = packer(t.app, alice);

    expect(errorCode(await pack.undo(await freshParentCode(t.database)))).toBe('BAG_NOT_FOUND');
    expect(errorCode(await pack.undo('0016586'))).toBe('QR_WRONG_TYPE');
  });
});
