import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditList } from '../../../common/contracts/audit.js';
import type { User } from '../../../common/contracts/users.js';
import { encodeCursor } from '../../platform/cursor.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, uniqueName } from '../../test/factories.js';
import { createThroughApi } from '../../test/users-api.js';

describe('GET /api/audit', () => {
  let t: TestApp;
  let admin: TestSession;
  let adminName: string;
  let adminId: number;
  /** What the admin did, oldest first. */
  const made: User[] = [];

  const audit = (query: string) => as(t.app, admin)('GET', `/api/audit?${query}`);
  const rows = async (query: string) => {
    const res = await audit(query);
    expect(res.statusCode).toBe(200);
    return res.json<AuditList>().items;
  };
  const shape = (items: AuditEntry[]) =>
    items.map((r) => `${r.action} ${r.entityType ?? ''}:${r.entityId ?? ''}`);

  beforeAll(async () => {
    t = await buildTestApp();
    const row = await createUser(t.database, { role: 'admin' });
    adminName = row.username;
    adminId = row.id;
    admin = await loginAs(t.app, adminName);
    for (let i = 0; i < 3; i += 1) {
      made.push(await createThroughApi(t, admin));
    }
    const [first, second] = made;
    await as(t.app, admin)('PATCH', `/api/users/${String(first?.id)}`, { active: false });
    await as(t.app, admin)('POST', `/api/users/${String(second?.id)}/unlock`);
    await as(t.app, admin)('POST', `/api/users/${String(second?.id)}/unlock`, undefined, {
      csrf: false,
    });
  });

  afterAll(async () => {
    await t.app.close();
  });

  describe('access', () => {
    it('answers 401 AUTH_REQUIRED without a session cookie', async () => {
      // Act
      const res = await t.app.inject({ method: 'GET', url: '/api/audit' });

      // Assert
      expect(res.statusCode).toBe(401);
      expect(errorCode(res)).toBe('AUTH_REQUIRED');
    });

    it.each(['biller', 'dispatcher'] as const)(
      'answers 403 FORBIDDEN to a %s, and audits the denial',
      async (role) => {
        // Arrange
        const user = await createUser(t.database, { role });
        const session = await loginAs(t.app, user.username);

        // Act
        const res = await as(t.app, session)('GET', '/api/audit');

        // Assert
        expect(res.statusCode).toBe(403);
        expect(errorCode(res)).toBe('FORBIDDEN');
        const [denial] = await rows(`actor=${user.username}&action=security.denied`);
        expect(denial).toMatchObject({
          entityType: 'route',
          entityId: 'GET /api/audit',
          requestId: res.headers['x-request-id'],
        });
      },
    );
  });

  describe('input', () => {
    it.each([
      ['limit=0'],
      ['limit=201'],
      ['user=someone'],
      ['from=yesterday'],
      ['to=2024-13-01T00:00:00Z'],
      ['from=2024-05-01T00:00:00'],
      [`action=${'a'.repeat(101)}`],
    ])('answers 400 VALIDATION for %s', async (query) => {
      // Act
      const res = await audit(query);

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    });

    it('answers 400 VALIDATION when from is after to', async () => {
      // Act
      const res = await audit('from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z');

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    });

    it.each([
      ['junk', 'junk!!'],
      ['a numeric id', encodeCursor({ id: 5 })],
      ['an id that is no number', encodeCursor({ id: 'abc' })],
      ['an id of 20 digits', encodeCursor({ id: '12345678901234567890' })],
      ['an id beyond the bigint range', encodeCursor({ id: '9999999999999999999' })],
    ])('answers 400 VALIDATION for a cursor with %s', async (_name, cursor) => {
      // Act
      const res = await audit(`cursor=${encodeURIComponent(cursor)}`);

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    });
  });

  describe('filters', () => {
    it('answers an actor’s rows newest first, whatever the case of the name', async () => {
      // Act
      const items = await rows(`actor=${adminName.toUpperCase()}`);

      // Assert
      const [a, b, c] = made.map((u) => String(u.id));
      expect(shape(items)).toEqual([
        `security.denied route:POST /api/users/:id/unlock`,
        `user.unlock user:${String(b)}`,
        `user.deactivate user:${String(a)}`,
        `user.create user:${String(c)}`,
        `user.create user:${String(b)}`,
        `user.create user:${String(a)}`,
        `auth.login user:${adminId}`,
      ]);
      const ids = items.map((r) => BigInt(r.id));
      expect([...ids].sort((x, y) => (x > y ? -1 : 1))).toEqual(ids);
    });

    it('answers each row in full', async () => {
      // Act
      const [row] = await rows(`actor=${adminName}&action=user.create&limit=1`);

      // Assert
      const newest = made.at(-1);
      expect(row).toEqual({
        id: expect.stringMatching(/^\d+$/),
        at: t.clock.now().toISOString(),
        actor: { id: adminId, username: adminName, role: 'admin' },
        action: 'user.create',
        entityType: 'user',
        entityId: String(newest?.id),
        before: null,
        after: {
          username: newest?.username,
          email: newest?.email,
          role: 'biller',
          dispatchArea: null,
          active: true,
        },
        security: false,
        ip: '127.0.0.0',
        requestId: expect.any(String),
      });
    });

    it('filters by exact action', async () => {
      expect(shape(await rows(`actor=${adminName}&action=user.create`))).toHaveLength(3);
      expect(await rows(`actor=${adminName}&action=user`)).toEqual([]);
    });

    it('filters by action prefix ending in a dot', async () => {
      // Act
      const items = await rows(`actor=${adminName}&action=user.`);

      // Assert
      expect(items.map((r) => r.action)).toEqual([
        'user.unlock',
        'user.deactivate',
        'user.create',
        'user.create',
        'user.create',
      ]);
    });

    it('treats LIKE wildcards in an action prefix literally', async () => {
      expect(await rows(`actor=${adminName}&action=${encodeURIComponent('%.')}`)).toEqual([]);
      expect(await rows(`actor=${adminName}&action=${encodeURIComponent('_ser.')}`)).toEqual([]);
    });

    it('filters by entity type', async () => {
      expect(shape(await rows(`actor=${adminName}&entity=route`))).toEqual([
        'security.denied route:POST /api/users/:id/unlock',
      ]);
      expect(await rows(`actor=${adminName}&entity=user`)).toHaveLength(6);
    });

    it('filters by entity type and id', async () => {
      // Arrange
      const first = String(made[0]?.id);

      // Act
      const items = await rows(`entity=user:${first}`);

      // Assert
      expect(shape(items)).toEqual([`user.deactivate user:${first}`, `user.create user:${first}`]);
    });

    it('answers an empty page for an actor with no rows', async () => {
      expect(await audit(`actor=${uniqueName('nobody')}`).then((r) => r.json<AuditList>())).toEqual(
        { items: [], nextCursor: null },
      );
    });
  });

  it('walks every page with limit=2, without duplicates, to a null cursor', async () => {
    // Arrange
    const all = await rows(`actor=${adminName}&limit=200`);

    // Act
    const pages: AuditList[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `actor=${adminName}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: AuditList = (await audit(query)).json<AuditList>();
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 10);

    // Assert
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((r) => r.id))).toEqual(all.map((r) => r.id));
  });
});
