import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { loadPlan } from './collection.repo.ts';
import {
  CollectionPlanInput,
  CollectionPlanPatch,
  CollectionPlanQuery,
  CollectionPlanView,
} from './contract.ts';
import { listCollectionPlans } from './list-plans.ts';
import { cancelCollectionPlan, createCollectionPlan, updateCollectionPlan } from './write-plan.ts';

const tags = ['accounting'];

export function collectionRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/collection-plans',
    summary:
      'Collection plans (回款计划) with what each instalment has collected; by customer, owner, state or due by a date',
    tags,
    access: 'accounting.collection.read',
    query: CollectionPlanQuery,
    response: listOf(CollectionPlanView),
    handler: ({ db, query }, actor) => listCollectionPlans(db.orm, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/collection-plans',
    summary:
      'Plan when and how much a customer pays for an order or contract; the owner is reminded before and after each date',
    tags,
    access: 'accounting.collection.manage',
    body: CollectionPlanInput,
    status: 201,
    response: CollectionPlanView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createCollectionPlan(tx, actor, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/collection-plans/:id',
    summary: 'One collection plan with its instalments',
    tags,
    access: 'accounting.collection.read',
    params: IdParams,
    response: CollectionPlanView,
    handler: ({ db, params }, actor) => loadPlan(db.orm, actor, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/collection-plans/:id',
    summary: 'Change the owner, notes or instalments of an open plan',
    tags,
    access: 'accounting.collection.manage',
    params: IdParams,
    body: CollectionPlanPatch,
    response: CollectionPlanView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateCollectionPlan(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/collection-plans/:id/cancel',
    summary: 'Cancel an open plan (no more reminders)',
    tags,
    access: 'accounting.collection.manage',
    params: IdParams,
    body: z.strictObject({ version: z.number().int().min(1), reason: z.string().trim().max(500).optional() }),
    response: CollectionPlanView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => cancelCollectionPlan(tx, actor, params.id, body)),
  });
}
