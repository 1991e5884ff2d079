import { describePasswordProblems, passwordProblems } from '../../../common/password-policy.js';
import { normaliseUsername } from '../../../common/validation.js';
import type { SessionRow } from '../../db/schema/sessions.js';
import type { UserRow } from '../../db/schema/users.js';
import { randomToken } from '../../platform/clock.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import * as credentials from './credentials.repository.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password-hash.js';
import { createSessionCache, userIdOfPayload } from './session-cache.js';
import * as sessionsRepo from './sessions.repository.js';
import { newSessionToken, sessionIdOf } from './session-token.js';

const MINUTE = 60_000;
/** Idle deadlines move at most once per this many ms, sparing a write on every request. */
const TOUCH_EVERY_MS = 30_000;
/** The channel of the session-invalidation triggers (migration 0007). */
export const AUTH_CHANNEL = 'tt_auth';
const SESSION_CACHE_MAX_ENTRIES = 20_000;

export interface LoginResult {
  user: UserRow;
  session: SessionRow;
  token: string;
}

export interface Authenticated {
  user: UserRow;
  session: SessionRow;
}

export const actorOfUser = (user: UserRow): Actor => ({
  id: user.id,
  username: user.username,
  role: user.role,
  dispatchArea: user.dispatchArea,
});

