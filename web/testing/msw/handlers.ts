import { HttpResponse, http } from 'msw';
import type { ErrorCode } from '@common/error-codes';
import type { ErrorBody } from '@common/contracts/common';

export const TEST_REQUEST_ID = 'req-test-0001';

/** An API error answer exactly as API.md describes it. */
export function errorResponse(
  status: number,
  code: ErrorCode,
  details?: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  const body: ErrorBody = {
    error: { code, message: `Server says ${code}`, ...(details ? { details } : {}) },
    requestId: TEST_REQUEST_ID,
  };
  return HttpResponse.json(body, { status, headers });
}

/** Default: nobody is signed in. Tests that need a user override GET /api/auth/me. */
export const handlers = [http.get('/api/auth/me', () => errorResponse(401, 'AUTH_REQUIRED'))];
