import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Access logging that stays cheap under load: server errors at error, client errors and slow
 * requests at info, every other request at debug (LOG_LEVEL=debug shows them all).
 */
export default fp(
  (app: FastifyInstance, { slowMs }: { slowMs: number }) => {
    app.addHook('onResponse', async (request, reply) => {
      const ms = Math.round(reply.elapsedTime * 10) / 10;
      const streaming = String(reply.getHeader('content-type') ?? '').startsWith(
        'text/event-stream',
      );
      const line = { method: request.method, url: request.url, statusCode: reply.statusCode, ms };
      if (reply.statusCode >= 500) {
        request.log.error(line, 'request failed');
      } else if (ms >= slowMs && !streaming) {
        request.log.warn(line, 'slow request');
      } else if (reply.statusCode >= 400) {
        request.log.info(line, 'request refused');
      } else {
        request.log.debug(line, 'request done');
      }
    });
  },
  { name: 'request-log' },
);
