import type { Executor } from '../../db/client.js';
import { auditLog } from '../../db/schema/audit.js';
import type { Actor, RequestCtx } from '../../platform/context.js';
import { anonymiseIp } from '../../platform/ip.js';

export interface AuditInput {
  /** `area.verb`, e.g. `user.create`, `auth.login_failed`, `security.denied`. */
  action: string;
  entityType?: string;
  entityId?: string | number;
  before?: object | null;
  after?: object | null;
  /** Security events and deletions are kept forever by the retention job. */
  security?: boolean;
  /** Who acted, when it is not the request's signed-in user (e.g. a sign-in attempt). */
  actor?: Actor | null;
}

const SECRET_KEY = /password|hash|secret|token|totp|csrf/i;

/** Copies a snapshot without any secret-looking field, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutSecrets);
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!SECRET_KEY.test(key)) {
        out[key] = withoutSecrets(inner);
      }
    }
    return out;
  }
  return value;
}

const snapshot = (value: object | null | undefined) =>
  value ? (withoutSecrets(value) as Record<string, unknown>) : null;

/**
 * Writes one audit row. Call it with the transaction of the change it records, so that the
 * change and its trail commit or roll back together.
 */
export async function writeAudit(executor: Executor, ctx: RequestCtx, input: AuditInput) {
  const actor = input.actor === undefined ? ctx.actor : input.actor;
  await executor.insert(auditLog).values({
    at: ctx.clock.now(),
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? null,
    actorRole: actor?.role ?? null,
    action: input.action,
    entityType: input.entityType ?? null,
    entityId: input.entityId === undefined ? null : String(input.entityId),
    before: snapshot(input.before),
    after: snapshot(input.after),
    security: input.security ?? false,
    ip: anonymiseIp(ctx.ip),
    requestId: ctx.requestId,
  });
}
