import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EodQuery, EodSummary } from '../../../common/contracts/eod.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses } from '../../platform/route-schema.js';
import type { EodService } from './eod.service.js';

/** End-of-day summary (API.md "GET /api/eod"); POST /api/eod/send comes with the mail issue. */
const eodRoutes: FastifyPluginAsyncTypebox<{ eod: EodService }> = async (app, { eod }) => {
  app.get(
    '/api/eod',
    {
      schema: {
        tags: ['eod'],
        summary: 'End-of-day summary: bills created on a local day (TIME_ZONE), with totals',
        description: '`date` defaults to today in the server TIME_ZONE.',
        querystring: EodQuery,
        response: { 200: EodSummary, ...errorResponses(400, 401, 403) },
      },
      onRequest: app.requireAuth('admin'),
      // A day can hold 10,000+ bills: the presenter builds exactly the contract's shape, so the
      // native JSON.stringify (several times faster here than the schema serializer) is safe.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => eod.getDaySummary(ctxFrom(request), request.query),
  );
};

export default eodRoutes;
