import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, loginAs } from '../../test/auth.js';
import { auditRows } from '../../test/audit.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, TEST_PASSWORD } from '../../test/factories.js';

const NEW_PASSWORD = 'N3w-Secret!pass';

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.app.close());

  describe('GET /api/auth/me', () => {
    it('answers 401 AUTH_REQUIRED without a cookie and with a cookie we never issued', async () => {
      const none = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
      const forged = await t.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `tt_session=${'A'.repeat(43)}` },
      });

      expect(none.statusCode).toBe(401);
      expect(errorCode(none)).toBe('AUTH_REQUIRED');
      expect(forged.statusCode).toBe(401);
      expect(errorCode(forged)).toBe('AUTH_REQUIRED');
    });

    it('answers the user, the CSRF token and the session deadlines, and no-store', async () => {
      const user = await createUser(t.database, { role: 'biller' });
      const session = await loginAs(t.app, user.username);

      const res = await as(t.app, session)('GET', '/api/auth/me');

      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const body = res.json();
      expect(body.user).toMatchObject({ id: user.id, role: 'biller', dispatchArea: null });
      expect(body.csrfToken).toBe(session.csrfToken);
      expect(Date.parse(body.session.expiresAt)).toBeGreaterThan(
        Date.parse(body.session.idleExpiresAt),
      );
    });
  });

  describe('timeouts', () => {
    it('answers 401 SESSION_EXPIRED after 30 idle minutes', async () => {
      const user = await createUser(t.database);
      const call = as(t.app, await loginAs(t.app, user.username));
      t.clock.advanceMinutes(31);

      const res = await call('GET', '/api/auth/me');

      expect(res.statusCode).toBe(401);
      expect(errorCode(res)).toBe('SESSION_EXPIRED');
    });

    it('keeps an active session alive past 30 minutes but ends it at 60 minutes', async () => {
      const user = await createUser(t.database);
      const call = as(t.app, await loginAs(t.app, user.username));
      const seen: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        t.clock.advanceMinutes(20);
        seen.push((await call('GET', '/api/auth/me')).statusCode);
      }

      expect(seen).toEqual([200, 200, 401]);
      expect(errorCode(await call('GET', '/api/auth/me'))).toBe('SESSION_EXPIRED');
    });
  });

  describe('POST /api/auth/logout', () => {
    it('ends the session: the same cookie then answers 401 AUTH_REQUIRED', async () => {
      const user = await createUser(t.database);
      const call = as(t.app, await loginAs(t.app, user.username));

      const res = await call('POST', '/api/auth/logout');
      const after = await call('GET', '/api/auth/me');

      expect(res.statusCode).toBe(204);
      expect(res.cookies.find((c) => c.name === 'tt_session')?.value).toBe('');
      expect(errorCode(after)).toBe('AUTH_REQUIRED');
      expect(
        await auditRows(t.database, { action: 'auth.logout', actorUsername: user.username }),
      ).toHaveLength(1);
    });

    it('answers 403 CSRF_INVALID without the CSRF header, and the session survives', async () => {
      const user = await createUser(t.database);
      const call = as(t.app, await loginAs(t.app, user.username));

      const res = await call('POST', '/api/auth/logout', undefined, { csrf: false });
      const wrong = await call('POST', '/api/auth/logout', undefined, {
        csrf: false,
        headers: { 'x-csrf-token': 'not-the-token' },
      });

      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('CSRF_INVALID');
      expect(errorCode(wrong)).toBe('CSRF_INVALID');
      expect((await call('GET', '/api/auth/me')).statusCode).toBe(200);
      const denied = await auditRows(t.database, {
        action: 'security.denied',
        actorUsername: user.username,
      });
      expect(denied).toHaveLength(2);
      expect(denied[0]?.after).toMatchObject({ reason: 'csrf', code: 'CSRF_INVALID' });
    });
  });

  describe('POST /api/auth/password', () => {
    it('changes the password, keeps this session and ends the others', async () => {
      const user = await createUser(t.database, { role: 'dispatcher' });
      const other = as(t.app, await loginAs(t.app, user.username));
      const call = as(t.app, await loginAs(t.app, user.username));

      const res = await call('POST', '/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });

      expect(res.statusCode).toBe(204);
      expect((await call('GET', '/api/auth/me')).statusCode).toBe(200);
      const ended = await other('GET', '/api/auth/me');
      expect(ended.statusCode).toBe(401);
      expect(errorCode(ended)).toBe('SESSION_EXPIRED');
      const oldLogin = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: TEST_PASSWORD },
      });
      expect(errorCode(oldLogin)).toBe('AUTH_INVALID');
      await expect(loginAs(t.app, user.username, NEW_PASSWORD)).resolves.toBeDefined();
      const [row] = await auditRows(t.database, {
        action: 'auth.password_changed',
        entityId: String(user.id),
      });
      expect(row?.after).toEqual({ otherSessionsEnded: 1 });
      expect(JSON.stringify([row?.before, row?.after])).not.toContain(NEW_PASSWORD);
    });

    it('answers 400 CURRENT_PASSWORD_WRONG when the current password is wrong', async () => {
      const user = await createUser(t.database);
      const call = as(t.app, await loginAs(t.app, user.username));

      const res = await call('POST', '/api/auth/password', {
        currentPassword: 'Nope-Passw0rd!',
        newPassword: NEW_PASSWORD,
      });

      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('CURRENT_PASSWORD_WRONG');
    });

    it.each([
      ['too short', 'Ab1!x', 'too_short'],
      ['no symbol', 'Abcdefgh1234', 'no_symbol'],
      ['no digit', 'Abcdefgh!!!!', 'no_digit'],
      ['no upper case', 'abcdefgh1!23', 'no_upper'],
    ])(
      'answers 400 PASSWORD_POLICY for a password with %s',
      async (_label, newPassword, problem) => {
        const user = await createUser(t.database);
        const call = as(t.app, await loginAs(t.app, user.username));

        const res = await call('POST', '/api/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword,
        });

        expect(res.statusCode).toBe(400);
        expect(errorCode(res)).toBe('PASSWORD_POLICY');
        expect(res.json().error.details.problems).toContain(problem);
      },
    );

    it('asks admins for at least 12 characters', async () => {
      const admin = await createUser(t.database, { role: 'admin' });
      const call = as(t.app, await loginAs(t.app, admin.username));

      const res = await call('POST', '/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'Ab1!efghij',
      });

      expect(errorCode(res)).toBe('PASSWORD_POLICY');
      expect(res.json().error.details.problems).toEqual(['too_short']);
    });

    it('answers 401 AUTH_REQUIRED without a session and 403 CSRF_INVALID without the token', async () => {
      const user = await createUser(t.database);
      const call = as(t.app, await loginAs(t.app, user.username));
      const body = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };

      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: body,
      });
      const noCsrf = await call('POST', '/api/auth/password', body, { csrf: false });

      expect(errorCode(anonymous)).toBe('AUTH_REQUIRED');
      expect(errorCode(noCsrf)).toBe('CSRF_INVALID');
      expect((await loginAs(t.app, user.username)).csrfToken).toBeTruthy();
    });
  });
});
