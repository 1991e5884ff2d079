import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Stats } from '../../../common/contracts/stats.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses } from '../../platform/route-schema.js';
import type { StatsService } from './stats.service.js';

/** Dashboard numbers (SPEC §9), scoped by role and area. */
const statsRoutes: FastifyPluginAsyncTypebox<{ stats: StatsService }> = async (app, { stats }) => {
  app.get(
    '/api/stats',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'Dashboard numbers: bags, bills, scans today and last hour, per hour, top stations',
        response: { 200: Stats, ...errorResponses(401) },
      },
      onRequest: app.requireAuth(),
    },
    async (request) => stats.getStats(ctxFrom(request)),
  );
};

export default statsRoutes;
