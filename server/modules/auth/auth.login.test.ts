import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/users.js';
import { errorCode } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, TEST_PASSWORD, uniqueName } from '../../test/factories.js';
import { auditRows } from '../../test/audit.js';

const login = (t: TestApp, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('POST /api/auth/login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.app.close());

  it('signs in, sets an HttpOnly SameSite=Lax cookie and answers the user and a CSRF token', async () => {
    const user = await createUser(t.database, { role: 'dispatcher', dispatchArea: 'jaipur' });

    const res = await login(t, user.username.toUpperCase(), TEST_PASSWORD);

    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({
      id: user.id,
      username: user.username,
      role: 'dispatcher',
      dispatchArea: 'jaipur',
      active: true,
      twoFactor: false,
    });
    expect(body.user.passwordHash).toBeUndefined();
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(new Date(body.session.expiresAt).getTime()).toBe(t.clock.now().getTime() + 60 * 60_000);
    expect(new Date(body.session.idleExpiresAt).getTime()).toBe(
      t.clock.now().getTime() + 30 * 60_000,
    );
    const cookie = res.cookies.find((c) => c.name === 'tt_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const rows = await auditRows(t.database, { action: 'auth.login', entityId: String(user.id) });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorUsername: user.username,
      security: true,
      ip: '127.0.0.0',
    });
  });

  it('answers the same 401 AUTH_INVALID for an unknown user and a wrong password', async () => {
    const user = await createUser(t.database);

    const unknown = await login(t, uniqueName('ghost'), TEST_PASSWORD);
    const wrong = await login(t, user.username, 'Wrong-Passw0rd!');

    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(errorCode(unknown)).toBe('AUTH_INVALID');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(unknown.cookies).toHaveLength(0);
    expect(
      await auditRows(t.database, { action: 'auth.login_failed', entityId: String(user.id) }),
    ).toHaveLength(1);
  });

  it('answers AUTH_INVALID for a deactivated user even with the right password', async () => {
    const user = await createUser(t.database, { active: false });

    const res = await login(t, user.username, TEST_PASSWORD);

    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('AUTH_INVALID');
  });

  it('locks after the 5th failure (which still answers AUTH_INVALID), then answers 423 ACCOUNT_LOCKED even with the right password', async () => {
    const user = await createUser(t.database);
    for (let i = 1; i <= 4; i += 1) {
      expect(errorCode(await login(t, user.username, `Wrong-${i}-Passw0rd!`))).toBe('AUTH_INVALID');
    }

    const fifth = await login(t, user.username, 'Wrong-5-Passw0rd!');
    const right = await login(t, user.username, TEST_PASSWORD);

    expect(fifth.statusCode).toBe(401);
    expect(errorCode(fifth)).toBe('AUTH_INVALID');
    expect(right.statusCode).toBe(423);
    expect(errorCode(right)).toBe('ACCOUNT_LOCKED');
    expect(Number(right.headers['retry-after'])).toBe(15 * 60);
    expect(right.json().error.details.lockedUntil).toBe(
      new Date(t.clock.now().getTime() + 15 * 60_000).toISOString(),
    );
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.lockedUntil?.getTime()).toBe(t.clock.now().getTime() + 15 * 60_000);
    expect(
      await auditRows(t.database, { action: 'auth.account_locked', entityId: String(user.id) }),
    ).toHaveLength(1);
  });

  it('lets the user in again once the lock has run out, and starts a fresh count', async () => {
    const user = await createUser(t.database);
    for (let i = 0; i < 5; i += 1) {
      await login(t, user.username, 'Wrong-Passw0rd!');
    }
    t.clock.advanceMinutes(16);

    const res = await login(t, user.username, TEST_PASSWORD);

    expect(res.statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('answers 400 VALIDATION for a missing password and for unknown fields', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x' },
    });
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y', remember: true },
    });

    expect(missing.statusCode).toBe(400);
    expect(errorCode(missing)).toBe('VALIDATION');
    expect(extra.statusCode).toBe(400);
    expect(errorCode(extra)).toBe('VALIDATION');
    expect(extra.json().error.details.errors[0].path).toBe('body/remember');
  });
});

describe('POST /api/auth/login rate limits', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the per-username limit', async () => {
    const t = await buildTestApp({ env: { LOGIN_RATE_PER_USERNAME: '3' } });
    const user = await createUser(t.database);
    for (let i = 0; i < 3; i += 1) {
      await login(t, user.username, 'Wrong-Passw0rd!');
    }

    const res = await login(t, user.username.toUpperCase(), TEST_PASSWORD);

    expect(res.statusCode).toBe(429);
    expect(errorCode(res)).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await t.app.close();
  });

  it('answers 429 RATE_LIMITED past the per-IP limit, whatever the username', async () => {
    const t = await buildTestApp({ env: { LOGIN_RATE_PER_IP: '3' } });
    for (let i = 0; i < 3; i += 1) {
      await login(t, uniqueName('nobody'), 'Wrong-Passw0rd!');
    }

    const res = await login(t, uniqueName('other'), 'Wrong-Passw0rd!');
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.1.2.3',
      payload: { username: uniqueName('x'), password: 'Wrong-Passw0rd!' },
    });

    expect(res.statusCode).toBe(429);
    expect(errorCode(res)).toBe('RATE_LIMITED');
    expect(elsewhere.statusCode).toBe(401);
    await t.app.close();
  });
});
