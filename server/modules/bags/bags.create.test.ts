import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bag, BagDetail } from '../../../common/contracts/bags.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { expectAudited } from '../../test/audit-api.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { childCodes, parentCodes } from './bags.test-kit.js';

describe('POST /api/bags', () => {
  let t: TestApp;
  let admin: TestSession;
  let adminName: string;
  let biller: TestSession;
  let billerName: string;
  let dispatcher: TestSession;
  let freshParent: () => Promise<string>;
  let freshChild: () => Promise<string>;

  beforeAll(async () => {
    t = await buildTestApp();
    adminName = (await createUser(t.database, { role: 'admin' })).username;
    billerName = (await createUser(t.database, { role: 'biller' })).username;
    admin = await loginAs(t.app, adminName);
    biller = await loginAs(t.app, billerName);
    dispatcher = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'dispatcher', dispatchArea: 'indore' })).username,
    );
    freshParent = parentCodes(t.database);
    freshChild = childCodes(t.database);
  });
  afterAll(async () => t.app.close());

  const post = (session: TestSession, body: object, options?: { csrf?: boolean }) =>
    as(t.app, session)('POST', '/api/bags', body, options);
  const lookup = async (qr: string) =>
    (await as(t.app, admin)('GET', `/api/bags/${qr}`)).json<BagDetail>();

  it('answers 401 AUTH_REQUIRED without a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/bags',
      payload: { qr: 'SB00001' },
    });

    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('AUTH_REQUIRED');
  });

  it('answers 403 CSRF_INVALID without the CSRF header', async () => {
    const res = await post(admin, { qr: await freshParent() }, { csrf: false });

    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('CSRF_INVALID');
  });

  it('answers 403 FORBIDDEN to a dispatcher, and creates nothing', async () => {
    const qr = await freshParent();

    const res = await post(dispatcher, { qr });

    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect((await as(t.app, admin)('GET', `/api/bags/${qr}`)).statusCode).toBe(404);
  });

  it.each([
    ['no code', {}],
    ['an unknown field', { qr: 'SB00001', weight: 3 }],
    ['an unknown type', { qr: 'SB00001', type: 'box' }],
    ['a malformed area', { qr: 'SB00001', dispatchArea: 'Not An Area' }],
    ['a code of over 1000 characters', { qr: 'A'.repeat(1001) }],
  ])('answers 400 VALIDATION for %s', async (_name, body) => {
    const res = await post(admin, body);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it('answers 400 VALIDATION for an area that is not configured', async () => {
    const res = await post(admin, { qr: await freshParent(), dispatchArea: 'atlantis' });

    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'VALIDATION', details: { field: 'dispatchArea' } },
    });
  });

  it.each([
    ['an empty code', '  \t', 'QR_EMPTY'],
    ['characters no code has', 'AB CD', 'QR_INVALID'],
    ['a code over 200 characters', 'A'.repeat(201), 'QR_INVALID'],
    ['a malformed parent code', 'SB-00001', 'QR_INVALID_PARENT'],
    ['a malformed M444 code', 'M444-0001', 'QR_INVALID_PARENT'],
  ])('answers 400 for %s', async (_name, qr, code) => {
    const res = await post(admin, { qr });

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe(code);
  });

  it.each([
    ['a parent code said to be a child', 'parent', 'child'],
    ['a child code said to be a parent', 'child', 'parent'],
  ] as const)('answers 400 QR_WRONG_TYPE for %s', async (_name, actual, claimed) => {
    const qr = actual === 'parent' ? await freshParent() : await freshChild();

    const res = await post(admin, { qr, type: claimed });

    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'QR_WRONG_TYPE', details: { qr, expected: claimed, actual } },
    });
  });

  it('creates a parent of the kind its code matches, empty, and reads it back', async () => {
    const qr = await freshParent();

    const res = await post(biller, {
      qr: ` ${qr.toLowerCase()} `,
      type: 'parent',
      dispatchArea: 'jaipur',
    });

    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual<Bag>({
      qr,
      type: 'parent',
      kind: 'SB',
      status: 'empty',
      childCount: 0,
      weightKg: 0,
      dispatchArea: 'jaipur',
      createdAt: t.clock.now().toISOString(),
      createdBy: billerName,
    });
    expect((await lookup(qr)).bag).toEqual(res.json());
    expect((await lookup(qr)).kind).toMatchObject({ code: 'SB', maxChildren: 30 });
    const row = await expectAudited(t.app, admin, res, {
      action: 'bag.create',
      entity: `bag:${qr}`,
      actor: billerName,
    });
    expect(row.after).toEqual({ type: 'parent', kind: 'SB', dispatchArea: 'jaipur' });
  });

  it('creates a child of 1 kg with no area, from a label payload', async () => {
    const digits = `9${String(Date.now()).slice(-9)}${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;

    const res = await post(admin, { qr: `LABEL NO.:${digits} LOT NO.:STAR44GG24611, D.O.T` });

    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      qr: digits,
      type: 'child',
      kind: null,
      status: null,
      weightKg: 1,
      dispatchArea: null,
    });
    expect((await lookup(digits)).parent).toBeNull();
  });

  it('answers 409 BAG_EXISTS for a code that exists, whatever its case, and changes nothing', async () => {
    const qr = await freshChild();
    await post(admin, { qr, dispatchArea: 'hisar' });

    const res = await post(biller, { qr: qr.toLowerCase(), dispatchArea: 'jaipur' });

    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'BAG_EXISTS', details: { qr } } });
    expect((await lookup(qr)).bag).toMatchObject({ dispatchArea: 'hisar', createdBy: adminName });
  });

  it('answers 409 BAG_EXISTS for a parent packing created', async () => {
    const qr = await freshParent();
    await as(t.app, admin)('POST', '/api/scans/parent', { qr, scanId: `scan-${qr}-${Date.now()}` });

    const res = await post(admin, { qr });

    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('BAG_EXISTS');
  });
});
