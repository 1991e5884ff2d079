import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { TEST_PASSWORD } from './factories.js';

export interface TestSession {
  cookie: string;
  csrfToken: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Signs in through the API and keeps the cookie and CSRF token. */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<TestSession> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) {
    throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  }
  const cookie = res.cookies.find((c) => c.name === 'tt_session');
  if (!cookie) {
    throw new Error('login set no session cookie');
  }
  return {
    cookie: `tt_session=${cookie.value}`,
    csrfToken: res.json<{ csrfToken: string }>().csrfToken,
  };
}

/** A request as a signed-in user: cookie always, CSRF header on writes unless `csrf: false`. */
export function as(app: FastifyInstance, session: TestSession) {
  return (
    method: Method,
    url: string,
    payload?: InjectOptions['payload'],
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> => {
    const headers: Record<string, string> = { cookie: session.cookie, ...options.headers };
    if (method !== 'GET' && options.csrf !== false) {
      headers['x-csrf-token'] = session.csrfToken;
    }
    return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  };
}

/** The error code of an API error answer. */
export function errorCode(res: LightMyRequestResponse): string | undefined {
  return res.json<{ error?: { code?: string } }>().error?.code;
}
