import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerAuditedEntity } from '../audit/read.ts';
import { withTransaction } from '../db/tx.ts';
import { route } from '../http/route.ts';
import { IdParams, listOf } from '../http/schemas.ts';
import { getRef, listRefs, RefListQuery } from '../reference/crud.ts';
import { createDepartment, deleteDepartment, updateDepartment } from './department-commands.ts';
import { CreateDepartmentInput, DepartmentView, departments, UpdateDepartmentInput } from './departments.ts';

registerAuditedEntity('platform.department', { readPermission: 'platform.department.read' });

const tags = ['departments'];

export function departmentRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/departments',
    summary: 'Departments and teams of the company (the web app builds the tree from parentId)',
    tags,
    access: 'platform.department.read',
    query: RefListQuery,
    response: listOf(DepartmentView),
    handler: ({ db, query }, actor) => listRefs(db.orm, actor, departments, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/departments/:id',
    summary: 'One department',
    tags,
    access: 'platform.department.read',
    params: IdParams,
    response: DepartmentView,
    handler: ({ db, params }, actor) => getRef(db.orm, actor, departments, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/departments',
    summary: 'Create a department (parent in this company, manager an active user)',
    tags,
    access: 'platform.department.manage',
    body: CreateDepartmentInput,
    status: 201,
    response: DepartmentView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createDepartment(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/departments/:id',
    summary: 'Rename, move, change the manager or (de)activate (send the version you read)',
    tags,
    access: 'platform.department.manage',
    params: IdParams,
    body: UpdateDepartmentInput,
    response: DepartmentView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateDepartment(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/departments/:id',
    summary: 'Delete an empty department (members or sub-departments: 409)',
    tags,
    access: 'platform.department.manage',
    params: IdParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => deleteDepartment(tx, actor, params.id));
      return undefined;
    },
  });
}
