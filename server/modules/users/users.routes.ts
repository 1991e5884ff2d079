import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateUserBody,
  ListUsersQuery,
  PatchUserBody,
  User,
  UserIdParams,
  UserList,
} from '../../../common/contracts/users.js';
import { ctxFrom } from '../../platform/context.js';
import { errorResponses } from '../../platform/route-schema.js';
import type { UsersService } from './users.service.js';

/** Users admin (API.md "Users"); every route is admin-only. */
const usersRoutes: FastifyPluginAsyncTypebox<{ users: UsersService }> = async (app, { users }) => {
  const admin = app.requireAuth('admin');
  const tags = ['users'];

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'List users',
        querystring: ListUsersQuery,
        response: { 200: UserList, ...errorResponses(400, 401, 403) },
      },
      onRequest: admin,
    },
    async (request) => users.list(request.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create a user',
        body: CreateUserBody,
        response: { 201: User, ...errorResponses(400, 401, 403, 409) },
      },
      onRequest: admin,
    },
    async (request, reply) =>
      reply.status(201).send(await users.create(ctxFrom(request), request.body)),
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'One user',
        params: UserIdParams,
        response: { 200: User, ...errorResponses(400, 401, 403, 404) },
      },
      onRequest: admin,
    },
    async (request) => users.get(request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary:
          'Edit email, role, area, active or password; role, area, active and password changes end the user’s sessions',
        params: UserIdParams,
        body: PatchUserBody,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 409) },
      },
      onRequest: admin,
    },
    // the admin's own session survives when they reset their own password
    async (request) =>
      users.update(ctxFrom(request), request.params.id, request.body, request.session?.id),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Clear a sign-in lock',
        params: UserIdParams,
        response: { 200: User, ...errorResponses(400, 401, 403, 404) },
      },
      onRequest: admin,
    },
    async (request) => users.unlock(ctxFrom(request), request.params.id),
  );
};

export default usersRoutes;
