import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthState, ChangePasswordBody, LoginBody } from '../../../common/contracts/auth.js';
import { normaliseUsername } from '../../../common/validation.js';
import type { SessionRow } from '../../db/schema/sessions.js';
import type { UserRow } from '../../db/schema/users.js';
import { ctxFrom } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { perMinuteLimit } from '../../platform/rate-limit.js';
import { errorResponses, NoContent } from '../../platform/route-schema.js';
import { presentUser } from '../users/users.presenter.js';
import type { AuthService } from './auth.service.js';
import { SESSION_COOKIE } from './session-token.js';

export interface AuthRoutesOptions {
  deps: AppDeps;
  auth: AuthService;
}

function authState(user: UserRow, session: SessionRow) {
  return {
    user: presentUser(user),
    csrfToken: session.csrfToken,
    session: {
      expiresAt: session.expiresAt.toISOString(),
      idleExpiresAt: session.idleExpiresAt.toISOString(),
    },
  };
}

function signedIn(request: FastifyRequest): { user: UserRow; session: SessionRow } {
  if (!request.user || !request.session) {
    throw new Error('route reached without requireAuth');
  }
  return { user: request.user, session: request.session };
}

const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, { deps, auth }) => {
  const cfg = deps.config;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: cfg.secureTransport,
  };
  const perIp = perMinuteLimit(app, { max: cfg.LOGIN_RATE_PER_IP, key: (r) => `login-ip:${r.ip}` });
  const perUsername = perMinuteLimit(app, {
    max: cfg.LOGIN_RATE_PER_USERNAME,
    key: (r) => {
      const body = r.body as { username?: unknown } | undefined;
      const username = typeof body?.username === 'string' ? body.username : '';
      return `login-user:${normaliseUsername(username)}`;
    },
  });

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: LoginBody,
        response: { 200: AuthState, ...errorResponses(400, 401, 423, 429) },
      },
      onRequest: async (request) => perIp(request),
      preHandler: async (request) => perUsername(request),
    },
    async (request, reply: FastifyReply) => {
      const { user, session, token } = await auth.login(ctxFrom(request), request.body);
      void reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        maxAge: cfg.SESSION_ABSOLUTE_MINUTES * 60,
      });
      return authState(user, session);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        response: { 204: NoContent, ...errorResponses(401, 403) },
      },
      onRequest: app.requireAuth(),
    },
    async (request, reply) => {
      await auth.logout(ctxFrom(request), signedIn(request).session.id);
      void reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: AuthState, ...errorResponses(401) },
      },
      onRequest: app.requireAuth(),
    },
    async (request) => {
      const { user, session } = signedIn(request);
      return authState(user, session);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change own password; ends your other sessions',
        body: ChangePasswordBody,
        response: { 204: NoContent, ...errorResponses(400, 401, 403) },
      },
      onRequest: app.requireAuth(),
    },
    async (request, reply) => {
      const { user, session } = signedIn(request);
      await auth.changePassword(ctxFrom(request), {
        userId: user.id,
        sessionId: session.id,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );
};

export default authRoutes;
