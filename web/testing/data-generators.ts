import type { AuthState } from '@common/contracts/auth';
import type { User } from '@common/contracts/users';

let nextId = 100;

/** A user as GET /api/users answers it; unique id and username per call. */
export function buildUser(overrides: Partial<User> = {}): User {
  nextId += 1;
  const username = overrides.username ?? `user${nextId}`;
  return {
    id: nextId,
    username,
    email: `${username}@example.com`,
    role: 'biller',
    dispatchArea: null,
    active: true,
    twoFactor: false,
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
    ...overrides,
  };
}

/** GET /api/auth/me for `user`, with a session far from its end unless told otherwise. */
export function buildAuthState(user: User, session: Partial<AuthState['session']> = {}): AuthState {
  const now = Date.now();
  return {
    user,
    csrfToken: `csrf-${user.id}`,
    session: {
      expiresAt: new Date(now + 60 * 60_000).toISOString(),
      idleExpiresAt: new Date(now + 30 * 60_000).toISOString(),
      ...session,
    },
  };
}
