import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiError, api, setCsrfToken } from '@/lib/api-client';
import { getSessionEnded } from '@/lib/session';
import { errorResponse, TEST_REQUEST_ID } from '@/testing/msw/handlers';
import { server } from '@/testing/msw/server';

async function catchError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('api-client errors', () => {
  it('turns the API error body into an ApiError with code, message, status, requestId and details', async () => {
    server.use(
      http.post('/api/scans/child', () =>
        errorResponse(409, 'CHILD_IN_OTHER_PARENT', { parent: 'SB12260' }),
      ),
    );

    const error = await catchError(api.post('/api/scans/child', { qr: '0016586' }));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('CHILD_IN_OTHER_PARENT');
    expect(error.message).toBe('Server says CHILD_IN_OTHER_PARENT');
    expect(error.status).toBe(409);
    expect(error.requestId).toBe(TEST_REQUEST_ID);
    expect(error.details).toEqual({ parent: 'SB12260' });
  });

  it('reads Retry-After of a RATE_LIMITED answer', async () => {
    server.use(
      http.post('/api/auth/login', () =>
        errorResponse(429, 'RATE_LIMITED', undefined, { 'Retry-After': '42' }),
      ),
    );

    const error = await catchError(api.post('/api/auth/login', {}));

    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(42);
  });

  it('gives a non-JSON gateway failure a code from its status and the X-Request-ID header', async () => {
    server.use(
      http.get(
        '/api/stats',
        () =>
          new HttpResponse('<html>Bad gateway</html>', {
            status: 502,
            headers: { 'Content-Type': 'text/html', 'X-Request-ID': 'req-proxy' },
          }),
      ),
    );

    const error = await catchError(api.get('/api/stats'));

    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.status).toBe(502);
    expect(error.requestId).toBe('req-proxy');
  });

  it('reports a failed connection as NETWORK', async () => {
    server.use(http.get('/api/stats', () => HttpResponse.error()));

    const error = await catchError(api.get('/api/stats'));

    expect(error.code).toBe('NETWORK');
    expect(error.status).toBe(0);
  });

  it('records that the session ended on 401 SESSION_EXPIRED', async () => {
    server.use(http.get('/api/bags', () => errorResponse(401, 'SESSION_EXPIRED')));

    await catchError(api.get('/api/bags'));

    expect(getSessionEnded()).toBe('SESSION_EXPIRED');
  });
});

describe('api-client requests', () => {
  it('sends the CSRF token on POST, PATCH and DELETE but not on GET', async () => {
    const seen: Record<string, string | null> = {};
    server.use(
      http.all('/api/things', ({ request }) => {
        seen[request.method] = request.headers.get('X-CSRF-Token');
        return request.method === 'DELETE'
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json({ ok: true });
      }),
    );
    setCsrfToken('token-123');

    await api.get('/api/things');
    await api.post('/api/things', { a: 1 });
    await api.patch('/api/things', { a: 2 });
    await api.delete('/api/things');

    expect(seen).toEqual({ GET: null, POST: 'token-123', PATCH: 'token-123', DELETE: 'token-123' });
  });

  it('sends JSON bodies and query parameters, skipping empty ones', async () => {
    let url = '';
    let body: unknown = null;
    server.use(
      http.post('/api/things', async ({ request }) => {
        url = request.url;
        body = await request.json();
        return HttpResponse.json({ id: 7 }, { status: 201 });
      }),
    );

    const answer = await api.post<{ id: number }>(
      '/api/things',
      { name: 'SB12260' },
      { params: { role: 'admin', q: '', area: undefined, active: false } },
    );

    expect(answer).toEqual({ id: 7 });
    expect(body).toEqual({ name: 'SB12260' });
    expect(new URL(url).search).toBe('?role=admin&active=false');
  });
});
