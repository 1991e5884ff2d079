import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAudited } from '../../test/audit-api.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, type UserOverrides } from '../../test/factories.js';

/** PATCH /api/users/:id ends the edited user's sessions on role, area, active and password changes. */
describe('PATCH /api/users/:id and sessions', () => {
  let t: TestApp;
  let admin: TestSession;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
  });

  afterAll(async () => {
    await t.app.close();
  });

  const me = (session: TestSession) => as(t.app, session)('GET', '/api/auth/me');

  /** A user signed in twice (two devices). */
  async function signedInTwice(overrides: UserOverrides) {
    const user = await createUser(t.database, overrides);
    return {
      user,
      phone: await loginAs(t.app, user.username),
      desk: await loginAs(t.app, user.username),
    };
  }

  it.each([
    [
      'a role change',
      { role: 'biller' },
      { role: 'dispatcher', dispatchArea: 'sangaria' },
      'role_changed',
      'user.update',
    ],
    [
      'an area change',
      { role: 'dispatcher', dispatchArea: 'lucknow' },
      { dispatchArea: 'indore' },
      'role_changed',
      'user.update',
    ],
    ['deactivation', { role: 'dispatcher' }, { active: false }, 'deactivated', 'user.deactivate'],
    [
      'a password reset',
      { role: 'biller' },
      { password: 'Brand-N3w!pass' },
      'password_reset',
      'user.update',
    ],
  ] as const)(
    'ends every session of the user at once after %s (401 SESSION_EXPIRED)',
    async (_name, arrange, change, reason, action) => {
      // Arrange
      const { user, phone, desk } = await signedInTwice(arrange);

      // Act
      const res = await as(t.app, admin)('PATCH', `/api/users/${user.id}`, change);

      // Assert
      expect(res.statusCode).toBe(200);
      for (const session of [phone, desk]) {
        const after = await me(session);
        expect(after.statusCode).toBe(401);
        expect(errorCode(after)).toBe('SESSION_EXPIRED');
        expect(after.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe(
          reason,
        );
      }
      const row = await expectAudited(t.app, admin, res, { action, entity: `user:${user.id}` });
      expect(row.after).toMatchObject({ sessionsEnded: 2 });
      expect(row.security).toBe(true);
    },
  );

  it('keeps the user’s sessions when only the email changes', async () => {
    // Arrange
    const { user, phone } = await signedInTwice({ role: 'biller' });

    // Act
    const res = await as(t.app, admin)('PATCH', `/api/users/${user.id}`, {
      email: `n${user.email ?? ''}`,
    });

    // Assert
    expect(res.statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(200);
  });

  it('keeps the user’s sessions when the role is restated unchanged', async () => {
    // Arrange
    const { user, phone } = await signedInTwice({ role: 'dispatcher', dispatchArea: 'jaipur' });

    // Act
    const res = await as(t.app, admin)('PATCH', `/api/users/${user.id}`, {
      role: 'dispatcher',
      dispatchArea: 'jaipur',
      active: true,
    });

    // Assert
    expect(res.statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(200);
  });

  it('lets a new sign-in work after a role change', async () => {
    // Arrange
    const { user } = await signedInTwice({ role: 'biller' });
    await as(t.app, admin)('PATCH', `/api/users/${user.id}`, {
      role: 'dispatcher',
      dispatchArea: 'hisar',
    });

    // Act
    const session = await loginAs(t.app, user.username);

    // Assert
    const res = await me(session);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ user: { role: string } }>().user.role).toBe('dispatcher');
  });

  it('keeps the admin’s current session, and ends their others, when they reset their own password', async () => {
    // Arrange
    const { user, phone, desk } = await signedInTwice({ role: 'admin' });

    // Act
    const res = await as(t.app, desk)('PATCH', `/api/users/${user.id}`, {
      password: 'Own-N3w!Password',
    });

    // Assert
    expect(res.statusCode).toBe(200);
    expect((await me(desk)).statusCode).toBe(200);
    expect(errorCode(await me(phone))).toBe('SESSION_EXPIRED');
    const row = await expectAudited(t.app, admin, res, {
      action: 'user.update',
      entity: `user:${user.id}`,
    });
    expect(row.after).toMatchObject({ sessionsEnded: 1 });
  });
});
