import { and, desc, eq, ilike, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users, type NewUserRow, type UserRow } from '../../db/schema/users.js';
import type { Role } from '../../../common/roles.js';

export async function findById(ex: Executor, id: number): Promise<UserRow | undefined> {
  const [row] = await ex.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** The row locked for update, so rule checks and the write see one state. */
export async function findByIdForUpdate(ex: Executor, id: number): Promise<UserRow | undefined> {
  const [row] = await ex.select().from(users).where(eq(users.id, id)).for('update').limit(1);
  return row;
}

export async function usernameExists(ex: Executor, username: string): Promise<boolean> {
  const [row] = await ex
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return row !== undefined;
}

export async function emailExists(
  ex: Executor,
  email: string,
  exceptId?: number,
): Promise<boolean> {
  const conditions: SQL[] = [sql`lower(${users.email}) = lower(${email})`];
  if (exceptId !== undefined) {
    conditions.push(ne(users.id, exceptId));
  }
  const [row] = await ex
    .select({ id: users.id })
    .from(users)
    .where(and(...conditions))
    .limit(1);
  return row !== undefined;
}

export async function insertUser(ex: Executor, row: NewUserRow): Promise<UserRow> {
  const [created] = await ex.insert(users).values(row).returning();
  if (!created) {
    throw new Error('user insert returned nothing');
  }
  return created;
}

export async function updateUser(
  ex: Executor,
  id: number,
  patch: Partial<NewUserRow>,
): Promise<UserRow> {
  const [updated] = await ex.update(users).set(patch).where(eq(users.id, id)).returning();
  if (!updated) {
    throw new Error(`user ${id} vanished during update`);
  }
  return updated;
}

/** Active dispatchers in an area, not counting `exceptId`. */
export async function countActiveDispatchers(
  ex: Executor,
  area: string,
  exceptId?: number,
): Promise<number> {
  const conditions = [
    eq(users.role, 'dispatcher'),
    eq(users.dispatchArea, area),
    eq(users.active, true),
  ];
  if (exceptId !== undefined) {
    conditions.push(ne(users.id, exceptId));
  }
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(...conditions));
  return row?.n ?? 0;
}

/** Active admins other than `exceptId`. */
export async function countOtherActiveAdmins(ex: Executor, exceptId: number): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)));
  return row?.n ?? 0;
}

export async function anyAdminExists(ex: Executor): Promise<boolean> {
  const [row] = await ex
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, 'admin'))
    .limit(1);
  return row !== undefined;
}

export interface UserFilters {
  role?: Role | undefined;
  area?: string | undefined;
  active?: boolean | undefined;
  q?: string | undefined;
  beforeId?: number | undefined;
}

/** Newest first, keyset on id; `limit + 1` rows tell whether another page exists. */
export async function listUsers(
  ex: Executor,
  filters: UserFilters,
  limit: number,
): Promise<UserRow[]> {
  const conditions: SQL[] = [];
  if (filters.role) {
    conditions.push(eq(users.role, filters.role));
  }
  if (filters.area) {
    conditions.push(eq(users.dispatchArea, filters.area));
  }
  if (filters.active !== undefined) {
    conditions.push(eq(users.active, filters.active));
  }
  if (filters.q) {
    const prefix = `${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(users.username, prefix), ilike(users.email, prefix));
    if (match) {
      conditions.push(match);
    }
  }
  if (filters.beforeId !== undefined) {
    conditions.push(lt(users.id, filters.beforeId));
  }
  return ex
    .select()
    .from(users)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(users.id))
    .limit(limit + 1);
}
