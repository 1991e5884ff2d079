import { isApiError } from '@/lib/api-client';
import { friendlyErrorMessage, retryHint } from '@/lib/error-messages';

const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** The moment a locked account opens again, from the error details or Retry-After, if known. */
export function lockedUntil(error: unknown, now: number = Date.now()): Date | null {
  if (!isApiError(error)) {
    return null;
  }
  const details = error.details ?? {};
  for (const key of ['lockedUntil', 'until', 'retryAt']) {
    const value = details[key];
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
      return new Date(value);
    }
  }
  if (error.retryAfterSeconds !== null) {
    return new Date(now + error.retryAfterSeconds * 1000);
  }
  return null;
}

/** What the sign-in form says for a failed attempt. */
export function loginErrorMessage(error: unknown): string {
  if (!isApiError(error)) {
    return friendlyErrorMessage(error);
  }
  switch (error.code) {
    case 'AUTH_INVALID':
      return 'Wrong username or password.';
    case 'ACCOUNT_LOCKED': {
      const until = lockedUntil(error);
      const when = until ? `after ${TIME_FORMAT.format(until)}` : 'in about 15 minutes';
      return `This account is locked after too many failed sign-ins. Try again ${when}, or ask an admin to unlock it.`;
    }
    case 'RATE_LIMITED':
      return `Too many sign-in attempts. ${retryHint(error) ?? 'Wait a minute and try again.'}`;
    case 'TOTP_REQUIRED':
      return 'Enter the 6-digit code from your authenticator app.';
    default:
      return friendlyErrorMessage(error);
  }
}
