import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, loginAs, type TestSession } from '../test/auth.js';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { createUser } from '../test/factories.js';

/**
 * Malformed and hostile requests answer a 4xx with the error body and change nothing; none
 * reaches the database as an error (which would be a 500).
 */
describe('hostile input', () => {
  let t: TestApp;
  let admin: TestSession;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
  });
  afterAll(async () => t.app.close());

  const cases: Array<[string, 'GET' | 'POST' | 'PATCH', string, unknown]> = [
    [
      'NUL in a sign-in username',
      'POST',
      '/api/auth/login',
      { username: 'adm\u0000in', password: 'x' },
    ],
    ['NUL in a list search', 'GET', '/api/users?q=%00abc', undefined],
    ['NUL in an audit filter', 'GET', '/api/audit?actor=a%00b', undefined],
    [
      'NUL in a new user',
      'POST',
      '/api/users',
      { username: 'abc', email: 'a@b.test', password: 'P\u0000ssw0rd!xx', role: 'biller' },
    ],
    [
      'a 10,000-character username',
      'POST',
      '/api/auth/login',
      { username: 'a'.repeat(10_000), password: 'x' },
    ],
    ['an id beyond int4', 'GET', '/api/users/99999999999', undefined],
    ['a negative id', 'PATCH', '/api/users/-1', { active: false }],
    ['an array for an object body', 'POST', '/api/users', [1, 2, 3]],
    ['a string body', 'POST', '/api/users', '"just a string"'],
    [
      'a prototype-poisoning body',
      'POST',
      '/api/users',
      '{"__proto__": {"admin": true}, "username": "x"}',
    ],
    ['a date that is not one', 'GET', '/api/audit?from=yesterday', undefined],
    ['a forged cursor', 'GET', '/api/users?cursor=eyJpZCI6Ik9SIDE9MSJ9', undefined],
    ['a cursor that is not base64', 'GET', '/api/audit?cursor=%%%', undefined],
    ['an empty PATCH', 'PATCH', '/api/users/1', {}],
  ];

  it.each(cases)('answers 400 VALIDATION for %s', async (_label, method, url, payload) => {
    const call = as(t.app, admin);
    const res =
      typeof payload === 'string'
        ? await call(method, url, payload, { headers: { 'content-type': 'application/json' } })
        : await call(method, url, payload as object | undefined);

    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });
});

describe('paths', () => {
  it('answers 400 VALIDATION in the error body for an over-long path parameter and a malformed URL', async () => {
    const t = await buildTestApp();
    const admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
    const call = as(t.app, admin);

    const long = await call('GET', `/api/bags/${'X'.repeat(3000)}`);
    const malformed = await call('GET', '/api/bags/%E0%A4%A');
    const payload = await call(
      'GET',
      `/api/bags/${encodeURIComponent(`LABEL NO.:0016586 ${'X'.repeat(250)}`)}`,
    );

    expect(long.statusCode).toBe(400);
    expect(errorCode(long)).toBe('VALIDATION');
    expect(malformed.statusCode).toBe(400);
    expect(errorCode(malformed)).toBe('VALIDATION');
    expect(payload.statusCode).toBe(400);
    expect(errorCode(payload)).toBe('QR_INVALID');
    await t.app.close();
  });
});
