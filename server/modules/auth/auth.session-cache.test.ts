import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { as, errorCode, loginAs } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { workerDatabase } from '../../test/test-database.js';
import { AUTH_CHANNEL } from './auth.service.js';

/** The worker's database, counting the session lookups sent to it. */
function countingDatabase(database: Database) {
  const counter = { sessionReads: 0 };
  const counted: Database = {
    ...database,
    query: (text, params) => {
      if (text.includes('from sessions s join users u')) {
        counter.sessionReads += 1;
      }
      return database.query(text, params);
    },
  };
  return { counted, counter };
}

/**
 * Resolves once this process has heard the `tt_auth` NOTIFY for `userId`. It is registered after
 * the apps' own listeners on the same connection, so by then every app has heard it too.
 */
async function authNotice(database: Database, userId: number): Promise<{ heard: Promise<void> }> {
  let heard!: () => void;
  const promise = new Promise<void>((resolve) => (heard = resolve));
  const unlisten = await database.listen!(AUTH_CHANNEL, (payload) => {
    if (payload === String(userId)) {
      heard();
    }
  });
  return { heard: promise.then(unlisten) };
}

describe('session cache', () => {
  let database: Database;
  let counter: { sessionReads: number };
  let cached: TestApp;
  let other: TestApp;
  let uncached: TestApp;

  beforeAll(async () => {
    const shared = await workerDatabase();
    const counting = countingDatabase(shared);
    database = counting.counted;
    counter = counting.counter;
    cached = await buildTestApp({ database });
    other = await buildTestApp({ database: shared });
    uncached = await buildTestApp({ database, env: { SESSION_CACHE_SECONDS: '0' } });
  });
  afterAll(async () => {
    await Promise.all([cached.app.close(), other.app.close(), uncached.app.close()]);
  });

  it('reads a session from the database once for many requests (and every time when off)', async () => {
    const user = await createUser(database);
    const call = as(cached.app, await loginAs(cached.app, user.username));
    const off = as(uncached.app, await loginAs(uncached.app, user.username));

    const before = counter.sessionReads;
    const answers = [await call('GET', '/api/auth/me'), await call('GET', '/api/auth/me')];
    answers.push(await call('GET', '/api/stats'));
    const cachedReads = counter.sessionReads - before;
    for (let i = 0; i < 3; i += 1) {
      answers.push(await off('GET', '/api/auth/me'));
    }
    const uncachedReads = counter.sessionReads - before - cachedReads;

    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(cachedReads).toBe(1);
    expect(uncachedReads).toBe(3);
  });

  it('moves the idle deadline on (a database touch) after 30 s, as without the cache', async () => {
    const user = await createUser(database);
    const call = as(cached.app, await loginAs(cached.app, user.username));
    const first = (await call('GET', '/api/auth/me')).json().session.idleExpiresAt;
    cached.clock.advanceMinutes(1);

    const second = (await call('GET', '/api/auth/me')).json().session.idleExpiresAt;

    expect(Date.parse(second) - Date.parse(first)).toBe(60_000);
  });

  it('refuses at once a session whose user another instance deactivated', async () => {
    const admin = await createUser(database, { role: 'admin' });
    const user = await createUser(database);
    const call = as(cached.app, await loginAs(cached.app, user.username));
    expect((await call('GET', '/api/auth/me')).statusCode).toBe(200);
    const { heard } = await authNotice(database, user.id);

    const patched = await as(other.app, await loginAs(other.app, admin.username))(
      'PATCH',
      `/api/users/${user.id}`,
      { active: false },
    );
    await heard;
    const res = await call('GET', '/api/auth/me');

    expect(patched.statusCode).toBe(200);
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('SESSION_EXPIRED');
  });

  it('sees a role change an operator made with SQL, on the next request', async () => {
    const user = await createUser(database, { role: 'biller' });
    const call = as(cached.app, await loginAs(cached.app, user.username));
    expect((await call('GET', '/api/auth/me')).json().user.role).toBe('biller');
    const { heard } = await authNotice(database, user.id);

    await database.db.execute(
      sql`update users set role = 'dispatcher', dispatch_area = 'lucknow' where id = ${user.id}`,
    );
    await heard;
    const res = await call('GET', '/api/auth/me');

    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'dispatcher', dispatchArea: 'lucknow' });
  });

  it('refuses a session an operator revoked or cut short with SQL', async () => {
    const user = await createUser(database);
    const first = as(cached.app, await loginAs(cached.app, user.username));
    const second = as(cached.app, await loginAs(cached.app, user.username));
    expect((await first('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await second('GET', '/api/auth/me')).statusCode).toBe(200);
    const { heard } = await authNotice(database, user.id);

    await database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${user.id}`,
    );
    await heard;
    const answers = [await first('GET', '/api/auth/me'), await second('GET', '/api/auth/me')];

    expect(answers.map((r) => r.statusCode)).toEqual([401, 401]);
    expect(answers.map(errorCode)).toEqual(['SESSION_EXPIRED', 'SESSION_EXPIRED']);
  });

  it('answers AUTH_REQUIRED for a signed-out cookie even right after it was served from memory', async () => {
    const user = await createUser(database);
    const session = await loginAs(cached.app, user.username);
    const call = as(cached.app, session);
    expect((await call('GET', '/api/auth/me')).statusCode).toBe(200);

    const out = await call('POST', '/api/auth/logout');
    const res = await call('GET', '/api/auth/me');

    expect(out.statusCode).toBe(204);
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('AUTH_REQUIRED');
  });
});
