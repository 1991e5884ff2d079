import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CancelReturnResult,
  CreateReturnBody,
  ListReturnsQuery,
  PatchReturnBody,
  ReturnCodeParams,
  ReturnList,
  ReturnScanBody,
  ReturnScanResult,
  ReturnTicket,
  ReturnTicketDetail,
} from '../../../common/contracts/returns.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses } from '../../platform/route-schema.js';
import type { ReturnsService } from './returns.service.js';

/** IPT return tickets (API.md "Returns (IPT)"): admins and billers only (SPEC §3). */
const returnsRoutes: FastifyPluginAsyncTypebox<{ returns: ReturnsService }> = async (
  app,
  { returns },
) => {
  const billers = app.requireAuth('admin', 'biller');
  const tags = ['returns'];

  app.get(
    '/api/returns',
    {
      schema: {
        tags,
        summary: 'List return tickets, newest first',
        querystring: ListReturnsQuery,
        response: { 200: ReturnList, ...errorResponses(400, 401, 403) },
      },
      onRequest: billers,
    },
    async (request) => returns.list(ctxFrom(request), request.query),
  );

  app.post(
    '/api/returns',
    {
      schema: {
        tags,
        summary: 'Open a return ticket at a C&F location',
        body: CreateReturnBody,
        response: { 201: ReturnTicket, ...errorResponses(400, 401, 403) },
      },
      onRequest: billers,
    },
    async (request, reply) =>
      reply.status(201).send(await returns.create(ctxFrom(request), request.body)),
  );

  app.get(
    '/api/returns/:code',
    {
      schema: {
        tags,
        summary: 'A return ticket with its lines (scan order)',
        params: ReturnCodeParams,
        response: { 200: ReturnTicketDetail, ...errorResponses(400, 401, 403, 404) },
      },
      onRequest: billers,
    },
    async (request) => returns.get(ctxFrom(request), request.params.code),
  );

  app.patch(
    '/api/returns/:code',
    {
      schema: {
        tags,
        summary: 'Edit the notes of an open ticket',
        params: ReturnCodeParams,
        body: PatchReturnBody,
        response: { 200: ReturnTicket, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: billers,
    },
    async (request) => returns.editNotes(ctxFrom(request), request.params.code, request.body),
  );

  app.post(
    '/api/returns/:code/bags',
    {
      schema: {
        tags,
        summary: 'Scan a returned parent bag into an open ticket (it leaves its bill)',
        params: ReturnCodeParams,
        body: ReturnScanBody,
        response: { 200: ReturnScanResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: billers,
    },
    async (request) => returns.scan(ctxFrom(request), request.params.code, request.body),
  );

  app.post(
    '/api/returns/:code/finalize',
    {
      schema: {
        tags,
        summary: 'Commit an open ticket (needs at least one bag)',
        params: ReturnCodeParams,
        response: { 200: ReturnTicket, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: billers,
    },
    async (request) => returns.finalize(ctxFrom(request), request.params.code),
  );

  app.post(
    '/api/returns/:code/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an open ticket: bags go back on their bills where they still fit',
        params: ReturnCodeParams,
        response: { 200: CancelReturnResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: billers,
    },
    async (request) => returns.cancel(ctxFrom(request), request.params.code),
  );
};

export default returnsRoutes;
