import { isErrorCode, type ErrorCode } from '@common/error-codes';
import { CSRF_HEADER } from '@common/http';
import { markActivity, markSessionEnded } from '@/lib/session';

/**
 * The one way the web app talks to the API (API.md Conventions): same-origin cookies, JSON,
 * the session's CSRF token on every state-changing request, and every non-2xx turned into an
 * ApiError carrying the stable `code`. The UI switches on `code`, never on `message`.
 */

/** `NETWORK`: the request never got an answer (offline, server down, aborted by the browser). */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export { CSRF_HEADER } from '@common/http';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  status: number;
  requestId?: string | null;
  details?: Record<string, unknown> | null;
  retryAfterSeconds?: number | null;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly requestId: string | null;
  readonly details: Record<string, unknown> | null;
  /** From the `Retry-After` header (RATE_LIMITED), in seconds. */
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? null;
    this.details = init.details ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;

/** Set from the `csrfToken` of POST /api/auth/login and GET /api/auth/me; null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  params?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

function buildUrl(path: string, params?: Record<string, QueryValue>): string {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(key, String(value));
    }
  }
  return url.toString();
}

function buildHeaders(method: string, hasBody: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json' });
  if (hasBody) {
    headers.set('Content-Type', 'application/json');
  }
  if (STATE_CHANGING.has(method) && csrfToken) {
    headers.set(CSRF_HEADER, csrfToken);
  }
  return headers;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fallbackCode(status: number): ErrorCode {
  if (status === 502 || status === 503 || status === 504) {
    return 'SERVICE_UNAVAILABLE';
  }
  if (status === 404) {
    return 'NOT_FOUND';
  }
  if (status === 401) {
    return 'AUTH_REQUIRED';
  }
  if (status === 403) {
    return 'FORBIDDEN';
  }
  return status >= 500 ? 'INTERNAL' : 'VALIDATION';
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) {
    return null;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.max(0, Math.ceil(seconds));
  }
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Builds the ApiError of a non-2xx answer from the API error body (or from the status alone). */
export async function toApiError(response: Response): Promise<ApiError> {
  const body = await readJson(response);
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const rawCode = error?.code;
  const requestId =
    isRecord(body) && typeof body.requestId === 'string'
      ? body.requestId
      : response.headers.get('X-Request-ID');
  return new ApiError({
    code: isErrorCode(rawCode) ? rawCode : fallbackCode(response.status),
    message:
      typeof error?.message === 'string' ? error.message : `Request failed (${response.status})`,
    status: response.status,
    requestId,
    details: error && isRecord(error.details) ? error.details : null,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

async function send(method: string, url: string, options: RequestOptions): Promise<Response> {
  const hasBody = options.body !== undefined;
  try {
    return await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: buildHeaders(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) {
      throw cause;
    }
    throw new ApiError({
      code: 'NETWORK',
      message: 'Could not reach the server.',
      status: 0,
    });
  }
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, buildUrl(path, options.params), options);
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.code === 'AUTH_REQUIRED' || error.code === 'SESSION_EXPIRED') {
      markSessionEnded(error.code);
    }
    throw error;
  }
  markActivity();
  if (response.status === 204) {
    return undefined as T;
  }
  return (await readJson(response)) as T;
}

type BodyOptions = Omit<RequestOptions, 'body'>;

export const api = {
  get: <T>(path: string, options?: BodyOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: BodyOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: BodyOptions) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: BodyOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: BodyOptions) => request<T>('DELETE', path, options),
};
