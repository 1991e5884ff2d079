import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  Bag,
  BagDetail,
  BagHistory,
  BagHistoryQuery,
  BagList,
  BagQrParams,
  BagSnapshot,
  CreateBagBody,
  ListBagsQuery,
} from '../../../common/contracts/bags.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses, JSON_UTF8, NoContent } from '../../platform/route-schema.js';
import type { BagsService } from './bags.service.js';

/** Bags: list, lookup, trace, create and delete (API.md "Bags, packing, lookup"). */
const bagsRoutes: FastifyPluginAsyncTypebox<{ bags: BagsService }> = async (app, { bags }) => {
  const user = app.requireAuth();
  const writer = app.requireAuth('admin', 'biller');
  const tags = ['bags'];

  app.get(
    '/api/bags',
    {
      schema: {
        tags,
        summary: 'List bags, newest first (dispatchers: their own area)',
        querystring: ListBagsQuery,
        response: { 200: BagList, ...errorResponses(400, 401, 403) },
      },
      onRequest: user,
    },
    async (request) => bags.list(ctxFrom(request), request.query),
  );

  const lookup = {
    schema: {
      tags,
      summary: 'Look a code up: the bag, its kind, its parent or children',
      params: BagQrParams,
      response: { 200: BagDetail, ...errorResponses(400, 401, 403, 404) },
    },
    onRequest: user,
  };
  /** The body comes from the database as the contract's JSON text and is sent as it is. */
  const answerLookup = async (
    request: { params: { qr: string } } & Parameters<typeof ctxFrom>[0],
    reply: FastifyReply,
  ) => reply.type(JSON_UTF8).send(await bags.lookup(ctxFrom(request), request.params.qr));
  app.get('/api/bags/:qr', lookup, answerLookup);
  app.get(
    '/api/bag/:qr',
    {
      ...lookup,
      schema: { ...lookup.schema, summary: 'Seed-compatible alias of GET /api/bags/:qr' },
    },
    answerLookup,
  );

  app.get(
    '/api/bags/:qr/history',
    {
      schema: {
        tags,
        summary:
          'The trace of a code, oldest first; with ?at= its parent/children as they were then',
        params: BagQrParams,
        querystring: BagHistoryQuery,
        response: {
          200: Type.Union([BagHistory, BagSnapshot]),
          ...errorResponses(400, 401, 403, 404),
        },
      },
      onRequest: user,
    },
    async (request) => {
      const ctx = ctxFrom(request);
      const { at } = request.query;
      return at === undefined
        ? bags.history(ctx, request.params.qr)
        : bags.snapshot(ctx, request.params.qr, at);
    },
  );

  app.post(
    '/api/bags',
    {
      schema: {
        tags,
        summary: 'Create a bag by hand (type from the code)',
        body: CreateBagBody,
        response: { 201: Bag, ...errorResponses(400, 401, 403, 409) },
      },
      onRequest: writer,
    },
    async (request, reply) =>
      reply.status(201).send(await bags.create(ctxFrom(request), request.body)),
  );

  app.delete(
    '/api/bags/:qr',
    {
      schema: {
        tags,
        summary:
          'Delete a bag (refused while it holds children or is on a bill); a linked child leaves its parent',
        params: BagQrParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: writer,
    },
    async (request, reply) => {
      await bags.remove(ctxFrom(request), request.params.qr);
      return reply.status(204).send(null);
    },
  );
};

export default bagsRoutes;
