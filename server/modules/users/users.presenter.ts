import type { User } from '../../../common/contracts/users.js';
import type { UserRow } from '../../db/schema/users.js';

/** users row → contract `user` (never the hash or counters). */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    role: row.role,
    dispatchArea: row.dispatchArea,
    active: row.active,
    twoFactor: false,
    lockedUntil: row.lockedUntil ? row.lockedUntil.toISOString() : null,
    lastLoginAt: row.lastLoginAt ? row.lastLoginAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a user (no secrets, no counters). */
export function auditSnapshot(row: UserRow) {
  return {
    username: row.username,
    email: row.email,
    role: row.role,
    dispatchArea: row.dispatchArea,
    active: row.active,
  };
}
