import { randomBytes } from 'node:crypto';
import type { Role } from '../../common/roles.js';
import type { Database } from '../db/client.js';
import { users, type UserRow } from '../db/schema/users.js';
import { hashPassword } from '../modules/auth/password-hash.js';

export const TEST_PASSWORD = 'Str0ng!Passw0rd-x';
let cachedHash: Promise<string> | undefined;

/** A name no other test (or worker) uses. */
export function uniqueName(prefix = 'u'): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

export interface UserOverrides {
  role?: Role;
  dispatchArea?: string | null;
  username?: string;
  email?: string | null;
  active?: boolean;
  password?: string;
}

/** Inserts a user directly (fast path for arranging tests); password TEST_PASSWORD by default. */
export async function createUser(
  database: Database,
  overrides: UserOverrides = {},
): Promise<UserRow> {
  const role = overrides.role ?? 'biller';
  const username = overrides.username ?? uniqueName(role.slice(0, 1));
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = overrides.password
    ? await hashPassword(overrides.password)
    : await cachedHash;
  const [row] = await database.db
    .insert(users)
    .values({
      username,
      email: overrides.email === undefined ? `${username}@example.test` : overrides.email,
      passwordHash,
      role,
      dispatchArea: role === 'dispatcher' ? (overrides.dispatchArea ?? 'lucknow') : null,
      active: overrides.active ?? true,
    })
    .returning();
  if (!row) {
    throw new Error('createUser inserted nothing');
  }
  return row;
}
