import { HttpResponse, type JsonBodyType } from 'msw';
import type { ErrorCode } from '@common/error-codes';
import { errorResponse } from '@/testing/msw/handlers';

/** What a fake scan route answers: kept per scanId, so a replay gets its first answer again. */
export type Answer =
  | { status: number; body: JsonBodyType }
  | { status: number; error: ErrorCode; details: Record<string, unknown> };

/** The HTTP response for `answer`: the JSON body, or the API's error body. */
export function reply(answer: Answer) {
  return 'error' in answer
    ? errorResponse(answer.status, answer.error, answer.details)
    : HttpResponse.json(answer.body, { status: answer.status });
}

/** The API's QR_WRONG_TYPE refusal of `qr` where a parent bag is expected. */
export function parentExpected(qr: string, actual = 'child'): Answer {
  return { status: 400, error: 'QR_WRONG_TYPE', details: { qr, expected: 'parent', actual } };
}
