import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../../db/schema/users.js';
import { auditEntries } from '../../test/audit-api.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, uniqueName } from '../../test/factories.js';

type Method = 'GET' | 'POST' | 'PATCH';

interface RouteCase {
  method: Method;
  /** The route pattern, as the denial's audit row names it. */
  pattern: string;
  url: (id: number) => string;
  body?: () => Record<string, unknown>;
}

const ROUTES: RouteCase[] = [
  { method: 'GET', pattern: '/api/users', url: () => '/api/users' },
  {
    method: 'POST',
    pattern: '/api/users',
    url: () => '/api/users',
    body: () => {
      const username = uniqueName('n');
      return {
        username,
        email: `${username}@example.test`,
        password: 'Str0ng!Passw0rd-x',
        role: 'biller',
      };
    },
  },
  { method: 'GET', pattern: '/api/users/:id', url: (id) => `/api/users/${id}` },
  {
    method: 'PATCH',
    pattern: '/api/users/:id',
    url: (id) => `/api/users/${id}`,
    body: () => ({ active: false }),
  },
  { method: 'POST', pattern: '/api/users/:id/unlock', url: (id) => `/api/users/${id}/unlock` },
];
const WRITES = ROUTES.filter((r) => r.method !== 'GET');
const label = (r: RouteCase) => `${r.method} ${r.pattern}`;
/** The same token with its last character changed. */
const otherToken = (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;

describe('users admin access', () => {
  let t: TestApp;
  let admin: TestSession;
  let target: UserRow;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
    target = await createUser(t.database, { role: 'biller' });
  });

  afterAll(async () => {
    await t.app.close();
  });

  describe.each(ROUTES.map((r) => [label(r), r] as const))('%s', (_name, route) => {
    it('answers 401 AUTH_REQUIRED without a session cookie', async () => {
      // Act
      const res = await t.app.inject({
        method: route.method,
        url: route.url(target.id),
        ...(route.body ? { payload: route.body() } : {}),
      });

      // Assert
      expect(res.statusCode).toBe(401);
      expect(errorCode(res)).toBe('AUTH_REQUIRED');
    });

    it.each(['biller', 'dispatcher'] as const)(
      'answers 403 FORBIDDEN to a %s and audits the denial',
      async (role) => {
        // Arrange
        const user = await createUser(t.database, { role });
        const session = await loginAs(t.app, user.username);

        // Act
        const res = await as(t.app, session)(route.method, route.url(target.id), route.body?.());

        // Assert
        expect(res.statusCode).toBe(403);
        expect(errorCode(res)).toBe('FORBIDDEN');
        const rows = await auditEntries(t.app, admin, {
          actor: user.username,
          action: 'security.denied',
        });
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          entityType: 'route',
          entityId: label(route),
          security: true,
          actor: { id: user.id, username: user.username, role },
          after: { code: 'FORBIDDEN', reason: `role ${role}` },
          requestId: res.headers['x-request-id'],
          ip: '127.0.0.0',
        });
      },
    );
  });

  describe.each(WRITES.map((r) => [label(r), r] as const))('%s', (_name, route) => {
    it('answers 403 CSRF_INVALID without the X-CSRF-Token header, changes nothing and audits it', async () => {
      // Arrange
      const actor = await createUser(t.database, { role: 'admin' });
      const session = await loginAs(t.app, actor.username);
      const body = route.body?.();
      const before = await as(t.app, admin)('GET', `/api/users/${target.id}`);

      // Act
      const res = await as(t.app, session)(route.method, route.url(target.id), body, {
        csrf: false,
      });

      // Assert
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('CSRF_INVALID');
      const after = await as(t.app, admin)('GET', `/api/users/${target.id}`);
      expect(after.json()).toEqual(before.json());
      if (typeof body?.username === 'string') {
        const created = await as(t.app, admin)('GET', `/api/users?q=${body.username}`);
        expect(created.json()).toEqual({ items: [], nextCursor: null });
      }
      const rows = await auditEntries(t.app, admin, { actor: actor.username });
      expect(rows.map((r) => r.action)).toEqual(['security.denied', 'auth.login']);
      expect(rows[0]).toMatchObject({
        entityId: label(route),
        after: { code: 'CSRF_INVALID', reason: 'csrf' },
        requestId: res.headers['x-request-id'],
      });
    });

    it('answers 403 CSRF_INVALID for a wrong X-CSRF-Token header', async () => {
      // Act
      const res = await as(t.app, admin)(route.method, route.url(target.id), route.body?.(), {
        csrf: false,
        headers: { 'x-csrf-token': otherToken(admin.csrfToken) },
      });

      // Assert
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('CSRF_INVALID');
    });
  });
});
