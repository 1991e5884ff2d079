import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bags } from '../../db/schema/bags.js';
import { scans } from '../../db/schema/scans.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { auditRows } from '../../test/audit.js';
import { freshParentCode, newScanId, packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';

describe('POST /api/scans/parent', () => {
  let t: TestApp;
  let dispatcher: TestSession;
  let biller: TestSession;
  beforeAll(async () => {
    t = await buildTestApp();
    dispatcher = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'indore' })).username,
    );
    biller = await loginAs(t.app, (await createUser(t.database, { role: 'biller' })).username);
  });
  afterAll(async () => t.app.close());

  it('creates an unknown parent in the dispatcher’s own area, from a lower-case scan', async () => {
    const code = await freshParentCode(t.database);

    const res = await packer(t.app, dispatcher).parent(` ${code.toLowerCase()}\n`);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      bag: {
        qr: code,
        type: 'parent',
        kind: 'SB',
        status: 'empty',
        childCount: 0,
        weightKg: 0,
        dispatchArea: 'indore',
      },
      created: true,
      childCount: 0,
      maxChildren: 30,
      complete: false,
    });
    const [row] = await t.database.db.select().from(bags).where(eq(bags.qr, code));
    expect(row).toMatchObject({ type: 'parent', dispatchArea: 'indore' });
    expect(await auditRows(t.database, { action: 'bag.create', entityId: code })).toHaveLength(1);
  });

  it('reuses a known parent (created: false) and records every scan', async () => {
    const code = await freshParentCode(t.database, 'M444');
    const pack = packer(t.app, dispatcher);
    await pack.parent(code);

    const res = await pack.parent(code);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: false, maxChildren: 15, bag: { kind: 'M444' } });
    const recorded = await t.database.db.select().from(scans).where(eq(scans.qr, code));
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({
      kind: 'parent',
      station: 'test-desk',
      dispatchArea: 'indore',
    });
  });

  it('lets a biller name the area of a new parent, and refuses an unknown area with 400 VALIDATION', async () => {
    const code = await freshParentCode(t.database);
    const pack = packer(t.app, biller);

    const bad = await pack.parent(code, { dispatchArea: 'atlantis' });
    const good = await pack.parent(code, { dispatchArea: 'hisar' });

    expect(errorCode(bad)).toBe('VALIDATION');
    expect(good.json().bag.dispatchArea).toBe('hisar');
  });

  it('answers 403 AREA_FORBIDDEN when a dispatcher names another area', async () => {
    const res = await packer(t.app, dispatcher).parent(await freshParentCode(t.database), {
      dispatchArea: 'hisar',
    });

    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('AREA_FORBIDDEN');
  });

  it('answers 403 AREA_FORBIDDEN when a dispatcher opens another area’s parent, and records no scan', async () => {
    const code = await freshParentCode(t.database);
    await packer(t.app, biller).parent(code, { dispatchArea: 'raipur' });

    const res = await packer(t.app, dispatcher).parent(code);

    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('AREA_FORBIDDEN');
    expect(await t.database.db.select().from(scans).where(eq(scans.qr, code))).toHaveLength(1);
  });

  it.each([
    ['a child code', '0016586', 'QR_WRONG_TYPE'],
    ['a label payload', 'LABEL NO.:0016586 LOT X', 'QR_WRONG_TYPE'],
    ['a reserved prefix that fails its pattern', 'SB-12345', 'QR_INVALID_PARENT'],
    ['an empty scan', '\u200B \t', 'QR_EMPTY'],
    ['bad characters', 'SB#1', 'QR_INVALID_PARENT'],
    ['junk', '#!?', 'QR_INVALID'],
  ])('answers 400 %s → %s', async (_label, qr, code) => {
    const res = await packer(t.app, dispatcher).parent(qr);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe(code);
  });

  it('answers 400 QR_WRONG_TYPE for a code stored as a child that a newer kind now matches', async () => {
    const code = await freshParentCode(t.database);
    const now = new Date();
    await t.database.db
      .insert(bags)
      .values({ qr: code, type: 'child', weightKg: 1, createdAt: now, updatedAt: now });

    const res = await packer(t.app, biller).parent(code);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('QR_WRONG_TYPE');
    expect(res.json().error.details).toMatchObject({
      qr: code,
      expected: 'parent',
      actual: 'child',
    });
  });

  it('replays the first answer for a repeated scanId and writes nothing more', async () => {
    const code = await freshParentCode(t.database);
    const call = as(t.app, dispatcher);
    const body = { qr: code, scanId: newScanId(), station: 'replay-desk' };

    const first = await call('POST', '/api/scans/parent', body);
    const again = await call('POST', '/api/scans/parent', { ...body, qr: code.toLowerCase() });

    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(again.json().created).toBe(true);
    expect(await t.database.db.select().from(scans).where(eq(scans.qr, code))).toHaveLength(1);
  });

  it('answers 409 SCAN_ID_REUSED for the same scanId with another body', async () => {
    const call = as(t.app, dispatcher);
    const scanId = newScanId();
    await call('POST', '/api/scans/parent', { qr: await freshParentCode(t.database), scanId });

    const res = await call('POST', '/api/scans/parent', {
      qr: await freshParentCode(t.database),
      scanId,
    });

    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('SCAN_ID_REUSED');
  });

  it('keeps scanIds per user: another user may use the same scanId', async () => {
    const scanId = newScanId();
    const code = await freshParentCode(t.database);
    await as(t.app, dispatcher)('POST', '/api/scans/parent', { qr: code, scanId });

    const res = await as(t.app, biller)('POST', '/api/scans/parent', { qr: code, scanId });

    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(false);
  });

  it.each([
    ['a scanId of 7 characters', { scanId: 'abcdefg' }],
    ['a scanId with a space', { scanId: 'abc def ghi' }],
    ['a missing scanId', { scanId: undefined }],
    ['an unknown field', { force: true }],
  ])('answers 400 VALIDATION for %s', async (_label, patch) => {
    const body: Record<string, unknown> = { qr: 'SB00001', scanId: newScanId(), ...patch };

    const res = await as(t.app, dispatcher)('POST', '/api/scans/parent', body);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it('answers 401 AUTH_REQUIRED without a session and 403 CSRF_INVALID without the token', async () => {
    const body = { qr: 'SB00001', scanId: newScanId() };

    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/scans/parent',
      payload: body,
    });
    const noCsrf = await as(t.app, dispatcher)('POST', '/api/scans/parent', body, { csrf: false });

    expect(errorCode(anonymous)).toBe('AUTH_REQUIRED');
    expect(errorCode(noCsrf)).toBe('CSRF_INVALID');
  });
});
