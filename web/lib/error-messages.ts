import { isApiError, type ApiErrorCode } from '@/lib/api-client';

/**
 * Friendly sentences for the codes any screen can meet. Features add their own codes on top
 * (see features/users/utils/user-error-message.ts); the UI never shows or parses raw codes' text.
 */
const GENERAL_MESSAGES: Partial<Record<ApiErrorCode, string>> = {
  NETWORK: 'Could not reach TraceTrack. Check the network connection and try again.',
  SERVICE_UNAVAILABLE: 'TraceTrack is busy or restarting. Try again in a minute.',
  INTERNAL: 'Something went wrong on our side. Try again; if it keeps happening, tell support.',
  FORBIDDEN: 'Your role is not allowed to do this.',
  CSRF_INVALID: 'This page was open too long. Reload the page and try again.',
  AUTH_REQUIRED: 'Please sign in.',
  SESSION_EXPIRED: 'Your session ended. Sign in again.',
  RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
  VALIDATION: 'Some details are not valid. Check the form and try again.',
  NOT_FOUND: 'That was not found.',
  PAYLOAD_TOO_LARGE: 'That is too large to send.',
};

/** A friendly sentence for any error; `overrides` wins for the codes a screen knows better. */
export function friendlyErrorMessage(
  error: unknown,
  overrides: Partial<Record<ApiErrorCode, string>> = {},
): string {
  if (!isApiError(error)) {
    return 'Something went wrong. Reload the page and try again.';
  }
  return (
    overrides[error.code] ??
    GENERAL_MESSAGES[error.code] ??
    'That did not work. Try again; if it keeps happening, tell support.'
  );
}

/** An error detail (a code, a count) as text for a sentence; `fallback` when it is neither. */
export function detailText(value: unknown, fallback = ''): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
}

/** "Try again in 40 seconds." from a RATE_LIMITED error's Retry-After, when the server sent one. */
export function retryHint(error: unknown): string | null {
  if (!isApiError(error) || error.retryAfterSeconds === null) {
    return null;
  }
  const seconds = error.retryAfterSeconds;
  if (seconds < 60) {
    return `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
