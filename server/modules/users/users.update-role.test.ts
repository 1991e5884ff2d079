import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../common/contracts/users.js';
import type { UserRow } from '../../db/schema/users.js';
import { auditEntries, expectAudited } from '../../test/audit-api.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, uniqueName } from '../../test/factories.js';

describe('PATCH /api/users/:id role, area and own account', () => {
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

  describe('role and area', () => {
    it('makes a biller a dispatcher of an area, and audits it', async () => {
      // Arrange
      const user = await createUser(t.database, { role: 'biller' });

      // Act
      const res = await patch(user.id, { role: 'dispatcher', dispatchArea: 'raipur' });

      // Assert
      expect(res.statusCode).toBe(200);
      expect(await read(user.id)).toMatchObject({ role: 'dispatcher', dispatchArea: 'raipur' });
      const row = await expectAudited(t.app, admin, res, {
        action: 'user.update',
        entity: `user:${user.id}`,
      });
      expect(row.before).toMatchObject({ role: 'biller', dispatchArea: null });
      expect(row.after).toMatchObject({ role: 'dispatcher', dispatchArea: 'raipur' });
      expect(row.security).toBe(true);
    });

    it('answers 400 AREA_REQUIRED when a biller becomes a dispatcher without an area', async () => {
      // Arrange
      const user = await createUser(t.database, { role: 'biller' });

      // Act
      const res = await patch(user.id, { role: 'dispatcher' });

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('AREA_REQUIRED');
      expect((await read(user.id)).role).toBe('biller');
    });

    it('answers 400 AREA_REQUIRED when a dispatcher’s area is set to null', async () => {
      // Arrange
      const user = await createUser(t.database, { role: 'dispatcher', dispatchArea: 'akola' });

      // Act
      const res = await patch(user.id, { dispatchArea: null });

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('AREA_REQUIRED');
    });

    it('answers 400 VALIDATION for an unknown area', async () => {
      // Arrange
      const user = await createUser(t.database, { role: 'dispatcher' });

      // Act
      const res = await patch(user.id, { dispatchArea: 'atlantis' });

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
      expect((await read(user.id)).dispatchArea).toBe('lucknow');
    });

    it.each(['biller', 'admin'] as const)(
      'answers 400 VALIDATION for an area on a %s',
      async (role) => {
        // Arrange
        const user = await createUser(t.database, { role });

        // Act
        const res = await patch(user.id, { dispatchArea: 'lucknow' });

        // Assert
        expect(res.statusCode).toBe(400);
        expect(errorCode(res)).toBe('VALIDATION');
      },
    );

    it('moves a dispatcher to another area', async () => {
      // Arrange
      const user = await createUser(t.database, { role: 'dispatcher', dispatchArea: 'lucknow' });

      // Act
      const res = await patch(user.id, { dispatchArea: 'ranchi' });

      // Assert
      expect(res.statusCode).toBe(200);
      expect((await read(user.id)).dispatchArea).toBe('ranchi');
    });

    it('drops the area of a dispatcher who becomes a biller', async () => {
      // Arrange
      const user = await createUser(t.database, { role: 'dispatcher', dispatchArea: 'bathinda' });

      // Act
      const res = await patch(user.id, { role: 'biller' });

      // Assert
      expect(res.statusCode).toBe(200);
      expect(await read(user.id)).toMatchObject({ role: 'biller', dispatchArea: null });
    });

    it('promotes a biller to admin', async () => {
      // Arrange
      const user = await createUser(t.database, { role: 'biller' });

      // Act
      const res = await patch(user.id, { role: 'admin' });

      // Assert
      expect(res.statusCode).toBe(200);
      expect((await read(user.id)).role).toBe('admin');
    });

    it('demotes another admin while more active admins remain', async () => {
      // Arrange
      const other = await createUser(t.database, { role: 'admin' });

      // Act
      const res = await patch(other.id, { role: 'biller' });

      // Assert
      expect(res.statusCode).toBe(200);
      expect((await read(other.id)).role).toBe('biller');
    });
  });

  describe('self-harm', () => {
    it('answers 403 SELF_ROLE_CHANGE when an admin changes their own role, and audits the denial', async () => {
      // Arrange
      const me = await createUser(t.database, { role: 'admin' });
      const session = await loginAs(t.app, me.username);

      // Act
      const res = await as(t.app, session)('PATCH', `/api/users/${me.id}`, { role: 'biller' });

      // Assert
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('SELF_ROLE_CHANGE');
      expect((await read(me.id)).role).toBe('admin');
      const [row] = await auditEntries(t.app, admin, {
        actor: me.username,
        action: 'security.denied',
      });
      expect(row).toMatchObject({
        entityType: 'user',
        entityId: String(me.id),
        requestId: res.headers['x-request-id'],
      });
      expect(row?.after).toMatchObject({ code: 'SELF_ROLE_CHANGE' });
    });

    it('answers 403 SELF_DEACTIVATE when an admin deactivates their own account, and audits the denial', async () => {
      // Arrange
      const me = await createUser(t.database, { role: 'admin' });
      const session = await loginAs(t.app, me.username);

      // Act
      const res = await as(t.app, session)('PATCH', `/api/users/${me.id}`, { active: false });

      // Assert
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('SELF_DEACTIVATE');
      expect((await read(me.id)).active).toBe(true);
      expect((await as(t.app, session)('GET', '/api/auth/me')).statusCode).toBe(200);
      const [row] = await auditEntries(t.app, admin, {
        actor: me.username,
        action: 'security.denied',
      });
      expect(row?.after).toMatchObject({ code: 'SELF_DEACTIVATE' });
    });

    it('lets an admin restate their own role and edit their own email', async () => {
      // Arrange
      const me = await createUser(t.database, { role: 'admin' });
      const session = await loginAs(t.app, me.username);
      const email = `${uniqueName('s')}@example.test`;

      // Act
      const res = await as(t.app, session)('PATCH', `/api/users/${me.id}`, {
        role: 'admin',
        active: true,
        email,
      });

      // Assert
      expect(res.statusCode).toBe(200);
      expect(await read(me.id)).toMatchObject({ role: 'admin', active: true, email });
    });
  });
});
