import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Echoes a well-formed incoming X-Request-ID, else makes one (for genReqId). */
export function genRequestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : randomUUID();
}

/** Every response carries X-Request-ID (API.md Conventions). */
export default fp(
  (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      void reply.header('X-Request-ID', request.id);
    });
  },
  { name: 'request-id' },
);
