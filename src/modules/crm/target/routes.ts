import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import {
  ProgressQuery,
  TargetInput,
  TargetListQuery,
  TargetPatch,
  TargetProgress,
  TargetView,
} from './contract.ts';
import { createTarget } from './create-target.ts';
import { deleteTarget } from './delete-target.ts';
import { listTargets } from './list-targets.ts';
import { findVisibleTarget } from './target.repo.ts';
import { targetProgress } from './target-progress.ts';
import { updateTarget } from './update-target.ts';

const tags = ['crm'];

export function targetRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/targets',
    summary: 'Sales and collection targets you may see; filter by month, kind, person or team',
    tags,
    access: 'crm.target.read',
    query: TargetListQuery,
    response: listOf(TargetView),
    handler: ({ db, query }, actor) => listTargets(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/targets/progress',
    summary: 'For each target of a month: achieved so far and the percentage',
    tags,
    access: 'crm.target.read',
    query: ProgressQuery,
    response: z.object({ month: z.string(), items: z.array(TargetProgress) }),
    handler: ({ db, query }, actor) => targetProgress(db.orm, actor, query.month),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/targets/:id',
    summary: 'One target',
    tags,
    access: 'crm.target.read',
    params: IdParams,
    response: TargetView,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'crm.target.read');
      return findVisibleTarget(db.orm, actor, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/targets',
    summary: 'Set a monthly sales or collection target for a person or a team',
    tags,
    access: 'crm.target.manage',
    body: TargetInput,
    status: 201,
    response: TargetView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createTarget(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/targets/:id',
    summary: 'Change a target’s amount or currency (send the version you read)',
    tags,
    access: 'crm.target.manage',
    params: IdParams,
    body: TargetPatch,
    response: TargetView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateTarget(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/targets/:id',
    summary: 'Remove a target',
    tags,
    access: 'crm.target.manage',
    params: IdParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => deleteTarget(tx, actor, params.id));
      return undefined;
    },
  });
}
