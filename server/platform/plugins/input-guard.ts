import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { invalid } from '../errors.js';

/** Where a NUL character hides in a parsed body, query or params, or null. */
function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path : null;
  }
  if (depth > 32 || value === null || typeof value !== 'object') {
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const found = key.includes('\u0000')
      ? `${path}/${key}`
      : findNul(inner, `${path}/${key}`, depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
}

/** Body fields that carry a scanned or typed code (scan, bag, bill attach and return bodies). */
const SCANNED_CODE_FIELDS = ['qr', 'parentQr'] as const;

/**
 * Drops NUL from the scanned codes of a body: SPEC §2 strips control characters from a code (a
 * keyboard-wedge scanner can send them). common/qr.ts strips them all, NUL included, but the code
 * as sent is also stored (the audit of a refused scan), and PostgreSQL cannot hold NUL.
 */
function stripNulFromScannedCodes(body: unknown): void {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return;
  }
  const fields = body as Record<string, unknown>;
  for (const key of SCANNED_CODE_FIELDS) {
    const value = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (typeof value === 'string' && value.includes('\u0000')) {
      fields[key] = value.replaceAll('\u0000', '');
    }
  }
}

/**
 * PostgreSQL text cannot hold NUL; such input is refused as VALIDATION before any handler runs,
 * so hostile input never turns into a database error (a 500). Scanned codes are the exception:
 * their NUL is dropped, as the normaliser drops every control character.
 */
export default fp(
  (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      stripNulFromScannedCodes(request.body);
      const where =
        findNul(request.params, 'params') ??
        findNul(request.query, 'query') ??
        findNul(request.body, 'body');
      if (where) {
        throw invalid('Input may not contain NUL characters.', {
          errors: [{ path: where, message: 'contains NUL' }],
        });
      }
    });
  },
  { name: 'input-guard' },
);
