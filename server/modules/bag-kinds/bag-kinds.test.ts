import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BagDetail, BagKind, BagKindList } from '../../../common/contracts/bags.js';
import type { Database } from '../../db/client.js';
import { bags } from '../../db/schema/bags.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { expectAudited } from '../../test/audit-api.js';
import { packer } from '../../test/bags.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { openIsolatedDatabase } from '../../test/test-database.js';

/** Kinds change how every code is read, so these tests run on a database of their own. */
describe('/api/bag-kinds', () => {
  let database: Database;
  let t: TestApp;
  let admin: TestSession;
  let biller: TestSession;
  let dispatcher: TestSession;

  const qz = {
    code: 'qz',
    label: 'QZ (trial)',
    prefix: 'qz',
    pattern: '^QZ\\d{3}$',
    maxChildren: 3,
    expectedKg: 3,
  };

  beforeAll(async () => {
    database = await openIsolatedDatabase();
    t = await buildTestApp({ database });
    admin = await loginAs(t.app, (await createUser(database, { role: 'admin' })).username);
    biller = await loginAs(t.app, (await createUser(database, { role: 'biller' })).username);
    dispatcher = await loginAs(
      t.app,
      (await createUser(database, { role: 'dispatcher', dispatchArea: 'hisar' })).username,
    );
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  const create = (body: object, session = admin) =>
    as(t.app, session)('POST', '/api/bag-kinds', body);
  const patch = (code: string, body: object, session = admin) =>
    as(t.app, session)('PATCH', `/api/bag-kinds/${code}`, body);
  const kinds = async () =>
    (await as(t.app, dispatcher)('GET', '/api/bag-kinds')).json<BagKindList>().items;
  const lookup = async (qr: string) =>
    (await as(t.app, admin)('GET', `/api/bags/${qr}`)).json<BagDetail>();
  const kind = async (code: string) => (await kinds()).find((k) => k.code === code);

  describe('GET', () => {
    it('answers 401 AUTH_REQUIRED without a session', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/bag-kinds' });

      expect(res.statusCode).toBe(401);
      expect(errorCode(res)).toBe('AUTH_REQUIRED');
    });

    it('lists the shipped kinds to any user', async () => {
      expect(await kinds()).toEqual([
        {
          code: 'M444',
          label: 'M444 (moong)',
          prefix: 'M44',
          pattern: '^M444-\\d{5}$',
          maxChildren: 15,
          expectedKg: 15,
        },
        {
          code: 'SB',
          label: 'SB (mustard)',
          prefix: 'SB',
          pattern: '^SB\\d{5}$',
          maxChildren: 30,
          expectedKg: 30,
        },
      ]);
    });
  });

  describe('POST', () => {
    it('answers 401 without a session and 403 FORBIDDEN to billers and dispatchers', async () => {
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/bag-kinds', payload: qz });
      const byBiller = await create(qz, biller);
      const byDispatcher = await create(qz, dispatcher);

      expect(errorCode(anonymous)).toBe('AUTH_REQUIRED');
      expect([byBiller.statusCode, errorCode(byBiller)]).toEqual([403, 'FORBIDDEN']);
      expect(errorCode(byDispatcher)).toBe('FORBIDDEN');
      expect((await kinds()).map((k) => k.code)).toEqual(['M444', 'SB']);
    });

    it.each([
      ['an unknown field', { ...qz, colour: 'red' }],
      ['no label', { ...qz, label: undefined }],
      ['a code with a space', { ...qz, code: 'Q Z' }],
      ['a one-character prefix', { ...qz, prefix: 'Q', pattern: '^Q\\d{3}$' }],
      ['no children', { ...qz, maxChildren: 0 }],
      ['a weight of zero', { ...qz, expectedKg: 0 }],
      ['a pattern that is not anchored', { ...qz, pattern: 'QZ\\d{3}' }],
      ['a pattern that does not compile', { ...qz, pattern: '^QZ(\\d{3}$' }],
      ['a pattern that ignores the prefix', { ...qz, pattern: '^ZQ\\d{3}$' }],
    ])('answers 400 VALIDATION for %s', async (_name, body) => {
      const res = await create(body);

      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    });

    it('adds a kind (code and prefix uppercased) that scanning uses at once', async () => {
      const res = await create(qz);

      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual<BagKind>({ ...qz, code: 'QZ', prefix: 'QZ' });
      expect((await kinds()).map((k) => k.code)).toEqual(['M444', 'QZ', 'SB']);
      await expectAudited(t.app, admin, res, { action: 'bag_kind.create', entity: 'bag_kind:QZ' });
      const scan = await packer(t.app, admin).parent('qz001');
      expect(scan.json()).toMatchObject({ bag: { qr: 'QZ001', kind: 'QZ' }, maxChildren: 3 });
      expect(errorCode(await packer(t.app, admin).parent('QZ-001'))).toBe('QR_INVALID_PARENT');
    });

    it('answers 409 BAG_KIND_EXISTS for a code that exists, whatever its case', async () => {
      const res = await create({ ...qz, code: 'sb', prefix: 'SBX', pattern: '^SBX\\d{3}$' });

      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        error: { code: 'BAG_KIND_EXISTS', details: { kind: 'SB' } },
      });
    });

    it('answers 409 BAG_KIND_PREFIX_IN_USE when a stored child starts with the prefix', async () => {
      await as(t.app, admin)('POST', '/api/bags', { qr: 'PX123' });

      const res = await create({ ...qz, code: 'PX', prefix: 'px', pattern: '^PX-\\d{4}$' });

      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        error: { code: 'BAG_KIND_PREFIX_IN_USE', details: { child: 'PX123' } },
      });
      expect((await lookup('PX123')).bag.type).toBe('child');
    });
  });

  describe('PATCH /api/bag-kinds/:code', () => {
    it('answers 401 without a session and 403 FORBIDDEN to a biller', async () => {
      const anonymous = await t.app.inject({
        method: 'PATCH',
        url: '/api/bag-kinds/SB',
        payload: { label: 'x' },
      });
      const byBiller = await patch('SB', { label: 'x' }, biller);

      expect(errorCode(anonymous)).toBe('AUTH_REQUIRED');
      expect(errorCode(byBiller)).toBe('FORBIDDEN');
    });

    it.each([
      ['an empty body', 'SB', {}],
      ['an unknown field', 'SB', { code: 'SBB' }],
      ['a malformed code in the path', 'S%20B', { label: 'x' }],
      ['a pattern that ignores the prefix', 'SB', { pattern: '^XX\\d{5}$' }],
    ])('answers 400 VALIDATION for %s', async (_name, code, body) => {
      const res = await patch(code, body);

      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    });

    it('answers 404 BAG_KIND_NOT_FOUND for an unknown kind', async () => {
      const res = await patch('NOPE', { label: 'x' });

      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        error: { code: 'BAG_KIND_NOT_FOUND', details: { kind: 'NOPE' } },
      });
    });

    it('edits the label, audited with before and after', async () => {
      const res = await patch('m444', { label: 'M444 (green gram)' });

      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        code: 'M444',
        label: 'M444 (green gram)',
        maxChildren: 15,
      });
      const row = await expectAudited(t.app, admin, res, {
        action: 'bag_kind.update',
        entity: 'bag_kind:M444',
      });
      expect([row.before?.label, row.after?.label]).toEqual(['M444 (moong)', 'M444 (green gram)']);
    });

    it('answers 409 BAG_KIND_PREFIX_IN_USE for a new prefix a stored child starts with', async () => {
      const res = await patch('QZ', { prefix: 'PX', pattern: '^PX\\d{3}$' });

      expect(res.statusCode).toBe(409);
      expect(errorCode(res)).toBe('BAG_KIND_PREFIX_IN_USE');
    });

    it('answers 409 BAG_KIND_MAX_BELOW_CHILDREN below a parent’s child count, and re-derives status otherwise', async () => {
      const pack = packer(t.app, admin);
      await pack.parent('QZ002');
      await pack.child('QZ002', 'CHILD-QZ-1');
      await pack.child('QZ002', 'CHILD-QZ-2');

      const below = await patch('QZ', { maxChildren: 1 });
      const equal = await patch('QZ', { maxChildren: 2 });
      const full = await lookup('QZ002');
      const refused = await pack.child('QZ002', 'CHILD-QZ-3');
      const raised = await patch('QZ', { maxChildren: 4 });
      const reopened = await lookup('QZ002');

      expect(below.statusCode).toBe(409);
      expect(below.json()).toMatchObject({
        error: {
          code: 'BAG_KIND_MAX_BELOW_CHILDREN',
          details: { kind: 'QZ', maxChildren: 1, parent: 'QZ002', childCount: 2 },
        },
      });
      expect(equal.json()).toMatchObject({ maxChildren: 2 });
      expect(full.bag.status).toBe('complete');
      expect(errorCode(refused)).toBe('PARENT_FULL');
      expect(raised.statusCode).toBe(200);
      expect(reopened.bag.status).toBe('in_progress');
      expect(reopened.kind?.maxChildren).toBe(4);
      expect((await pack.child('QZ002', 'CHILD-QZ-3')).statusCode).toBe(200);
    });
  });

  describe('unsafe patterns (catastrophic backtracking)', () => {
    const rd = { ...qz, code: 'RD', label: 'redos', prefix: 'RD' };

    it.each([
      ['nested repetition', '^RD(A+)+$', /Nested repetition/],
      ['a nested star', '^RD(A*)*$', /Nested repetition/],
      ['a repeated digit group', '^RD(\\d+)*$', /Nested repetition/],
      ['a repeated group of equal alternatives', '^RD(A|A)*$', /alternatives/],
      ['a repeated group of overlapping alternatives', '^RD(A|AA)+$', /alternatives/],
      ['variable-length repetitions in a row', '^RD\\d*\\d*\\d*\\d*\\d*$', /repetitions in a row/],
    ])(
      'POST answers 400 VALIDATION naming the pattern for %s, storing nothing',
      async (_name, pattern, why) => {
        const res = await create({ ...rd, pattern });

        expect(res.statusCode).toBe(400);
        const { error } = res.json<{
          error: { code: string; details: { field: string; reason: string } };
        }>();
        expect(error.code).toBe('VALIDATION');
        expect(error.details.field).toBe('pattern');
        expect(error.details.reason).toMatch(why);
        expect(await kind('RD')).toBeUndefined();
        const scan = await as(t.app, dispatcher)('GET', `/api/bags/RD${'A'.repeat(40)}!`);
        expect(errorCode(scan)).toBe('QR_INVALID');
      },
    );

    it('POST answers 400 VALIDATION for a pattern over 100 characters', async () => {
      const res = await create({ ...rd, pattern: `^RD${'\\d'.repeat(49)}$` });

      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'VALIDATION', details: { errors: [{ path: 'body/pattern' }] } },
      });
      expect(await kind('RD')).toBeUndefined();
    });

    it.each([
      ['nested repetition', '^SB(\\d+)+$'],
      ['a repeated group of overlapping alternatives', '^SB(1|11)+$'],
    ])(
      'PATCH answers 400 VALIDATION naming the pattern for %s, leaving the kind as it was',
      async (_name, pattern) => {
        const before = await kind('SB');

        const res = await patch('SB', { pattern });

        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          error: { code: 'VALIDATION', details: { field: 'pattern' } },
        });
        expect(await kind('SB')).toEqual(before);
      },
    );
  });

  describe('PATCH a pattern while bags of the kind are stored', () => {
    const gn = { ...qz, code: 'GN', label: 'GN (trial)', prefix: 'GN', pattern: '^GN-\\d{4}$' };

    beforeAll(async () => {
      expect((await create(gn)).statusCode).toBe(201);
      for (const n of [1, 2, 3, 4, 5]) {
        expect((await packer(t.app, admin).parent(`GN-000${n}`)).statusCode).toBe(200);
      }
    });

    it('answers 409 BAG_KIND_PATTERN_IN_USE when a stored parent would no longer match', async () => {
      const res = await patch('GN', { pattern: '^GN\\d{4}$', label: 'GN (renamed)' });

      expect(res.statusCode).toBe(409);
      const { error } = res.json<{ error: { code: string; details: Record<string, string> } }>();
      expect(error.code).toBe('BAG_KIND_PATTERN_IN_USE');
      expect(error.details).toEqual({
        kind: 'GN',
        pattern: '^GN\\d{4}$',
        example: expect.stringMatching(/^GN-000[1-5]$/) as string,
      });
      expect(await kind('GN')).toEqual({ ...gn, pattern: '^GN-\\d{4}$' });
      expect((await lookup('GN-0001')).bag).toMatchObject({ type: 'parent', kind: 'GN' });
    });

    it('accepts a pattern every stored parent still matches', async () => {
      const res = await patch('GN', { pattern: '^GN-\\d{4,5}$' });

      expect(res.statusCode).toBe(200);
      expect(await kind('GN')).toMatchObject({ pattern: '^GN-\\d{4,5}$' });
      expect((await lookup('GN-0005')).bag).toMatchObject({ type: 'parent', kind: 'GN' });
    });

    it('answers 409 BAG_KIND_PREFIX_IN_USE when the new pattern matches a stored child', async () => {
      const nq = { ...qz, code: 'NQ', label: 'NQ', prefix: '77', pattern: '^77-\\d{5}$' };
      expect((await create(nq)).statusCode).toBe(201);
      // A child already in the prefix range (a LABEL NO payload's digits, or an older release).
      const at = new Date();
      await database.db
        .insert(bags)
        .values({ qr: '7712345', type: 'child', createdAt: at, updatedAt: at });

      const capturing = await patch('NQ', { pattern: '^77\\d{5}$' });
      const sparing = await patch('NQ', { pattern: '^77\\d{6}$' });

      expect(capturing.statusCode).toBe(409);
      expect(capturing.json()).toMatchObject({
        error: { code: 'BAG_KIND_PREFIX_IN_USE', details: { prefix: '77', child: '7712345' } },
      });
      expect(sparing.statusCode).toBe(200);
      expect(await kind('NQ')).toMatchObject({ pattern: '^77\\d{6}$' });
    });

    it('finds the one parent out of 60,000 that a new pattern would orphan', async () => {
      expect(
        (await create({ ...qz, code: 'BG', prefix: 'BG', pattern: '^BG\\d{6}$' })).statusCode,
      ).toBe(201);
      await database.db
        .execute(sql`insert into bags (qr, type, kind, status, created_at, updated_at)
        select 'BG' || lpad(i::text, 6, '0'), 'parent', 'BG', 'empty', now(), now()
        from generate_series(1, 60000) as i`);

      const refused = await patch('BG', { pattern: '^BG0[0-5]\\d{4}$' });
      const accepted = await patch('BG', { pattern: '^BG0\\d{5}$' });

      expect(refused.json()).toMatchObject({
        error: { code: 'BAG_KIND_PATTERN_IN_USE', details: { kind: 'BG', example: 'BG060000' } },
      });
      expect(accepted.statusCode).toBe(200);
    });
  });
});
