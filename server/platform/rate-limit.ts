import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * A named limit as a hook: `max` requests per minute per key, else 429 RATE_LIMITED with
 * Retry-After. Several limits can guard one route (the plugin's own hook runs only once per
 * request), e.g. sign-in per IP and per username.
 */
export function perMinuteLimit(
  app: FastifyInstance,
  args: { max: number; key: (request: FastifyRequest) => string },
) {
  const check = app.createRateLimit({ max: args.max, timeWindow: 60_000, keyGenerator: args.key });
  return async (request: FastifyRequest) => {
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded) {
      const seconds = Math.max(1, result.ttlInSeconds);
      throw new AppError(
        'RATE_LIMITED',
        `Too many attempts; try again in ${seconds} s.`,
        { retryAfterSeconds: seconds },
        { 'Retry-After': String(seconds) },
      );
    }
  };
}
