import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomToken } from '../../platform/clock.js';

export { SESSION_COOKIE } from '../../../common/http.js';

/** The cookie carries a random token; the database keeps only its keyed hash. */
export function sessionIdOf(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('base64url');
}

export function newSessionToken(): string {
  return randomToken(32);
}

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A cookie value we could have issued: 43 base64url characters. */
export function plausibleToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
