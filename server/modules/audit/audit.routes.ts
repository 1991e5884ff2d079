import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, ListAuditQuery } from '../../../common/contracts/audit.js';
import { errorResponses } from '../../platform/route-schema.js';
import type { AuditService } from './audit.service.js';

const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log (admin), newest first',
        querystring: ListAuditQuery,
        response: { 200: AuditList, ...errorResponses(400, 401, 403) },
      },
      onRequest: app.requireAuth('admin'),
    },
    async (request) => audit.list(request.query),
  );
};

export default auditRoutes;
