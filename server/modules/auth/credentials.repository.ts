import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users, type UserRow } from '../../db/schema/users.js';

export async function findUserByUsername(
  ex: Executor,
  username: string,
): Promise<UserRow | undefined> {
  const [row] = await ex.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findUserById(ex: Executor, id: number): Promise<UserRow | undefined> {
  const [row] = await ex.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/**
 * Counts one failed sign-in atomically; an expired lock starts a new count. Locks the account
 * when the count reaches `maxFailures`. Answers the new state.
 */
export async function recordFailedLogin(
  ex: Executor,
  args: { userId: number; at: Date; maxFailures: number; lockUntil: Date },
): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
  // postgres.js binds raw-SQL Dates only as text: pass ISO strings with an explicit cast.
  const at = sql`${args.at.toISOString()}::timestamptz`;
  const expired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${at})`;
  const next = sql`(case when ${expired} then 0 else ${users.failedLogins} end) + 1`;
  const [row] = await ex
    .update(users)
    .set({
      failedLogins: next,
      lockedUntil: sql`case when ${next} >= ${args.maxFailures} then ${args.lockUntil.toISOString()}::timestamptz
        when ${expired} then null else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, args.userId))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  if (!row) {
    throw new Error('user vanished during sign-in');
  }
  return row;
}

export async function recordSuccessfulLogin(ex: Executor, userId: number, at: Date) {
  await ex
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at })
    .where(eq(users.id, userId));
}

export async function setPasswordHash(
  ex: Executor,
  userId: number,
  passwordHash: string,
  at: Date,
) {
  await ex.update(users).set({ passwordHash, updatedAt: at }).where(eq(users.id, userId));
}
