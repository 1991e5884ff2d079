import type {
  CreateUserBody,
  ListUsersQuery,
  PatchUserBody,
} from '../../../common/contracts/users.js';
import { PAGE_LIMIT_DEFAULT, normaliseUsername } from '../../../common/validation.js';
import type { Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { UserRow } from '../../db/schema/users.js';
import { actorOf, type RequestCtx } from '../../platform/context.js';
import { decodeCursor, encodeCursor, pageOf } from '../../platform/cursor.js';
import { lockRule } from '../../platform/db-locks.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, invalid, isAppError, notFound } from '../../platform/errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import { assertPasswordPolicy, type AuthService } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password-hash.js';
import { auditSnapshot, presentUser } from './users.presenter.js';
import { assertNotSelfHarm, resolveArea, sessionEndReason } from './users.policy.js';
import * as repo from './users.repository.js';

/** Largest users.id (a PostgreSQL integer). */
const MAX_USER_ID = 2_147_483_647;

/** The id a users cursor points below. @throws VALIDATION unless it is a possible user id */
function cursorId(cursor: string): number {
  const id = Number(decodeCursor(cursor, { id: 'number' }).id);
  if (id < 1 || id > MAX_USER_ID) {
    throw invalid('Malformed cursor.', { field: 'cursor' });
  }
  return id;
}

export function createUsersService(deps: AppDeps, auth: AuthService) {
  const { db } = deps.database;
  const cfg = deps.config;

  /** @throws AREA_FULL when the area already has its maximum of active dispatchers */
  async function assertAreaHasRoom(tx: Tx, area: string, exceptId?: number) {
    await lockRule(tx, `area:${area}`);
    const count = await repo.countActiveDispatchers(tx, area, exceptId);
    if (count >= cfg.MAX_DISPATCHERS_PER_AREA) {
      throw new AppError('AREA_FULL', `${area} already has ${count} active dispatchers.`, {
        area,
        max: cfg.MAX_DISPATCHERS_PER_AREA,
      });
    }
  }

  /** @throws LAST_ADMIN when `user` is the only active admin */
  async function assertAnotherAdmin(tx: Tx, user: UserRow) {
    await lockRule(tx, 'admins');
    if ((await repo.countOtherActiveAdmins(tx, user.id)) === 0) {
      throw new AppError('LAST_ADMIN', 'The last active admin cannot be demoted or deactivated.');
    }
  }

  async function assertEmailFree(tx: Tx, email: string | null | undefined, exceptId?: number) {
    if (email && (await repo.emailExists(tx, email, exceptId))) {
      throw new AppError('EMAIL_TAKEN', `Email ${email} is already in use.`, { field: 'email' });
    }
  }

  /** A refused self-edit is a denied attempt, and every one is audited (SPEC §3). */
  async function auditSelfHarm(ctx: RequestCtx, id: number, error: unknown) {
    if (
      isAppError(error) &&
      (error.code === 'SELF_ROLE_CHANGE' || error.code === 'SELF_DEACTIVATE')
    ) {
      await writeAudit(db, ctx, {
        action: 'security.denied',
        entityType: 'user',
        entityId: id,
        after: { reason: 'own account', code: error.code },
        security: true,
      });
      ctx.log.warn({ code: error.code }, 'request denied');
    }
  }

  function mapUniqueViolation(error: unknown): never {
    if (isUniqueViolation(error, 'users_username_key')) {
      throw new AppError('USERNAME_TAKEN', 'That username is taken.', { field: 'username' });
    }
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new AppError('EMAIL_TAKEN', 'That email is already in use.', { field: 'email' });
    }
    throw error;
  }

  /**
   * Creates a user (admin).
   * @throws USERNAME_TAKEN, EMAIL_TAKEN, AREA_REQUIRED, AREA_FULL, PASSWORD_POLICY, VALIDATION
   */
  async function create(ctx: RequestCtx, input: CreateUserBody) {
    const username = normaliseUsername(input.username);
    const area = resolveArea({
      role: input.role,
      requested: input.dispatchArea,
      current: null,
      areas: cfg.DISPATCH_AREAS,
    });
    assertPasswordPolicy(input.password, input.role, username);
    const passwordHash = await hashPassword(input.password);
    const now = deps.clock.now();
    try {
      const row = await db.transaction(async (tx) => {
        if (await repo.usernameExists(tx, username)) {
          throw new AppError('USERNAME_TAKEN', `Username ${username} is taken.`, {
            field: 'username',
          });
        }
        await assertEmailFree(tx, input.email);
        if (area) {
          await assertAreaHasRoom(tx, area);
        }
        const created = await repo.insertUser(tx, {
          username,
          email: input.email,
          passwordHash,
          role: input.role,
          dispatchArea: area,
          createdAt: now,
          updatedAt: now,
        });
        await writeAudit(tx, ctx, {
          action: 'user.create',
          entityType: 'user',
          entityId: created.id,
          after: auditSnapshot(created),
        });
        return created;
      });
      return presentUser(row);
    } catch (error) {
      return mapUniqueViolation(error);
    }
  }

  /**
   * Edits a user (admin): email, role, area, active, password. Role, area, active and password
   * changes end the user's sessions, except the one making the change (an admin's own password).
   * @throws USER_NOT_FOUND, SELF_ROLE_CHANGE, SELF_DEACTIVATE, LAST_ADMIN, AREA_REQUIRED, AREA_FULL,
   *   EMAIL_TAKEN, PASSWORD_POLICY, VALIDATION
   */
  async function update(
    ctx: RequestCtx,
    id: number,
    input: PatchUserBody,
    currentSessionId?: string,
  ) {
    const actor = actorOf(ctx);
    const passwordHash = input.password === undefined ? undefined : await hashWhenValid(id, input);
    try {
      const row = await db.transaction(async (tx) => {
        const before = await repo.findByIdForUpdate(tx, id);
        if (!before) {
          throw notFound('user', id);
        }
        assertNotSelfHarm({
          actorId: actor.id,
          targetId: id,
          currentRole: before.role,
          role: input.role,
          active: input.active,
        });
        const role = input.role ?? before.role;
        const active = input.active ?? before.active;
        const area = resolveArea({
          role,
          requested: input.dispatchArea,
          current: before.dispatchArea,
          areas: cfg.DISPATCH_AREAS,
        });
        if (before.role === 'admin' && before.active && (role !== 'admin' || !active)) {
          await assertAnotherAdmin(tx, before);
        }
        const joinsArea =
          area &&
          active &&
          !(before.active && before.dispatchArea === area && before.role === role);
        if (joinsArea) {
          await assertAreaHasRoom(tx, area, id);
        }
        if (input.email !== undefined && input.email !== before.email) {
          await assertEmailFree(tx, input.email, id);
        }
        const now = deps.clock.now();
        auth.forgetUser(id);
        const after = await repo.updateUser(tx, id, {
          role,
          active,
          dispatchArea: area,
          ...(input.email === undefined ? {} : { email: input.email }),
          ...(passwordHash ? { passwordHash } : {}),
          updatedAt: now,
        });
        const reason = sessionEndReason({
          roleChanged: role !== before.role,
          areaChanged: area !== before.dispatchArea,
          deactivated: before.active && !active,
          passwordChanged: passwordHash !== undefined,
        });
        const keepId = actor.id === id ? currentSessionId : undefined;
        const ended = reason
          ? await auth.endUserSessions(tx, {
              userId: id,
              reason,
              at: now,
              ...(keepId ? { keepId } : {}),
            })
          : 0;
        await writeAudit(tx, ctx, {
          action: input.active === false && before.active ? 'user.deactivate' : 'user.update',
          entityType: 'user',
          entityId: id,
          before: auditSnapshot(before),
          // not `passwordChanged`: the audit writer drops every key that looks like a secret
          after: {
            ...auditSnapshot(after),
            credentialsReset: passwordHash !== undefined,
            sessionsEnded: ended,
          },
          security: reason !== null,
        });
        return after;
      });
      return presentUser(row);
    } catch (error) {
      await auditSelfHarm(ctx, id, error);
      return mapUniqueViolation(error);
    }
  }

  /** Checks the new password against the policy of the role the user will have. */
  async function hashWhenValid(id: number, input: PatchUserBody): Promise<string> {
    const current = await repo.findById(db, id);
    if (!current) {
      throw notFound('user', id);
    }
    assertPasswordPolicy(input.password ?? '', input.role ?? current.role, current.username);
    return hashPassword(input.password ?? '');
  }

  /** Clears a sign-in lock. @throws USER_NOT_FOUND */
  async function unlock(ctx: RequestCtx, id: number) {
    const row = await db.transaction(async (tx) => {
      const before = await repo.findByIdForUpdate(tx, id);
      if (!before) {
        throw notFound('user', id);
      }
      const after = await repo.updateUser(tx, id, {
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: deps.clock.now(),
      });
      await writeAudit(tx, ctx, {
        action: 'user.unlock',
        entityType: 'user',
        entityId: id,
        before: { lockedUntil: before.lockedUntil, failedLogins: before.failedLogins },
        after: { lockedUntil: null, failedLogins: 0 },
        security: true,
      });
      return after;
    });
    return presentUser(row);
  }

  /** @throws USER_NOT_FOUND */
  async function get(id: number) {
    const row = await repo.findById(db, id);
    if (!row) {
      throw notFound('user', id);
    }
    return presentUser(row);
  }

  /** @throws VALIDATION on a malformed cursor */
  async function list(query: ListUsersQuery) {
    const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
    const beforeId = query.cursor ? cursorId(query.cursor) : undefined;
    const rows = await repo.listUsers(
      db,
      { ...query, q: query.q?.trim().toLowerCase() || undefined, beforeId },
      limit,
    );
    return pageOf(rows, limit, presentUser, (row) => encodeCursor({ id: row.id }));
  }

  return { create, update, unlock, get, list };
}

export type UsersService = ReturnType<typeof createUsersService>;
