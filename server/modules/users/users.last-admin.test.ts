import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../common/contracts/users.js';
import type { Database } from '../../db/client.js';
import { users } from '../../db/schema/users.js';
import { auditEntries } from '../../test/audit-api.js';
import { as, errorCode, loginAs } from '../../test/auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { createUser } from '../../test/factories.js';
import { openIsolatedDatabase } from '../../test/test-database.js';

/**
 * A request whose JSON body is held back until `release()`. Authentication runs before the body
 * is read, so once `bodyRequested` resolves the request has passed its session and role checks
 * and waits, which lets a test run another request in between deterministically.
 */
function heldBody(body: Record<string, unknown>) {
  let requested: () => void = () => undefined;
  const bodyRequested = new Promise<void>((resolve) => {
    requested = resolve;
  });
  const stream = new Readable({
    read() {
      requested();
    },
  });
  return {
    stream,
    bodyRequested,
    release: () => {
      stream.push(JSON.stringify(body));
      stream.push(null);
    },
  };
}

/**
 * LAST_ADMIN (SPEC §3). Nobody may change their own role or deactivate themselves, so the last
 * active admin can only be reached by two admins acting on each other at the same time. These
 * tests need a database whose only active admins are their own, hence an isolated database.
 */
describe('PATCH /api/users/:id and the last active admin', () => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await openIsolatedDatabase();
    t = await buildTestApp({ database });
  });

  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  /** Two active admins, the only ones in the database, each signed in. */
  async function twoAdmins() {
    await database.db
      .update(users)
      .set({ active: false })
      .where(and(eq(users.role, 'admin'), eq(users.active, true)));
    const first = await createUser(database, { role: 'admin' });
    const second = await createUser(database, { role: 'admin' });
    return {
      first,
      second,
      firstSession: await loginAs(t.app, first.username),
      secondSession: await loginAs(t.app, second.username),
    };
  }

  /** `second` edits `first` while `first`'s edit of `second` is already past its checks. */
  async function crossEdit(
    admins: Awaited<ReturnType<typeof twoAdmins>>,
    body: Record<string, unknown>,
  ): Promise<{ winner: LightMyRequestResponse; loser: LightMyRequestResponse }> {
    const held = heldBody(body);
    const loserPromise = as(t.app, admins.firstSession)(
      'PATCH',
      `/api/users/${admins.second.id}`,
      held.stream,
      {
        headers: { 'content-type': 'application/json' },
      },
    );
    await held.bodyRequested;
    const winner = await as(t.app, admins.secondSession)(
      'PATCH',
      `/api/users/${admins.first.id}`,
      body,
    );
    held.release();
    return { winner, loser: await loserPromise };
  }

  it.each([
    ['demote', { role: 'biller' }],
    ['deactivate', { active: false }],
  ])(
    'answers 409 LAST_ADMIN when two admins %s each other at once, and keeps one admin',
    async (_verb, body) => {
      // Arrange
      const admins = await twoAdmins();

      // Act
      const { winner, loser } = await crossEdit(admins, body);

      // Assert
      expect(winner.statusCode).toBe(200);
      expect(loser.statusCode).toBe(409);
      expect(errorCode(loser)).toBe('LAST_ADMIN');
      const call = as(t.app, admins.secondSession);
      const active = await call('GET', '/api/users?role=admin&active=true');
      expect(active.json<{ items: User[] }>().items.map((u) => u.id)).toEqual([admins.second.id]);
      expect((await call('GET', `/api/users/${admins.first.id}`)).json<User>()).toMatchObject(
        'role' in body ? { role: 'biller', active: true } : { role: 'admin', active: false },
      );
      expect(
        await auditEntries(t.app, admins.secondSession, {
          entity: `user:${admins.second.id}`,
          action: 'user.',
        }),
      ).toEqual([]);
    },
  );

  it('lets one admin demote the other while both are active', async () => {
    // Arrange
    const admins = await twoAdmins();

    // Act
    const res = await as(t.app, admins.firstSession)('PATCH', `/api/users/${admins.second.id}`, {
      role: 'biller',
    });

    // Assert
    expect(res.statusCode).toBe(200);
    expect(res.json<User>().role).toBe('biller');
  });
});
