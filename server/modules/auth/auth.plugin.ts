import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
} from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_HEADER } from '../../../common/http.js';
import type { Role } from '../../../common/roles.js';
import type { SessionRow } from '../../db/schema/sessions.js';
import type { UserRow } from '../../db/schema/users.js';
import { ctxFrom, type Actor } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { waitAtMost } from '../../platform/bounded.js';
import { AppError } from '../../platform/errors.js';
import { writeAudit } from '../audit/audit-writer.js';
import { actorOfUser, type AuthService } from './auth.service.js';
import { plausibleToken, sameToken, SESSION_COOKIE } from './session-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
    user: UserRow | null;
  }
  interface FastifyInstance {
    /** onRequest hook: a signed-in user (any role, or one of `roles`), CSRF checked on writes. */
    requireAuth: (...roles: Role[]) => onRequestAsyncHookHandler;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthPluginOptions {
  deps: AppDeps;
  auth: AuthService;
}

/**
 * Authentication for every protected route, before the body is read: session cookie → user,
 * CSRF token on state-changing requests, role check. Denials are audited.
 */
export default fp(
  async (app: FastifyInstance, { deps, auth }: AuthPluginOptions) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('session', null);
    app.decorateRequest('user', null);

    async function deny(request: FastifyRequest, error: AppError, reason: string): Promise<never> {
      await writeAudit(deps.database.db, ctxFrom(request), {
        action: 'security.denied',
        entityType: 'route',
        entityId: `${request.method} ${request.routeOptions.url ?? request.url}`,
        after: { reason, code: error.code },
        security: true,
      });
      request.log.warn({ reason, code: error.code }, 'request denied');
      throw error;
    }

    app.decorate('requireAuth', (...roles: Role[]) => {
      return async function requireAuth(request: FastifyRequest, _reply: FastifyReply) {
        const token = request.cookies[SESSION_COOKIE];
        if (!plausibleToken(token)) {
          throw new AppError('AUTH_REQUIRED', 'Please sign in.');
        }
        const { user, session } = await auth.authenticate(token);
        request.user = user;
        request.session = session;
        request.actor = actorOfUser(user);
        if (!SAFE_METHODS.has(request.method)) {
          const sent = request.headers[CSRF_HEADER];
          if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
            await deny(
              request,
              new AppError('CSRF_INVALID', 'Missing or wrong X-CSRF-Token header.'),
              'csrf',
            );
          }
        }
        if (roles.length > 0 && !roles.includes(user.role)) {
          await deny(
            request,
            new AppError('FORBIDDEN', 'Your role may not do this.'),
            `role ${user.role}`,
          );
        }
      };
    });

    const stopWatching = await auth.watchChanges();
    // onClose, after the server has stopped: an UNLISTEN while streams are still being ended
    // (preClose) was seen to hold close() up. Bounded: a stuck LISTEN must not hold up shutdown.
    app.addHook('onClose', async () => {
      const stopped = stopWatching().catch((err: unknown) => {
        app.log.debug({ err }, 'unlisten failed');
      });
      await waitAtMost(stopped, 2_000);
    });

    const timer = setInterval(() => {
      auth
        .cleanupSessions()
        .catch((err: unknown) => app.log.warn({ err }, 'session cleanup failed'));
    }, 10 * 60_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);
