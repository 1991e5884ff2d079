import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../common/contracts/users.js';
import { expectAudited } from '../../test/audit-api.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, TEST_PASSWORD } from '../../test/factories.js';

describe('POST /api/users/:id/unlock', () => {
  let t: TestApp;
  let admin: TestSession;
  let adminName: string;

  beforeAll(async () => {
    t = await buildTestApp();
    adminName = (await createUser(t.database, { role: 'admin' })).username;
    admin = await loginAs(t.app, adminName);
  });

  afterAll(async () => {
    await t.app.close();
  });

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  /** Five wrong passwords lock the account (SPEC §10). */
  async function lockOut(username: string) {
    for (let i = 0; i < 5; i += 1) {
      expect(errorCode(await login(username, 'Wrong!Passw0rd'))).toBe('AUTH_INVALID');
    }
    expect(errorCode(await login(username, TEST_PASSWORD))).toBe('ACCOUNT_LOCKED');
  }

  it('clears the lock so the right password signs in again, and audits user.unlock', async () => {
    // Arrange
    const user = await createUser(t.database);
    await lockOut(user.username);
    const locked = (await as(t.app, admin)('GET', `/api/users/${user.id}`)).json<User>();
    expect(locked.lockedUntil).not.toBeNull();

    // Act
    const res = await as(t.app, admin)('POST', `/api/users/${user.id}/unlock`);

    // Assert
    expect(res.statusCode).toBe(200);
    expect(res.json<User>()).toMatchObject({
      id: user.id,
      lockedUntil: null,
      updatedAt: t.clock.now().toISOString(),
    });
    expect(
      (await as(t.app, admin)('GET', `/api/users/${user.id}`)).json<User>().lockedUntil,
    ).toBeNull();
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    const row = await expectAudited(t.app, admin, res, {
      action: 'user.unlock',
      entity: `user:${user.id}`,
      actor: adminName,
    });
    expect(row.before).toEqual({ lockedUntil: locked.lockedUntil, failedLogins: 5 });
    expect(row.after).toEqual({ lockedUntil: null, failedLogins: 0 });
    expect(row.security).toBe(true);
  });

  it('resets the failure count, so one more wrong password does not lock again', async () => {
    // Arrange
    const user = await createUser(t.database);
    await lockOut(user.username);
    await as(t.app, admin)('POST', `/api/users/${user.id}/unlock`);

    // Act
    const wrong = await login(user.username, 'Wrong!Passw0rd');
    const right = await login(user.username, TEST_PASSWORD);

    // Assert
    expect(errorCode(wrong)).toBe('AUTH_INVALID');
    expect(right.statusCode).toBe(200);
  });

  it('answers 200 for a user who is not locked', async () => {
    // Arrange
    const user = await createUser(t.database);

    // Act
    const res = await as(t.app, admin)('POST', `/api/users/${user.id}/unlock`);

    // Assert
    expect(res.statusCode).toBe(200);
    expect(res.json<User>().lockedUntil).toBeNull();
  });

  it('answers 404 USER_NOT_FOUND for an unknown user', async () => {
    // Act
    const res = await as(t.app, admin)('POST', '/api/users/2147483647/unlock');

    // Assert
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('USER_NOT_FOUND');
  });

  it('answers 400 VALIDATION for an id that is not a number', async () => {
    // Act
    const res = await as(t.app, admin)('POST', '/api/users/abc/unlock');

    // Assert
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });
});
