import { and, eq, isNull, lt, ne, or } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { sessions, type SessionRow } from '../../db/schema/sessions.js';
import type { UserRow } from '../../db/schema/users.js';

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

const SESSION_WITH_USER = `select s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at,
  s.idle_expires_at, s.expires_at, s.revoked_at, s.revoked_reason, s.ip, s.user_agent,
  u.username, u.email, u.password_hash, u.role, u.dispatch_area, u.active, u.failed_logins,
  u.locked_until, u.last_login_at, u.created_at as user_created_at, u.updated_at as user_updated_at
  from sessions s join users u on u.id = s.user_id where s.id = $1`;

interface SessionUserRow {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Date | string;
  last_seen_at: Date | string;
  idle_expires_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  revoked_reason: string | null;
  ip: string | null;
  user_agent: string | null;
  username: string;
  email: string | null;
  password_hash: string;
  role: UserRow['role'];
  dispatch_area: string | null;
  active: boolean;
  failed_logins: number;
  locked_until: Date | string | null;
  last_login_at: Date | string | null;
  user_created_at: Date | string;
  user_updated_at: Date | string;
}

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const maybeDate = (value: Date | string | null) => (value === null ? null : date(value));

/**
 * The session and its user in one round trip — on every authenticated request, so it is a
 * prepared statement (Database.query) rather than a query-builder call.
 */
export async function findSessionWithUser(
  database: Database,
  id: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await database.query<SessionUserRow>(SESSION_WITH_USER, [id]);
  if (!row) {
    return undefined;
  }
  const session: SessionRow = {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: date(row.created_at),
    lastSeenAt: date(row.last_seen_at),
    idleExpiresAt: date(row.idle_expires_at),
    expiresAt: date(row.expires_at),
    revokedAt: maybeDate(row.revoked_at),
    revokedReason: row.revoked_reason,
    ip: row.ip,
    userAgent: row.user_agent,
  };
  const user: UserRow = {
    id: row.user_id,
    username: row.username,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role,
    dispatchArea: row.dispatch_area,
    active: row.active,
    failedLogins: row.failed_logins,
    lockedUntil: maybeDate(row.locked_until),
    lastLoginAt: maybeDate(row.last_login_at),
    createdAt: date(row.user_created_at),
    updatedAt: date(row.user_updated_at),
  };
  return { session, user };
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
