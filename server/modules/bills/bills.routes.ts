import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AttachBody,
  AttachResult,
  Bill,
  BillDetail,
  BillList,
  BillParams,
  BillParentParams,
  CompleteBody,
  CreateBillBody,
  ListBillsQuery,
  PatchBillBody,
  RecomputeResult,
  RemoveParentResult,
} from '../../../common/contracts/bills.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses, NoContent } from '../../platform/route-schema.js';
import type { BillsService } from './bills.service.js';

/**
 * Bills (API.md "Bills"): every role may view; admins and billers write (dispatchers get 403,
 * audited); only admins delete a bill or recompute figures.
 */
const billsRoutes: FastifyPluginAsyncTypebox<{ bills: BillsService }> = async (app, { bills }) => {
  const user = app.requireAuth();
  const billers = app.requireAuth('admin', 'biller');
  const admin = app.requireAuth('admin');
  const tags = ['bills'];
  const writeErrors = errorResponses(400, 401, 403, 404, 409);

  app.get(
    '/api/bills',
    {
      schema: {
        tags,
        summary: 'List bills, newest first (filters: status, createdBy, from, to, q prefix)',
        querystring: ListBillsQuery,
        response: { 200: BillList, ...errorResponses(400, 401, 403) },
      },
      onRequest: user,
    },
    async (request) => bills.list(ctxFrom(request), request.query),
  );

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

  app.get(
    '/api/bills/:billNo',
    {
      schema: {
        tags,
        summary: 'A bill with its parents and its history events (oldest first)',
        params: BillParams,
        response: { 200: BillDetail, ...errorResponses(400, 401, 403, 404) },
      },
      onRequest: user,
    },
    async (request) => bills.detail(ctxFrom(request), request.params.billNo),
  );

  app.patch(
    '/api/bills/:billNo',
    {
      schema: {
        tags,
        summary: 'Edit a bill’s fields or capacity (never below the attached parents)',
        params: BillParams,
        body: PatchBillBody,
        response: { 200: Bill, ...writeErrors },
      },
      onRequest: billers,
    },
    async (request) => bills.update(ctxFrom(request), request.params.billNo, request.body),
  );

  app.delete(
    '/api/bills/:billNo',
    {
      schema: {
        tags,
        summary: 'Delete a bill (admin); its parent bags survive, taken off it',
        params: BillParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404, 503) },
      },
      onRequest: admin,
    },
    async (request, reply) => {
      await bills.remove(ctxFrom(request), request.params.billNo);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/bills/:billNo/parents',
    {
      schema: {
        tags,
        summary: 'Attach a scanned (or typed, manual: true) parent bag to the bill',
        params: BillParams,
        body: AttachBody,
        response: { 200: AttachResult, ...writeErrors },
      },
      onRequest: billers,
    },
    async (request) => bills.attach(ctxFrom(request), request.params.billNo, request.body),
  );

  app.delete(
    '/api/bills/:billNo/parents/:qr',
    {
      schema: {
        tags,
        summary: 'Take a parent bag off the bill (a completed bill reopens)',
        params: BillParentParams,
        response: { 200: RemoveParentResult, ...writeErrors },
      },
      onRequest: billers,
    },
    async (request) =>
      bills.removeParent(ctxFrom(request), request.params.billNo, request.params.qr),
  );

  app.post(
    '/api/bills/:billNo/complete',
    {
      schema: {
        tags,
        summary: 'Complete a bill; below capacity it needs a parent and a reason',
        params: BillParams,
        body: CompleteBody,
        response: { 200: Bill, ...writeErrors },
      },
      onRequest: billers,
      // A completion at capacity may come with no body at all.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => bills.complete(ctxFrom(request), request.params.billNo, request.body),
  );

  app.post(
    '/api/bills/:billNo/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a completed bill (→ processing); any other bill is answered unchanged',
        params: BillParams,
        response: { 200: Bill, ...writeErrors },
      },
      onRequest: billers,
    },
    async (request) => bills.reopen(ctxFrom(request), request.params.billNo),
  );

  app.post(
    '/api/weights/update/:billNo',
    {
      schema: {
        tags,
        summary: 'Recompute one bill’s figures from its links; reports what changed',
        params: BillParams,
        response: { 200: RecomputeResult, ...errorResponses(400, 401, 403, 404) },
      },
      onRequest: admin,
    },
    async (request) => bills.weights.updateOne(ctxFrom(request), request.params.billNo),
  );

  app.post(
    '/api/weights/update-all',
    {
      schema: {
        tags,
        summary: 'Recompute every bill’s figures from its links; reports what changed',
        response: { 200: RecomputeResult, ...errorResponses(401, 403) },
      },
      onRequest: admin,
    },
    async (request) => bills.weights.updateAll(ctxFrom(request)),
  );
};

export default billsRoutes;
