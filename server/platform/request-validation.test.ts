import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bags } from '../db/schema/bags.js';
import { as, loginAs, type TestSession } from '../test/auth.js';
import { auditRows } from '../test/audit.js';
import { freshChildCode, freshParentCode, newScanId, packer } from '../test/bags.js';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { createUser } from '../test/factories.js';
import { biller as billCalls, newBill, packedParent } from '../modules/bills/bills.test-kit.js';

/** The error body of API.md, `details` included, with the request's id. */
function expectErrorBody(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json()).toEqual({
    error: { code, message: expect.any(String), details: expect.any(Object) },
    requestId: res.headers['x-request-id'],
  });
}

const bagRow = async (t: TestApp, qr: string) =>
  (await t.database.db.select().from(bags).where(eq(bags.qr, qr)))[0];

describe('request validation', () => {
  let t: TestApp;
  let admin: TestSession;
  let billerSession: TestSession;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
    billerSession = await loginAs(
      t.app,
      (await createUser(t.database, { role: 'biller' })).username,
    );
  });
  afterAll(async () => t.app.close());

  describe('JSON bodies are validated without type coercion', () => {
    const digits = () => 100_000_000 + Math.floor(Math.random() * 800_000_000);

    it.each<[string, (parentQr: string) => Record<string, unknown>, string]>([
      ['a number for qr', (p) => ({ parentQr: p, qr: digits(), scanId: newScanId() }), 'body/qr'],
      [
        'an array for qr',
        (p) => ({ parentQr: p, qr: ['sb10006'], scanId: newScanId() }),
        'body/qr',
      ],
      ['a boolean for qr', (p) => ({ parentQr: p, qr: true, scanId: newScanId() }), 'body/qr'],
      ['null for qr', (p) => ({ parentQr: p, qr: null, scanId: newScanId() }), 'body/qr'],
      [
        'a number for station',
        (p) => ({ parentQr: p, qr: freshChildCode(), scanId: newScanId(), station: 5 }),
        'body/station',
      ],
      [
        'a number for scanId',
        (p) => ({ parentQr: p, qr: freshChildCode(), scanId: 12345678 }),
        'body/scanId',
      ],
      [
        'a number for parentQr',
        () => ({ parentQr: digits(), qr: freshChildCode(), scanId: newScanId() }),
        'body/parentQr',
      ],
    ])('a child scan with %s answers 400 VALIDATION and links nothing', async (_l, body, path) => {
      const parent = await freshParentCode(t.database);
      expect((await packer(t.app, billerSession).parent(parent)).statusCode).toBe(200);
      const payload = body(parent);

      const res = await as(t.app, billerSession)('POST', '/api/scans/child', payload);

      expectErrorBody(res, 400, 'VALIDATION');
      expect(res.json().error.message).toContain(path);
      expect(res.json().error.details).toEqual({
        errors: [{ path, message: expect.stringMatching(/^must be /) }],
      });
      expect((await bagRow(t, parent))?.childCount).toBe(0);
      if (typeof payload.qr === 'number') {
        expect(await bagRow(t, String(payload.qr))).toBeUndefined();
      }
    });

    it('a bag created by hand with a number for qr answers 400 VALIDATION and creates nothing', async () => {
      const qr = digits();

      const res = await as(t.app, admin)('POST', '/api/bags', { qr });

      expectErrorBody(res, 400, 'VALIDATION');
      expect(await bagRow(t, String(qr))).toBeUndefined();
    });

    it('a parent scan with a number for scanId answers 400 VALIDATION', async () => {
      const qr = await freshParentCode(t.database);

      const res = await as(t.app, billerSession)('POST', '/api/scans/parent', {
        qr,
        scanId: 123456789,
      });

      expectErrorBody(res, 400, 'VALIDATION');
      expect(await bagRow(t, qr)).toBeUndefined();
    });

    it('well-typed bodies still pass', async () => {
      const qr = await freshParentCode(t.database);

      const res = await as(t.app, admin)('POST', '/api/bags', { qr: qr.toLowerCase() });

      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ qr, type: 'parent' });
    });

    it('still coerces the querystring: ?limit=1&unlinked=true', async () => {
      await as(t.app, admin)('POST', '/api/bags', { qr: freshChildCode() });
      await as(t.app, admin)('POST', '/api/bags', { qr: freshChildCode() });

      const res = await as(t.app, admin)('GET', '/api/bags?type=child&limit=1&unlinked=true');

      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toHaveLength(1);
      expect(res.json().nextCursor).toEqual(expect.any(String));
      expectErrorBody(await as(t.app, admin)('GET', '/api/bags?limit=abc'), 400, 'VALIDATION');
      expectErrorBody(await as(t.app, admin)('GET', '/api/bags?unlinked=maybe'), 400, 'VALIDATION');
    });

    it('still builds the OpenAPI document', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });

      expect(res.statusCode).toBe(200);
      expect(res.json().paths).toHaveProperty('/api/scans/child');
    });
  });

  describe('every error body carries details', () => {
    it.each<[string, number, string, () => Promise<LightMyRequestResponse>]>([
      ['no session', 401, 'AUTH_REQUIRED', () => t.app.inject({ method: 'GET', url: '/api/bags' })],
      [
        'no CSRF token',
        403,
        'CSRF_INVALID',
        () => as(t.app, admin)('POST', '/api/bags', { qr: freshChildCode() }, { csrf: false }),
      ],
      [
        'a role that may not',
        403,
        'FORBIDDEN',
        () => as(t.app, billerSession)('GET', '/api/users'),
      ],
      [
        'an unknown route',
        404,
        'NOT_FOUND',
        () => t.app.inject({ method: 'GET', url: '/api/nope' }),
      ],
      [
        'a body that is not JSON',
        400,
        'VALIDATION',
        () =>
          as(t.app, admin)('POST', '/api/bags', '{"qr":', {
            headers: { 'content-type': 'application/json' },
          }),
      ],
      [
        'a body over the limit',
        413,
        'PAYLOAD_TOO_LARGE',
        () => as(t.app, admin)('POST', '/api/bags', { qr: 'x'.repeat(t.config.BODY_LIMIT_BYTES) }),
      ],
      [
        'a body that is not JSON by type',
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        () =>
          as(t.app, admin)('POST', '/api/bags', 'qr=SB10001', {
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
      ],
    ])('%s: %i %s with details {}', async (_label, status, code, send) => {
      const res = await send();

      expectErrorBody(res, status, code);
      expect(res.json().error.details).toEqual({});
    });
  });

  describe('NUL in a scanned code is stripped like any control character (SPEC §2)', () => {
    const withNul = (code: string) => `${code.slice(0, 3)}\u0000${code.slice(3)}`;

    it('a parent scan reads SB1\\0 0019 as SB10019 and opens the bag', async () => {
      const code = await freshParentCode(t.database);

      const res = await packer(t.app, billerSession).parent(withNul(code));

      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ bag: { qr: code }, created: true });
      expect(await bagRow(t, code)).toMatchObject({ type: 'parent' });
    });

    it('a child scan strips NUL from parentQr and qr and links the child', async () => {
      const parent = await freshParentCode(t.database);
      await packer(t.app, billerSession).parent(parent);
      const child = freshChildCode();

      const res = await packer(t.app, billerSession).child(withNul(parent), `\u0000${child}\u0000`);

      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ child: { qr: child }, parent: { qr: parent } });
      expect(await bagRow(t, child)).toMatchObject({ type: 'child' });
      expect((await bagRow(t, parent))?.childCount).toBe(1);
    });

    it('a code of control characters only answers 400 QR_EMPTY, and the refusal is audited', async () => {
      const res = await packer(t.app, billerSession).parent('\u0000\u0001');

      expectErrorBody(res, 400, 'QR_EMPTY');
      const rows = await auditRows(t.database, {
        action: 'scan.refused',
        requestId: String(res.headers['x-request-id']),
      });
      expect(rows).toHaveLength(1);
      expect(rows[0]?.after).toMatchObject({ endpoint: 'parent', code: 'QR_EMPTY' });
    });

    it('a bag created by hand and a bill attach strip NUL from qr', async () => {
      const child = freshChildCode();
      const created = await as(t.app, admin)('POST', '/api/bags', { qr: withNul(child) });
      const parent = await packedParent(t, billerSession, 1);
      const billNo = await newBill(t, billerSession, 5);

      const attached = await billCalls(t, billerSession).attach(billNo, withNul(parent));

      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ qr: child, type: 'child' });
      expect(attached.statusCode, attached.body).toBe(200);
      expect(attached.json()).toMatchObject({ bill: { billNo, parentCount: 1 } });
    });

    it('NUL anywhere else is still refused as VALIDATION', async () => {
      const qr = await freshParentCode(t.database);

      const res = await packer(t.app, billerSession).parent(qr, { station: 'desk\u00001' });

      expectErrorBody(res, 400, 'VALIDATION');
      expect(res.json().error.details).toEqual({
        errors: [{ path: 'body/station', message: 'contains NUL' }],
      });
      expect(await bagRow(t, qr)).toBeUndefined();
    });
  });
});
