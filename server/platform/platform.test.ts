import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loginAs } from '../test/auth.js';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { createUser, TEST_PASSWORD } from '../test/factories.js';

describe('HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.app.close());

  it('echoes a well-formed X-Request-ID and the error body carries it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-request-id': 'scanner-7.abc' },
    });

    expect(res.headers['x-request-id']).toBe('scanner-7.abc');
    expect(res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route GET /api/nope.', details: {} },
      requestId: 'scanner-7.abc',
    });
  });

  it('replaces a malformed X-Request-ID with its own', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id <script>' },
    });

    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the security headers of SPEC §10 and no HSTS outside production', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });

    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends the security headers on error answers too, and no-store on the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-route' });

    expect(res.statusCode).toBe(404);
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sends HSTS and Secure cookies when served over HTTPS', async () => {
    const https = await buildTestApp({ env: { TRUST_PROXY_HTTPS: 'true' } });
    const user = await createUser(https.database);

    const res = await https.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });

    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(res.cookies.find((c) => c.name === 'tt_session')?.secure).toBe(true);
    await https.app.close();
  });

  it('answers 400 VALIDATION for malformed JSON and for an empty body where one is required', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });

    expect(malformed.statusCode).toBe(400);
    expect(errorCode(malformed)).toBe('VALIDATION');
    expect(empty.statusCode).toBe(400);
    expect(errorCode(empty)).toBe('VALIDATION');
  });

  it('treats an empty JSON body as no body on a route that takes none (logout)', async () => {
    const user = await createUser(t.database);
    const session = await loginAs(t.app, user.username);

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'content-type': 'application/json',
      },
      payload: '',
    });

    expect(res.statusCode).toBe(204);
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a body that is not JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'username=admin',
    });

    expect(res.statusCode).toBe(415);
    expect(errorCode(res)).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 413 PAYLOAD_TOO_LARGE past BODY_LIMIT_BYTES', async () => {
    const small = await buildTestApp({ env: { BODY_LIMIT_BYTES: '1024' } });

    const res = await small.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y'.repeat(2000) },
    });

    expect(res.statusCode).toBe(413);
    expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
    await small.app.close();
  });

  it('answers NOT_FOUND in the error body for unknown routes and methods', async () => {
    const unknown = await t.app.inject({ method: 'DELETE', url: '/api/auth/me' });

    expect(unknown.statusCode).toBe(404);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('serves the OpenAPI document generated from the route schemas, and the reference page', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });

    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/me',
        '/api/users',
        '/api/users/{id}',
        '/api/audit',
        '/api/health',
      ]),
    );
    expect(
      spec.paths['/api/users'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(expect.arrayContaining(['username', 'email', 'password', 'role']));
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});

describe('health', () => {
  it('GET /health answers ok and GET /api/health reports the database', async () => {
    const t = await buildTestApp();

    const live = await t.app.inject({ method: 'GET', url: '/health' });
    const ready = await t.app.inject({ method: 'GET', url: '/api/health' });

    expect(live.json()).toEqual({ status: 'ok' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', db: { ok: true } });
    await t.app.close();
  });

  it('GET /api/health answers 503 degraded when the database is unreachable', async () => {
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const postgres = (await import('postgres')).default;
    const client = postgres('postgres://nobody@127.0.0.1:1/none', { max: 1, connect_timeout: 1 });
    const unreachable = {
      db: drizzle({ client }) as never,
      kind: 'postgres' as const,
      location: '127.0.0.1:1/none',
      poolSize: 1,
      close: () => client.end({ timeout: 1 }),
      query: async <T>(text: string) => (await client.unsafe(text)) as unknown as T[],
    };
    const t = await buildTestApp({ database: unreachable });

    const res = await t.app.inject({ method: 'GET', url: '/api/health' });

    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', db: { ok: false } });
    await t.app.close();
    await unreachable.close();
  });
});

describe('web app serving', () => {
  it('serves index.html for client routes and assets, but JSON 404 for unknown API paths', async () => {
    const webDir = await mkdtemp(join(tmpdir(), 'tt-web-'));
    await mkdir(join(webDir, 'assets'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>TraceTrack</title>');
    await writeFile(join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    const t = await buildTestApp({ env: { WEB_DIR: webDir } });

    const page = await t.app.inject({ method: 'GET', url: '/users/12' });
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });

    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>TraceTrack</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(api.statusCode).toBe(404);
    expect(errorCode(api)).toBe('NOT_FOUND');
    await t.app.close();
  });
});
