import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  BagKind,
  BagKindList,
  BagKindParams,
  CreateBagKindBody,
  PatchBagKindBody,
} from '../../../common/contracts/bags.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses } from '../../platform/route-schema.js';
import type { BagKindsService } from './bag-kinds.service.js';

/** Parent formats as data (SPEC §2): every user reads them, admins add and edit them. */
const bagKindsRoutes: FastifyPluginAsyncTypebox<{ kinds: BagKindsService }> = async (
  app,
  { kinds },
) => {
  const admin = app.requireAuth('admin');
  const tags = ['bag kinds'];

  app.get(
    '/api/bag-kinds',
    {
      schema: {
        tags,
        summary: 'Every parent format',
        response: { 200: BagKindList, ...errorResponses(401) },
      },
      onRequest: app.requireAuth(),
    },
    async () => kinds.list(),
  );

  app.post(
    '/api/bag-kinds',
    {
      schema: {
        tags,
        summary: 'Add a parent format',
        body: CreateBagKindBody,
        response: { 201: BagKind, ...errorResponses(400, 401, 403, 409) },
      },
      onRequest: admin,
    },
    async (request, reply) =>
      reply.status(201).send(await kinds.create(ctxFrom(request), request.body)),
  );

  app.patch(
    '/api/bag-kinds/:code',
    {
      schema: {
        tags,
        summary: 'Edit a parent format; a new capacity re-derives its parents’ status',
        description:
          'A new pattern must still match every stored parent of the kind (else 409 ' +
          'BAG_KIND_PATTERN_IN_USE with an example) and must not match a stored child (409 ' +
          'BAG_KIND_PREFIX_IN_USE).',
        params: BagKindParams,
        body: PatchBagKindBody,
        response: { 200: BagKind, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: admin,
    },
    async (request) => kinds.update(ctxFrom(request), request.params.code, request.body),
  );
};

export default bagKindsRoutes;
