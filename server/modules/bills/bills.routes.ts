import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AttachBody,
  AttachResult,
  Bill,
  BillParams,
  CreateBillBody,
} from '../../../common/contracts/bills.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses } from '../../platform/route-schema.js';
import type { BillsService } from './bills.service.js';

/** Bills (API.md "Bills"): creation and the scanning hot path. */
const billsRoutes: FastifyPluginAsyncTypebox<{ bills: BillsService }> = async (app, { bills }) => {
  const billers = app.requireAuth('admin', 'biller');
  const tags = ['bills'];

  app.post(
    '/api/bills',
    {
      schema: {
        tags,
        summary: 'Create a bill',
        body: CreateBillBody,
        response: { 201: Bill, ...errorResponses(400, 401, 403, 409) },
      },
      onRequest: billers,
    },
    async (request, reply) =>
      reply.status(201).send(await bills.create(ctxFrom(request), request.body)),
  );

  app.post(
    '/api/bills/:billNo/parents',
    {
      schema: {
        tags,
        summary: 'Attach a scanned (or typed, manual: true) parent bag to the bill',
        params: BillParams,
        body: AttachBody,
        response: { 200: AttachResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: billers,
    },
    async (request) => bills.attach(ctxFrom(request), request.params.billNo, request.body),
  );
};

export default billsRoutes;
