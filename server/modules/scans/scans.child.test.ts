import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bags, linkEvents } from '../../db/schema/bags.js';
import { scans } from '../../db/schema/scans.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { auditRows } from '../../test/audit.js';
import { freshChildCode, freshParentCode, newScanId, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';

describe('POST /api/scans/child', () => {
  let t: TestApp;
  let dispatcher: TestSession;
  let other: TestSession;
  beforeAll(async () => {
    t = await buildTestApp();
    dispatcher = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'akola' })).username,
    );
    other = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'ranchi' })).username,
    );
  });
  afterAll(async () => t.app.close());

  async function openParent(kind: 'SB' | 'M444' = 'SB', session = dispatcher) {
    const code = await freshParentCode(t.database, kind);
    expect((await packer(t.app, session).parent(code)).statusCode).toBe(200);
    return code;
  }

  it('creates and links a new child from a label payload, in the parent’s area, weighing 1 kg', async () => {
    const parent = await openParent();
    const child = freshChildCode().replace(/[A-F]/g, '7');

    const res = await packer(t.app, dispatcher).child(
      parent,
      `LABEL NO.:${child} LOT NO.:STAR44GG24611, D.O.T 06/2025`,
    );

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      child: {
        qr: child,
        type: 'child',
        kind: null,
        status: null,
        weightKg: 1,
        dispatchArea: 'akola',
      },
      parent: { qr: parent, childCount: 1, maxChildren: 30, complete: false },
      created: true,
      duplicate: false,
    });
    const [parentRow] = await t.database.db.select().from(bags).where(eq(bags.qr, parent));
    expect(parentRow).toMatchObject({ childCount: 1, weightKg: 1, status: 'in_progress' });
    const [childRow] = await t.database.db.select().from(bags).where(eq(bags.qr, child));
    expect(childRow?.parentId).toBe(parentRow?.id);
    expect(
      await t.database.db.select().from(linkEvents).where(eq(linkEvents.childQr, child)),
    ).toHaveLength(1);
    const [audit] = await auditRows(t.database, { action: 'bag.link', entityId: child });
    expect(audit?.after).toMatchObject({ parent, created: true, childCount: 1 });
  });

  it('links an existing unlinked child without creating it', async () => {
    const parent = await openParent();
    const child = freshChildCode();
    const now = new Date();
    await t.database.db.insert(bags).values({
      qr: child,
      type: 'child',
      weightKg: 1,
      dispatchArea: 'akola',
      createdAt: now,
      updatedAt: now,
    });

    const res = await packer(t.app, dispatcher).child(parent, child.toLowerCase());

    expect(res.json()).toMatchObject({
      created: false,
      duplicate: false,
      parent: { childCount: 1 },
    });
  });

  it('answers success with duplicate: true for a child already in this parent, changing nothing but the scan log', async () => {
    const parent = await openParent();
    const child = freshChildCode();
    const pack = packer(t.app, dispatcher);
    await pack.child(parent, child);

    const res = await pack.child(parent, child);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      duplicate: true,
      created: false,
      parent: { childCount: 1 },
    });
    expect(await t.database.db.select().from(scans).where(eq(scans.qr, child))).toHaveLength(2);
    expect(
      await t.database.db.select().from(linkEvents).where(eq(linkEvents.childQr, child)),
    ).toHaveLength(1);
  });

  it('answers 409 CHILD_IN_OTHER_PARENT naming the parent that holds the child', async () => {
    const first = await openParent();
    const second = await openParent();
    const child = freshChildCode();
    await packer(t.app, dispatcher).child(first, child);

    const res = await packer(t.app, dispatcher).child(second, child);

    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'CHILD_IN_OTHER_PARENT',
      message: `Child ${child} is already in ${first}.`,
      details: { parent: first },
    });
    const [row] = await t.database.db.select().from(bags).where(eq(bags.qr, second));
    expect(row?.childCount).toBe(0);
  });

  it('completes the parent at its kind’s maximum, then answers 409 PARENT_FULL — but a re-scan of a packed child is still a success', async () => {
    const parent = await openParent('M444');
    const pack = packer(t.app, dispatcher);
    const children = Array.from({ length: 15 }, () => freshChildCode());
    const answers = [];
    for (const child of children) {
      answers.push((await pack.child(parent, child)).json());
    }

    const full = await pack.child(parent, freshChildCode());
    const rescan = await pack.child(parent, children[3] ?? '');

    expect(answers.at(-1)).toMatchObject({
      parent: { childCount: 15, maxChildren: 15, complete: true },
    });
    expect(answers.at(-2)).toMatchObject({ parent: { childCount: 14, complete: false } });
    expect(full.statusCode).toBe(409);
    expect(errorCode(full)).toBe('PARENT_FULL');
    expect(rescan.statusCode).toBe(200);
    expect(rescan.json().duplicate).toBe(true);
    const [row] = await t.database.db.select().from(bags).where(eq(bags.qr, parent));
    expect(row).toMatchObject({ childCount: 15, weightKg: 15, status: 'complete' });
  });

  it.each([
    ['the parent’s own code', 'self', 'QR_WRONG_TYPE', 400],
    ['another parent code', 'SB00000', 'QR_WRONG_TYPE', 400],
    ['a malformed parent code', 'M445-00001', 'QR_INVALID_PARENT', 400],
    ['an empty scan', '   ', 'QR_EMPTY', 400],
  ])('answers %s as a child → %s', async (_label, qr, code, status) => {
    const parent = await openParent();

    const res = await packer(t.app, dispatcher).child(parent, qr === 'self' ? parent : qr);

    expect(res.statusCode).toBe(status);
    expect(errorCode(res)).toBe(code);
  });

  it('answers 400 QR_WRONG_TYPE when the parent field holds a child code, and 404 BAG_NOT_FOUND for an unknown parent', async () => {
    const pack = packer(t.app, dispatcher);

    const wrong = await pack.child('0016586', freshChildCode());
    const unknown = await pack.child(await freshParentCode(t.database), freshChildCode());

    expect(errorCode(wrong)).toBe('QR_WRONG_TYPE');
    expect(unknown.statusCode).toBe(404);
    expect(errorCode(unknown)).toBe('BAG_NOT_FOUND');
  });

  it('answers 403 AREA_FORBIDDEN when a dispatcher packs another area’s parent', async () => {
    const parent = await openParent('SB', other);

    const res = await packer(t.app, dispatcher).child(parent, freshChildCode());

    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('AREA_FORBIDDEN');
  });

  it('replays the first answer for a repeated scanId, even after the state moved on', async () => {
    const parent = await openParent();
    const child = freshChildCode();
    const pack = packer(t.app, dispatcher);
    const scanId = newScanId();
    const first = await pack.child(parent, child, scanId);
    await pack.undo(parent);

    const replay = await pack.child(parent, child, scanId);

    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    const [row] = await t.database.db.select().from(bags).where(eq(bags.qr, parent));
    expect(row?.childCount).toBe(0);
  });

  it('replays an error answer too, with the same status and code', async () => {
    const parent = await openParent();
    const scanId = newScanId();
    const call = as(t.app, dispatcher);
    const body = { parentQr: parent, qr: freshChildCode(), scanId };
    await as(t.app, other)('POST', '/api/scans/child', body);
    const first = await call('POST', '/api/scans/child', { ...body, parentQr: 'SB00000' });

    const replay = await call('POST', '/api/scans/child', { ...body, parentQr: 'sb00000' });

    expect(first.statusCode).toBe(404);
    expect(replay.statusCode).toBe(404);
    expect(replay.json().error).toEqual(first.json().error);
  });
});
