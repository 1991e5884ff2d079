import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LIVE_EVENT_TYPES } from '../../../common/contracts/stats.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses } from '../../platform/route-schema.js';
import { SSE_HEADERS, type EventsService } from './events.service.js';

// A stream is never serialized; the schema documents the wire format in OpenAPI.
const EventStream = Type.Unsafe<Readable>({
  type: 'string',
  description: `text/event-stream: \`event: <type>\` + \`data: <json>\` frames, types ${LIVE_EVENT_TYPES.join(', ')}`,
});

/** Live updates (SPEC §9) as server-sent events, on every app instance. */
const eventsRoutes: FastifyPluginAsyncTypebox<{ events: EventsService }> = async (
  app,
  { events },
) => {
  // Before the server stops accepting: end open streams so that close() does not wait on them.
  app.addHook('preClose', async () => events.close());

  app.get(
    '/api/events',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'Server-sent events: scan, link, unlink, bill, return, stats (dispatchers: own area)',
        response: {
          200: {
            description: 'An endless event stream',
            content: { 'text/event-stream': { schema: EventStream } },
          },
          ...errorResponses(401, 503),
        },
      },
      onRequest: app.requireAuth(),
    },
    async (request, reply) => {
      const stream = await events.connect(ctxFrom(request), request.session);
      return reply.headers(SSE_HEADERS).send(stream);
    },
  );
};

export default eventsRoutes;
