import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../common/contracts/users.js';
import type { UserRow } from '../../db/schema/users.js';
import { expectAudited } from '../../test/audit-api.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, uniqueName } from '../../test/factories.js';

describe('PATCH /api/users/:id', () => {
  let t: TestApp;
  let admin: TestSession;
  let adminRow: UserRow;

  beforeAll(async () => {
    t = await buildTestApp();
    adminRow = await createUser(t.database, { role: 'admin' });
    admin = await loginAs(t.app, adminRow.username);
  });

  afterAll(async () => {
    await t.app.close();
  });

  const patch = (id: number, body: Record<string, unknown>) =>
    as(t.app, admin)('PATCH', `/api/users/${id}`, body);
  const read = async (id: number) =>
    (await as(t.app, admin)('GET', `/api/users/${id}`)).json<User>();

  describe('input', () => {
    it.each([
      ['an empty body', {}],
      ['an unknown field', { username: 'renamed' }],
      ['a bad email', { email: 'nope' }],
      ['a bad role', { role: 'root' }],
      ['a non-boolean active', { active: 'no' }],
      ['an area that is no key', { dispatchArea: 'Not A Key' }],
    ])('answers 400 VALIDATION for %s and changes nothing', async (_name, body) => {
      // Arrange
      const user = await createUser(t.database);
      const before = await read(user.id);

      // Act
      const res = await patch(user.id, body);

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
      expect(await read(user.id)).toEqual(before);
    });

    it('answers 400 VALIDATION for an id that is not a number', async () => {
      // Act
      const res = await patch(Number.NaN, { active: true });

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    });

    it.each([
      ['an edit', { email: 'x@example.test' }],
      ['a password reset', { password: 'An0ther!Passw0rd' }],
    ])('answers 404 USER_NOT_FOUND for %s of an unknown user', async (_name, body) => {
      // Act
      const res = await patch(2_147_483_647, body);

      // Assert
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('USER_NOT_FOUND');
    });
  });

  describe('email', () => {
    it('changes the email, reads it back, and audits before and after', async () => {
      // Arrange
      const user = await createUser(t.database);
      const email = `${uniqueName('m')}@example.test`;

      // Act
      const res = await patch(user.id, { email });

      // Assert
      expect(res.statusCode).toBe(200);
      expect(res.json<User>().email).toBe(email);
      expect(await read(user.id)).toEqual(res.json());
      const row = await expectAudited(t.app, admin, res, {
        action: 'user.update',
        entity: `user:${user.id}`,
        actor: adminRow.username,
      });
      expect(row.before).toMatchObject({ email: user.email });
      expect(row.after).toMatchObject({ email, sessionsEnded: 0 });
      expect(row.security).toBe(false);
    });

    it('clears the email with null', async () => {
      // Arrange
      const user = await createUser(t.database);

      // Act
      const res = await patch(user.id, { email: null });

      // Assert
      expect(res.statusCode).toBe(200);
      expect((await read(user.id)).email).toBeNull();
    });

    it('accepts the user’s own email again in another case', async () => {
      // Arrange
      const user = await createUser(t.database);

      // Act
      const res = await patch(user.id, { email: String(user.email).toUpperCase() });

      // Assert
      expect(res.statusCode).toBe(200);
    });

    it('answers 409 EMAIL_TAKEN for another user’s email, in any case', async () => {
      // Arrange
      const user = await createUser(t.database);
      const other = await createUser(t.database);

      // Act
      const res = await patch(user.id, { email: String(other.email).toUpperCase() });

      // Assert
      expect(res.statusCode).toBe(409);
      expect(errorCode(res)).toBe('EMAIL_TAKEN');
      expect((await read(user.id)).email).toBe(user.email);
    });
  });

  describe('active', () => {
    it('deactivates a user and audits user.deactivate', async () => {
      // Arrange
      const user = await createUser(t.database, { role: 'dispatcher' });

      // Act
      const res = await patch(user.id, { active: false });

      // Assert
      expect(res.statusCode).toBe(200);
      expect(await read(user.id)).toMatchObject({
        active: false,
        role: 'dispatcher',
        dispatchArea: 'lucknow',
      });
      const row = await expectAudited(t.app, admin, res, {
        action: 'user.deactivate',
        entity: `user:${user.id}`,
      });
      expect(row.before).toMatchObject({ active: true });
      expect(row.after).toMatchObject({ active: false });
      expect(row.security).toBe(true);
    });

    it('reactivates a deactivated user', async () => {
      // Arrange
      const user = await createUser(t.database, { active: false });

      // Act
      const res = await patch(user.id, { active: true });

      // Assert
      expect(res.statusCode).toBe(200);
      expect((await read(user.id)).active).toBe(true);
      await expect(loginAs(t.app, user.username)).resolves.toBeDefined();
      await expectAudited(t.app, admin, res, { action: 'user.update', entity: `user:${user.id}` });
    });
  });

  describe('password', () => {
    it('resets the password: the new one signs in, the old one does not, and the audit keeps no secret', async () => {
      // Arrange
      const user = await createUser(t.database);
      const password = 'Reset!Passw0rd';

      // Act
      const res = await patch(user.id, { password });

      // Assert
      expect(res.statusCode).toBe(200);
      await expect(loginAs(t.app, user.username, password)).resolves.toBeDefined();
      await expect(loginAs(t.app, user.username)).rejects.toThrow(/401/);
      const row = await expectAudited(t.app, admin, res, {
        action: 'user.update',
        entity: `user:${user.id}`,
      });
      expect(JSON.stringify(row)).not.toContain(password);
      expect(row.security).toBe(true);
      expect(row.after).toMatchObject({ credentialsReset: true });
    });

    it.each([
      ['too short', 'Sh0rt!x'],
      ['without a symbol', 'NoSymbol1234'],
      ['containing the username', null],
    ])(
      'answers 400 PASSWORD_POLICY for a password %s, and keeps the old one',
      async (_name, weak) => {
        // Arrange
        const user = await createUser(t.database);
        const password = weak ?? `Zz9!${user.username}`;

        // Act
        const res = await patch(user.id, { password });

        // Assert
        expect(res.statusCode).toBe(400);
        expect(errorCode(res)).toBe('PASSWORD_POLICY');
        await expect(loginAs(t.app, user.username)).resolves.toBeDefined();
      },
    );

    it('answers 400 PASSWORD_POLICY for an admin password under 12 characters', async () => {
      // Arrange
      const other = await createUser(t.database, { role: 'admin' });

      // Act
      const res = await patch(other.id, { password: 'Ok!Passw0rd' });

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('PASSWORD_POLICY');
    });

    it('answers 400 PASSWORD_POLICY when a promotion to admin comes with a password under 12 characters', async () => {
      // Arrange
      const user = await createUser(t.database, { role: 'biller' });

      // Act
      const res = await patch(user.id, { role: 'admin', password: 'Ok!Passw0rd' });

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('PASSWORD_POLICY');
      expect((await read(user.id)).role).toBe('biller');
    });
  });
});
