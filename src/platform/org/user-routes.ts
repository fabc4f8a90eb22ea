import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../db/tx.ts';
import { route } from '../http/route.ts';
import { IdParams, listOf } from '../http/schemas.ts';
import {
  CreateUserInput,
  createUser,
  disableUser,
  enableUser,
  terminateSessions,
  UpdateProfileInput,
  UpdateUserInput,
  updateProfile,
  updateUser,
} from './user-commands.ts';
import { getUser, listUsers, UserListQuery, UserView } from './users.ts';

const tags = ['users'];

export function userRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/users',
    summary: 'List the users of the current company',
    tags,
    access: 'platform.user.read',
    query: UserListQuery,
    response: listOf(UserView),
    handler: ({ db, query }, actor) => listUsers(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/users/:id',
    summary: 'One user of the current company',
    tags,
    access: 'platform.user.read',
    params: IdParams,
    response: UserView,
    handler: ({ db, params }, actor) => getUser(db.orm, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/users',
    summary: 'Add a user (new account, or an existing account joining this company)',
    tags,
    access: 'platform.user.create',
    body: CreateUserInput,
    status: 201,
    response: UserView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createUser(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    summary: 'Change name, language, roles or department (send the version you read)',
    tags,
    access: 'platform.user.update',
    params: IdParams,
    body: UpdateUserInput,
    response: UserView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateUser(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/users/:id/disable',
    summary: 'Disable: ends sessions and API tokens in this company at once',
    tags,
    access: 'platform.user.disable',
    params: IdParams,
    body: z.strictObject({ reason: z.string().max(500).optional() }).optional(),
    response: UserView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => disableUser(tx, actor, params.id, body?.reason)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/users/:id/enable',
    summary: 'Enable a disabled user again',
    tags,
    access: 'platform.user.disable',
    params: IdParams,
    response: UserView,
    handler: ({ db, params }, actor) => withTransaction(db, (tx) => enableUser(tx, actor, params.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/users/:id/terminate-sessions',
    summary: "End all of the user's sessions in this company",
    tags,
    access: 'platform.session.terminate',
    params: IdParams,
    response: z.object({ ended: z.number().int() }),
    handler: async ({ db, params }, actor) => ({
      ended: await withTransaction(db, (tx) => terminateSessions(tx, actor, params.id)),
    }),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/me',
    summary: 'Change your own name or language (nothing else)',
    tags,
    access: 'authenticated',
    body: UpdateProfileInput,
    status: 204,
    response: z.null(),
    handler: async ({ db, body }, actor) => {
      await withTransaction(db, (tx) => updateProfile(tx, actor, body));
      return undefined;
    },
  });
}
