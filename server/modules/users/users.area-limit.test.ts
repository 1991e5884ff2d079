import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../common/contracts/users.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, TEST_PASSWORD, uniqueName } from '../../test/factories.js';

/**
 * At most MAX_DISPATCHERS_PER_AREA active dispatchers per area (SPEC §3). Each test gets an area
 * of its own (configured on this app only), so no other test can fill or empty it.
 */
describe('dispatch area limit (MAX_DISPATCHERS_PER_AREA=2)', () => {
  const areas = Array.from({ length: 8 }, () => `zz${randomBytes(5).toString('hex')}`);
  let t: TestApp;
  let admin: TestSession;
  let next = 0;

  beforeAll(async () => {
    t = await buildTestApp({
      env: { MAX_DISPATCHERS_PER_AREA: '2', DISPATCH_AREAS: ['lucknow', ...areas].join(',') },
    });
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
  });

  afterAll(async () => {
    await t.app.close();
  });

  /** An area of this test's own. */
  function freshArea(): string {
    const area = areas[next];
    next += 1;
    if (!area) {
      throw new Error('add more areas to this file');
    }
    return area;
  }

  const createDispatcher = (dispatchArea: string) => {
    const username = uniqueName('d');
    return as(t.app, admin)('POST', '/api/users', {
      username,
      email: `${username}@example.test`,
      password: TEST_PASSWORD,
      role: 'dispatcher',
      dispatchArea,
    });
  };
  const patch = (id: number, body: Record<string, unknown>) =>
    as(t.app, admin)('PATCH', `/api/users/${id}`, body);

  describe('POST /api/users', () => {
    it('answers 400 AREA_FULL for a third dispatcher in an area, and creates nothing', async () => {
      // Arrange
      const area = freshArea();
      expect((await createDispatcher(area)).statusCode).toBe(201);
      expect((await createDispatcher(area)).statusCode).toBe(201);

      // Act
      const res = await createDispatcher(area);

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('AREA_FULL');
      expect(res.json<{ error: { details: unknown } }>().error.details).toEqual({ area, max: 2 });
      const listed = await as(t.app, admin)('GET', `/api/users?area=${area}`);
      expect(listed.json<{ items: User[] }>().items).toHaveLength(2);
    });

    it('does not count deactivated dispatchers', async () => {
      // Arrange
      const area = freshArea();
      await createUser(t.database, { role: 'dispatcher', dispatchArea: area, active: false });
      await createUser(t.database, { role: 'dispatcher', dispatchArea: area });

      // Act
      const res = await createDispatcher(area);

      // Assert
      expect(res.statusCode).toBe(201);
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('answers 400 AREA_FULL when a biller becomes a dispatcher of a full area', async () => {
      // Arrange
      const area = freshArea();
      await createUser(t.database, { role: 'dispatcher', dispatchArea: area });
      await createUser(t.database, { role: 'dispatcher', dispatchArea: area });
      const biller = await createUser(t.database, { role: 'biller' });

      // Act
      const res = await patch(biller.id, { role: 'dispatcher', dispatchArea: area });

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('AREA_FULL');
      expect((await as(t.app, admin)('GET', `/api/users/${biller.id}`)).json<User>().role).toBe(
        'biller',
      );
    });

    it('answers 400 AREA_FULL when a dispatcher moves into a full area', async () => {
      // Arrange
      const area = freshArea();
      await createUser(t.database, { role: 'dispatcher', dispatchArea: area });
      await createUser(t.database, { role: 'dispatcher', dispatchArea: area });
      const mover = await createUser(t.database, { role: 'dispatcher', dispatchArea: 'lucknow' });

      // Act
      const res = await patch(mover.id, { dispatchArea: area });

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('AREA_FULL');
    });

    it('answers 400 AREA_FULL when a deactivated dispatcher is reactivated into a full area', async () => {
      // Arrange
      const area = freshArea();
      const sleeper = await createUser(t.database, {
        role: 'dispatcher',
        dispatchArea: area,
        active: false,
      });
      await createUser(t.database, { role: 'dispatcher', dispatchArea: area });
      await createUser(t.database, { role: 'dispatcher', dispatchArea: area });

      // Act
      const res = await patch(sleeper.id, { active: true });

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('AREA_FULL');
      expect((await as(t.app, admin)('GET', `/api/users/${sleeper.id}`)).json<User>().active).toBe(
        false,
      );
    });

    it('reactivates a dispatcher once a place is free', async () => {
      // Arrange
      const area = freshArea();
      const sleeper = await createUser(t.database, {
        role: 'dispatcher',
        dispatchArea: area,
        active: false,
      });
      await createUser(t.database, { role: 'dispatcher', dispatchArea: area });
      const leaving = await createUser(t.database, { role: 'dispatcher', dispatchArea: area });
      expect((await patch(leaving.id, { active: false })).statusCode).toBe(200);

      // Act
      const res = await patch(sleeper.id, { active: true });

      // Assert
      expect(res.statusCode).toBe(200);
      expect(res.json<User>()).toMatchObject({ active: true, dispatchArea: area });
    });

    it('lets a dispatcher of a full area be edited without counting them twice', async () => {
      // Arrange
      const area = freshArea();
      await createUser(t.database, { role: 'dispatcher', dispatchArea: area });
      const member = await createUser(t.database, { role: 'dispatcher', dispatchArea: area });

      // Act
      const res = await patch(member.id, {
        role: 'dispatcher',
        dispatchArea: area,
        active: true,
        email: null,
      });

      // Assert
      expect(res.statusCode).toBe(200);
    });
  });
});