export function createAuthService(deps: AppDeps) {
  const { db } = deps.database;
  const cfg = deps.config;
  // Off until the invalidation feed is listening (watchChanges): never trust what cannot be told.
  let cache = createSessionCache({ ttlMs: 0, maxEntries: 0 });

  /**
   * Ends every live session of a user but `keepId`, inside the caller's transaction. The cache
   * forgets the user at once here; the trigger's NOTIFY does so everywhere at commit.
   */
  async function endUserSessions(
    ex: Parameters<typeof sessionsRepo.revokeUserSessions>[0],
    args: { userId: number; reason: string; at: Date; keepId?: string },
  ) {
    cache.forgetUser(args.userId);
    return sessionsRepo.revokeUserSessions(ex, args);
  }

  /** A user's cached sessions are dropped (call where a user row changes). */
  function forgetUser(userId: number) {
    cache.forgetUser(userId);
  }

  /**
   * Turns the session cache on and keeps it honest: LISTENs on `tt_auth` (every instance hears
   * every revocation), and empties it whenever the LISTEN is (re-)established. Without LISTEN the
   * cache stays off. Answers the UNLISTEN.
   */
  async function watchChanges(): Promise<() => Promise<void>> {
    const ttlMs = cfg.SESSION_CACHE_SECONDS * 1000;
    if (!deps.database.listen || ttlMs <= 0) {
      return async () => undefined;
    }
    const live = createSessionCache({ ttlMs, maxEntries: SESSION_CACHE_MAX_ENTRIES });
    const unlisten = await deps.database.listen(
      AUTH_CHANNEL,
      (payload) => {
        const userId = userIdOfPayload(payload);
        if (userId === null) {
          live.clear();
        } else {
          live.forgetUser(userId);
        }
      },
      () => live.clear(),
    );
    cache = live;
    return async () => {
      cache = createSessionCache({ ttlMs: 0, maxEntries: 0 });
      await unlisten();
    };
  }

  async function failLogin(
    ctx: RequestCtx,
    user: UserRow | undefined,
    username: string,
  ): Promise<never> {
    const at = deps.clock.now();
    const locked = await db.transaction(async (tx) => {
      await writeAudit(tx, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? username,
        after: { username },
        security: true,
        actor: user ? actorOfUser(user) : null,
      });
      if (!user) {
        return null;
      }
      const state = await credentials.recordFailedLogin(tx, {
        userId: user.id,
        at,
        maxFailures: cfg.LOGIN_MAX_FAILURES,
        lockUntil: new Date(at.getTime() + cfg.LOCKOUT_MINUTES * MINUTE),
      });
      const justLocked =
        state.lockedUntil !== null &&
        state.lockedUntil > at &&
        state.failedLogins >= cfg.LOGIN_MAX_FAILURES;
      if (justLocked) {
        await writeAudit(tx, ctx, {
          action: 'auth.account_locked',
          entityType: 'user',
          entityId: user.id,
          after: { lockedUntil: state.lockedUntil, failedLogins: state.failedLogins },
          security: true,
          actor: actorOfUser(user),
        });
      }
      return justLocked ? state.lockedUntil : null;
    });
    if (locked) {
      ctx.log.warn({ userId: user?.id }, 'account locked after repeated failed sign-ins');
    }
    throw new AppError('AUTH_INVALID', 'Wrong username or password.');
  }

  /**
   * Signs a user in and opens a session.
   * @throws AUTH_INVALID (unknown user, inactive user or wrong password — one answer), ACCOUNT_LOCKED
   */
  async function login(
    ctx: RequestCtx,
    input: { username: string; password: string },
  ): Promise<LoginResult> {
    const username = normaliseUsername(input.username);
    const user = await credentials.findUserByUsername(db, username);
    const now = deps.clock.now();
    if (user?.lockedUntil && user.lockedUntil > now) {
      await writeAudit(db, ctx, {
        action: 'auth.login_locked',
        entityType: 'user',
        entityId: user.id,
        security: true,
        actor: actorOfUser(user),
      });
      throw new AppError(
        'ACCOUNT_LOCKED',
        'This account is locked after repeated failed sign-ins.',
        {
          lockedUntil: user.lockedUntil.toISOString(),
        },
        { 'Retry-After': String(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000)) },
      );
    }
    const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      return failLogin(ctx, user && user.active ? user : undefined, username);
    }
    return db.transaction(async (tx) => {
      await credentials.recordSuccessfulLogin(tx, user.id, now);
      const token = newSessionToken();
      const expiresAt = new Date(now.getTime() + cfg.SESSION_ABSOLUTE_MINUTES * MINUTE);
      const idle = new Date(now.getTime() + cfg.SESSION_IDLE_MINUTES * MINUTE);
      const session = await sessionsRepo.insertSession(tx, {
        id: sessionIdOf(token, deps.sessionSecret),
        userId: user.id,
        csrfToken: randomToken(24),
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        idleExpiresAt: idle < expiresAt ? idle : expiresAt,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      const actor = actorOfUser(user);
      await writeAudit(
        tx,
        { ...ctx, actor },
        { action: 'auth.login', entityType: 'user', entityId: user.id, security: true },
      );
      return {
        user: { ...user, failedLogins: 0, lockedUntil: null, lastLoginAt: now },
        session,
        token,
      };
    });
  }

  /**
   * Resolves a session token to its user, moving the idle deadline forward.
   * @throws AUTH_REQUIRED (unknown or logged-out session), SESSION_EXPIRED (timed out or revoked)
   */
  async function authenticate(token: string): Promise<Authenticated> {
    const id = sessionIdOf(token, deps.sessionSecret);
    const now = deps.clock.now();
    const cached = cache.get(id, now.getTime());
    // A cached entry serves only while it is valid and needs no touch; anything else (a refusal
    // included) is decided on what the database says now.
    if (cached && isLive(cached, now) && !touchDue(cached.session, now)) {
      return cached;
    }
    const generation = cache.generation;
    const found = await sessionsRepo.findSessionWithUser(deps.database, id);
    if (!found) {
      throw new AppError('AUTH_REQUIRED', 'Please sign in.');
    }
    const { session, user } = found;
    if (!isLive(found, now)) {
      throw new AppError('SESSION_EXPIRED', 'Your session has ended; please sign in again.', {
        reason: session.revokedReason ?? (user.active ? 'timeout' : 'deactivated'),
      });
    }
    let result: Authenticated = found;
    if (touchDue(session, now)) {
      const idle = new Date(now.getTime() + cfg.SESSION_IDLE_MINUTES * MINUTE);
      const idleExpiresAt = idle < session.expiresAt ? idle : session.expiresAt;
      await sessionsRepo.touchSession(db, session.id, now, idleExpiresAt);
      result = { user, session: { ...session, lastSeenAt: now, idleExpiresAt } };
    }
    cache.set(id, result, now.getTime(), generation);
    return result;
  }

  /** Ends the current session (the cookie then answers AUTH_REQUIRED). */
  async function logout(ctx: RequestCtx, sessionId: string) {
    if (ctx.actor) {
      cache.forgetUser(ctx.actor.id);
    }
    await db.transaction(async (tx) => {
      await sessionsRepo.deleteSession(tx, sessionId);
      await writeAudit(tx, ctx, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: ctx.actor?.id,
        security: true,
      });
    });
  }

  /**
   * Changes the signed-in user's password and ends their other sessions.
   * @throws CURRENT_PASSWORD_WRONG, PASSWORD_POLICY
   */
  async function changePassword(
    ctx: RequestCtx,
    args: { userId: number; sessionId: string; currentPassword: string; newPassword: string },
  ) {
    const user = await credentials.findUserById(db, args.userId);
    if (!user || !(await verifyPassword(args.currentPassword, user.passwordHash))) {
      throw new AppError('CURRENT_PASSWORD_WRONG', 'The current password is wrong.');
    }
    assertPasswordPolicy(args.newPassword, user.role, user.username);
    if (args.newPassword === args.currentPassword) {
      throw new AppError('PASSWORD_POLICY', 'The new password must differ from the current one.', {
        problems: ['unchanged'],
      });
    }
    const hash = await hashPassword(args.newPassword);
    const at = deps.clock.now();
    await db.transaction(async (tx) => {
      await credentials.setPasswordHash(tx, user.id, hash, at);
      const ended = await endUserSessions(tx, {
        userId: user.id,
        reason: 'password_changed',
        at,
        keepId: args.sessionId,
      });
      await writeAudit(tx, ctx, {
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: user.id,
        after: { otherSessionsEnded: ended },
        security: true,
      });
    });
  }

  async function cleanupSessions(): Promise<number> {
    const cutoff = new Date(deps.clock.now().getTime() - 24 * 60 * MINUTE);
    return sessionsRepo.deleteEndedSessions(db, cutoff);
  }

  return {
    login,
    authenticate,
    logout,
    changePassword,
    endUserSessions,
    forgetUser,
    watchChanges,
    cleanupSessions,
  };
}

function isLive({ session, user }: Authenticated, now: Date): boolean {
  return (
    !session.revokedAt && user.active && now < session.expiresAt && now < session.idleExpiresAt
  );
}

function touchDue(session: SessionRow, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS;
}

export type AuthService = ReturnType<typeof createAuthService>;

/** @throws PASSWORD_POLICY naming what the password lacks */
export function assertPasswordPolicy(password: string, role: UserRow['role'], username?: string) {
  const problems = passwordProblems(password, role, username);
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', describePasswordProblems(problems, role), { problems });
  }
}
