import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../db/tx.ts';
import { route } from '../http/route.ts';
import { IdParams, listOf } from '../http/schemas.ts';
import { requirePermission } from '../permissions/actor.ts';
import { allPermissions } from '../permissions/registry.ts';
import {
  CreateRoleInput,
  createRole,
  deleteRole,
  getRole,
  listRoles,
  RoleView,
  UpdateRoleInput,
  updateRole,
} from './roles.ts';

const tags = ['roles'];

export function roleRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/roles',
    summary: 'Roles of the current company',
    tags,
    access: 'platform.role.read',
    response: listOf(RoleView),
    handler: ({ db }, actor) => listRoles(db.orm, actor),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/roles/:id',
    summary: 'One role',
    tags,
    access: 'platform.role.read',
    params: IdParams,
    response: RoleView,
    handler: ({ db, params }, actor) => getRole(db.orm, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/roles',
    summary: 'Create a role (you can only grant what you hold)',
    tags,
    access: 'platform.role.manage',
    body: CreateRoleInput,
    status: 201,
    response: RoleView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createRole(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/roles/:id',
    summary: 'Edit a role (send the version you read)',
    tags,
    access: 'platform.role.manage',
    params: IdParams,
    body: UpdateRoleInput,
    response: RoleView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateRole(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/roles/:id',
    summary: 'Delete an unused custom role',
    tags,
    access: 'platform.role.manage',
    params: IdParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => deleteRole(tx, actor, params.id));
      return undefined;
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/permissions',
    summary: 'Every permission the system defines (for the role editor)',
    tags,
    access: 'platform.role.read',
    response: z.object({
      items: z.array(z.object({ key: z.string(), description: z.string() })),
      nextCursor: z.null(),
    }),
    handler: async (_ctx, actor) => {
      requirePermission(actor, 'platform.role.read');
      return { items: allPermissions(), nextCursor: null };
    },
  });
}
