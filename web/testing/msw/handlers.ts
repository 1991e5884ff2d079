import { HttpResponse, http } from 'msw';
import type { ErrorCode } from '@common/error-codes';
import type { ErrorBody } from '@common/contracts/common';
import { DEFAULT_BAG_KINDS } from '@common/qr';
import { buildStats } from '@/testing/data-generators';

export const TEST_REQUEST_ID = 'req-test-0001';

/** An API error answer exactly as API.md describes it. */
export function errorResponse(
  status: number,
  code: ErrorCode,
  details?: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  const body: ErrorBody = {
    error: { code, message: `Server says ${code}`, details: details ?? {} },
    requestId: TEST_REQUEST_ID,
  };
  return HttpResponse.json(body, { status, headers });
}

/**
 * Defaults: nobody is signed in (tests that need a user override GET /api/auth/me); the
 * dashboard's numbers are all zero, no scans yet, the shipped bag kinds.
 */
export const handlers = [
  http.get('/api/auth/me', () => errorResponse(401, 'AUTH_REQUIRED')),
  http.get('/api/stats', () => HttpResponse.json(buildStats())),
  http.get('/api/scans', () => HttpResponse.json({ items: [], nextCursor: null })),
  http.get('/api/bag-kinds', () => HttpResponse.json({ items: DEFAULT_BAG_KINDS })),
];
