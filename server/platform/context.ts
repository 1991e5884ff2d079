import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Role } from '../../common/roles.js';
import type { Clock } from './clock.js';

/** The signed-in user a request acts for. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  dispatchArea: string | null;
}

/** What a service needs to know about the request it serves. */
export interface RequestCtx {
  actor: Actor | null;
  requestId: string;
  ip: string;
  userAgent: string | null;
  log: FastifyBaseLogger;
  clock: Clock;
}

export function ctxFrom(request: FastifyRequest): RequestCtx {
  const agent = request.headers['user-agent'];
  return {
    actor: request.actor ?? null,
    requestId: request.id,
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
    log: request.log,
    clock: request.server.clock,
  };
}

/** The actor of a route that requires sign-in (the auth hook guarantees one). */
export function actorOf(ctx: RequestCtx): Actor {
  if (!ctx.actor) {
    throw new Error('actorOf called on a request without a signed-in user');
  }
  return ctx.actor;
}
