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

/**
 * PostgreSQL text cannot hold NUL; such input is refused as VALIDATION before any handler runs,
 * so hostile input never turns into a database error (a 500).
 */
export default fp(
  (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
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
