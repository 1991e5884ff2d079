import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import { actorOf, type RequestCtx } from './context.js';
import { anonymiseIp } from './ip.js';
import { functionError } from './rule-errors.js';

/**
 * Calling the one-round-trip SQL functions (migrations 0002, 0005): the request context they
 * read as `p_ctx`, the body hash for idempotency, and their answers turned into results or errors.
 */
export function functionCtx(
  ctx: RequestCtx,
  env: { clock: Clock; config: Pick<Config, 'TIME_ZONE'> },
  station?: string,
) {
  const actor = actorOf(ctx);
  return {
    user_id: actor.id,
    username: actor.username,
    role: actor.role,
    area: actor.dispatchArea,
    station: station?.trim() || null,
    ip: anonymiseIp(ctx.ip),
    request_id: ctx.requestId,
    now: env.clock.now().toISOString(),
    tz: env.config.TIME_ZONE,
  };
}

/** What an idempotent function answers: the first answer, and whether this call replayed it. */
export interface FunctionAnswer {
  replay: boolean;
  result: Record<string, unknown> & { error?: string; details?: Record<string, unknown> };
  /** Live events of the committed change (absent on a replay); publish them. */
  events?: unknown[];
}

/** Bodies are compared after code normalisation (SPEC §4): hash the normalised fields. */
export function bodyHash(parts: Array<string | boolean | null | undefined>): string {
  return createHash('sha256')
    .update(JSON.stringify(parts.map((p) => p ?? null)))
    .digest('base64url');
}

/** A function's result, or the AppError its rule answer stands for. */
export function unwrapResult<T>(
  result: Record<string, unknown> & { error?: unknown; details?: unknown },
): T {
  if (typeof result.error === 'string') {
    throw functionError(result.error, (result.details ?? {}) as Record<string, unknown>);
  }
  return result as T;
}

/** Refusals answered from a stored first answer: audited when first answered, not again. */
const replayedRefusals = new WeakSet<Error>();

/** `unwrapResult` of a whole answer, remembering when a refusal is a replay. */
export function unwrapAnswer<T>(answer: FunctionAnswer): T {
  try {
    return unwrapResult<T>(answer.result);
  } catch (error) {
    if (answer.replay && error instanceof Error) {
      replayedRefusals.add(error);
    }
    throw error;
  }
}

export const isReplayedRefusal = (error: unknown): boolean =>
  error instanceof Error && replayedRefusals.has(error);
