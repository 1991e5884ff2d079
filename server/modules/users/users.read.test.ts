import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User, UserList } from '../../../common/contracts/users.js';
import { encodeCursor } from '../../platform/cursor.js';
import { as, errorCode, loginAs, type TestSession } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser, uniqueName } from '../../test/factories.js';

describe('GET /api/users', () => {
  let t: TestApp;
  let admin: TestSession;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
  });

  afterAll(async () => {
    await t.app.close();
  });

  const list = (query: string) => as(t.app, admin)('GET', `/api/users?${query}`);

  it.each([
    ['limit=0'],
    ['limit=201'],
    ['limit=-1'],
    ['limit=abc'],
    ['role=owner'],
    ['area=Not-A-Key'],
    ['active=maybe'],
    ['sort=name'],
    [`q=${'x'.repeat(101)}`],
  ])('answers 400 VALIDATION for %s', async (query) => {
    // Act
    const res = await list(query);

    // Assert
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it.each([
    ['junk', 'not-a-cursor!'],
    ['JSON of the wrong shape', encodeCursor({ at: 5 })],
    ['a non-integer id', encodeCursor({ id: 'five' })],
    ['an id beyond the integer range', encodeCursor({ id: 3_000_000_000 })],
    ['a negative id', encodeCursor({ id: -4 })],
  ])('answers 400 VALIDATION for a cursor with %s', async (_name, cursor) => {
    // Act
    const res = await list(`cursor=${encodeURIComponent(cursor)}`);

    // Assert
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it('accepts the limits 1 and 200', async () => {
    // Act
    const one = await list('limit=1');
    const max = await list('limit=200');

    // Assert
    expect(one.statusCode).toBe(200);
    expect(one.json<UserList>().items).toHaveLength(1);
    expect(max.statusCode).toBe(200);
  });

  describe('filters', () => {
    const prefix = uniqueName('f');
    const rows: Record<string, number> = {};

    beforeAll(async () => {
      rows.biller = (
        await createUser(t.database, { username: `${prefix}-biller`, role: 'biller' })
      ).id;
      rows.indore = (
        await createUser(t.database, {
          username: `${prefix}-ind`,
          role: 'dispatcher',
          dispatchArea: 'indore',
        })
      ).id;
      rows.gone = (
        await createUser(t.database, {
          username: `${prefix}-gone`,
          role: 'dispatcher',
          dispatchArea: 'lucknow',
          active: false,
        })
      ).id;
      rows.admin = (
        await createUser(t.database, { username: `${prefix}-adm`, role: 'admin', email: null })
      ).id;
    });

    const ids = async (query: string) =>
      (await list(`q=${prefix}&${query}`)).json<UserList>().items.map((u) => u.id);

    it('finds users by username prefix, newest first', async () => {
      expect(await ids('')).toEqual([rows.admin, rows.gone, rows.indore, rows.biller]);
    });

    it('matches the prefix case-insensitively', async () => {
      // Act
      const res = await as(t.app, admin)('GET', `/api/users?q=${prefix.toUpperCase()}`);

      // Assert
      expect(res.json<UserList>().items.map((u) => u.id)).toEqual([
        rows.admin,
        rows.gone,
        rows.indore,
        rows.biller,
      ]);
    });

    it('finds users by email prefix', async () => {
      // Act
      const res = await as(t.app, admin)(
        'GET',
        `/api/users?q=${encodeURIComponent(`${prefix}-biller@example`)}`,
      );

      // Assert
      expect(res.json<UserList>().items.map((u) => u.id)).toEqual([rows.biller]);
    });

    it('filters by role', async () => {
      expect(await ids('role=dispatcher')).toEqual([rows.gone, rows.indore]);
      expect(await ids('role=admin')).toEqual([rows.admin]);
    });

    it('filters by area', async () => {
      expect(await ids('area=indore')).toEqual([rows.indore]);
    });

    it('filters by active', async () => {
      expect(await ids('active=false')).toEqual([rows.gone]);
      expect(await ids('active=true&role=dispatcher')).toEqual([rows.indore]);
    });

    it('matches a prefix only at the start', async () => {
      // Act
      const res = await as(t.app, admin)('GET', `/api/users?q=${prefix.slice(1)}`);

      // Assert
      expect(res.json<UserList>().items.map((u) => u.id)).not.toContain(rows.biller);
    });

    it.each(['%', '_'])('treats %s in the search term literally', async (wildcard) => {
      // Act
      const res = await as(t.app, admin)('GET', `/api/users?q=${encodeURIComponent(wildcard)}`);

      // Assert
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [], nextCursor: null });
    });
  });

  it('walks every page with limit=2, without duplicates, to a null cursor', async () => {
    // Arrange
    const prefix = uniqueName('p');
    const created: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      created.push((await createUser(t.database, { username: `${prefix}-${i}` })).id);
    }

    // Act
    const pages: UserList[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `q=${prefix}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await list(query);
      expect(res.statusCode).toBe(200);
      const page: UserList = res.json<UserList>();
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 10);

    // Assert
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((u) => u.id))).toEqual([...created].reverse());
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it('ends with a null cursor when the last page is exactly full', async () => {
    // Arrange
    const prefix = uniqueName('e');
    await createUser(t.database, { username: `${prefix}-a` });
    await createUser(t.database, { username: `${prefix}-b` });

    // Act
    const res = await list(`q=${prefix}&limit=2`);

    // Assert
    expect(res.json<UserList>().items).toHaveLength(2);
    expect(res.json<UserList>().nextCursor).toBeNull();
  });

  it('never shows a password hash or a sign-in counter', async () => {
    // Arrange
    const user = await createUser(t.database);

    // Act
    const res = await list(`q=${user.username}`);

    // Assert
    expect(res.body).not.toMatch(/password|hash|failedLogins/i);
    expect(res.json<UserList>().items[0]).toEqual({
      id: user.id,
      username: user.username,
      email: user.email,
      role: 'biller',
      dispatchArea: null,
      active: true,
      twoFactor: false,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    });
  });
});

describe('GET /api/users/:id', () => {
  let t: TestApp;
  let admin: TestSession;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await loginAs(t.app, (await createUser(t.database, { role: 'admin' })).username);
  });

  afterAll(async () => {
    await t.app.close();
  });

  it('answers the user', async () => {
    // Arrange
    const user = await createUser(t.database, { role: 'dispatcher', dispatchArea: 'jaipur' });

    // Act
    const res = await as(t.app, admin)('GET', `/api/users/${user.id}`);

    // Assert
    expect(res.statusCode).toBe(200);
    expect(res.json<User>()).toMatchObject({
      id: user.id,
      username: user.username,
      role: 'dispatcher',
      dispatchArea: 'jaipur',
    });
  });

  it('answers 404 USER_NOT_FOUND for an unknown id', async () => {
    // Act
    const res = await as(t.app, admin)('GET', '/api/users/2147483647');

    // Assert
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('USER_NOT_FOUND');
  });

  it.each(['abc', '0', '-3', '1.5', '2147483648'])(
    'answers 400 VALIDATION for the id %s',
    async (id) => {
      // Act
      const res = await as(t.app, admin)('GET', `/api/users/${id}`);

      // Assert
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    },
  );
});
