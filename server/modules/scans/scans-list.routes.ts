import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ListScansQuery, ScanList } from '../../../common/contracts/bags.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses } from '../../platform/route-schema.js';
import type { ScansListService } from './scans-list.service.js';

/** Scan history (API.md "GET /api/scans"): every recorded scan, newest first. */
const scansListRoutes: FastifyPluginAsyncTypebox<{ scans: ScansListService }> = async (
  app,
  { scans },
) => {
  app.get(
    '/api/scans',
    {
      schema: {
        tags: ['packing'],
        summary: 'List recorded scans, newest first (dispatchers: their own area)',
        querystring: ListScansQuery,
        response: { 200: ScanList, ...errorResponses(400, 401, 403) },
      },
      onRequest: app.requireAuth(),
    },
    async (request) => scans.list(ctxFrom(request), request.query),
  );
};

export default scansListRoutes;
