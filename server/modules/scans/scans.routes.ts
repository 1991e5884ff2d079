import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ScanChildBody,
  ScanChildResult,
  ScanParentBody,
  ScanParentResult,
  UndoBody,
  UndoResult,
} from '../../../common/contracts/bags.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses } from '../../platform/route-schema.js';
import type { ScansService } from './scans.service.js';

/** The packing station's endpoints (SPEC §4). Any signed-in role may pack. */
const scansRoutes: FastifyPluginAsyncTypebox<{ scans: ScansService }> = async (app, { scans }) => {
  const user = app.requireAuth();
  const tags = ['packing'];

  app.post(
    '/api/scans/parent',
    {
      schema: {
        tags,
        summary: 'PARENT state: open a parent bag, creating it when new',
        body: ScanParentBody,
        response: { 200: ScanParentResult, ...errorResponses(400, 401, 403, 409) },
      },
      onRequest: user,
    },
    async (request) => scans.scanParent(ctxFrom(request), request.body),
  );

  app.post(
    '/api/scans/child',
    {
      schema: {
        tags,
        summary: 'CHILD state: link a child bag into the parent',
        body: ScanChildBody,
        response: { 200: ScanChildResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: user,
    },
    async (request) => scans.scanChild(ctxFrom(request), request.body),
  );

  app.post(
    '/api/scans/undo',
    {
      schema: {
        tags,
        summary: 'Undo your last link on this parent (within the undo window)',
        body: UndoBody,
        response: { 200: UndoResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: user,
    },
    async (request) => scans.undo(ctxFrom(request), request.body),
  );
};

export default scansRoutes;
