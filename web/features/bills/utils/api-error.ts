import type { ApiErrorCode } from '@/lib/api-client';
import { isApiError } from '@/lib/api-client';

export function isApiErrorWithCode(error: unknown, code: ApiErrorCode): boolean {
  return isApiError(error) && error.code === code;
}
