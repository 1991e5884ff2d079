import { and, eq, isNull, lt, ne, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { sessions, type SessionRow } from '../../db/schema/sessions.js';
import { users, type UserRow } from '../../db/schema/users.js';

export async function insertSession(
  ex: Executor,
  row: typeof sessions.$inferInsert,
): Promise<SessionRow> {
  const [created] = await ex.insert(sessions).values(row).returning();
  if (!created) {
    throw new Error('session insert returned nothing');
  }
  return created;
}

/** The session and its user in one round trip. */
export async function findSessionWithUser(
  ex: Executor,
  id: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await ex
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  return row;
}

export async function touchSession(ex: Executor, id: string, at: Date, idleExpiresAt: Date) {
  await ex.update(sessions).set({ lastSeenAt: at, idleExpiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(ex: Executor, id: string) {
  await ex.delete(sessions).where(eq(sessions.id, id));
}

/** Revokes every live session of a user, except `keepId`; answers how many. */
export async function revokeUserSessions(
  ex: Executor,
  args: { userId: number; reason: string; at: Date; keepId?: string | undefined },
): Promise<number> {
  const conditions = [eq(sessions.userId, args.userId), isNull(sessions.revokedAt)];
  if (args.keepId) {
    conditions.push(ne(sessions.id, args.keepId));
  }
  const revoked = await ex
    .update(sessions)
    .set({ revokedAt: args.at, revokedReason: args.reason })
    .where(and(...conditions))
    .returning({ id: sessions.id });
  return revoked.length;
}

/** Drops sessions that ended before `before` (expired or revoked long ago). */
export async function deleteEndedSessions(ex: Executor, before: Date): Promise<number> {
  const gone = await ex
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)))
    .returning({ id: sessions.id });
  return gone.length;
}
