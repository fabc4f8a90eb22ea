import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import {
  DeleteQuery,
  Forecast,
  ForecastInput,
  ForecastUpdate,
  PlanningListQuery,
  ReorderRule,
  ReorderRuleInput,
  ReorderRuleUpdate,
} from './contract.ts';
import {
  createPlanning,
  deletePlanning,
  getPlanning,
  listPlanning,
  type PlanningKind,
  updatePlanning,
} from './planning.ts';

const tags = ['manufacturing'];

function crud(
  app: FastifyInstance,
  kind: PlanningKind,
  path: string,
  label: string,
  schemas: { view: z.ZodType; create: z.ZodType; update: z.ZodType },
): void {
  const url = `/api/v1/${path}`;
  route(app, {
    method: 'GET',
    url,
    summary: `${label}s by product SKU; filter by product, warehouse; q: product`,
    tags,
    access: 'manufacturing.planning.read',
    query: PlanningListQuery,
    response: listOf(schemas.view),
    handler: ({ db, query }, actor) => listPlanning(db.orm, actor, kind, query),
  });
  route(app, {
    method: 'GET',
    url: `${url}/:id`,
    summary: `One ${label.toLowerCase()}`,
    tags,
    access: 'manufacturing.planning.read',
    params: IdParams,
    response: schemas.view,
    handler: ({ db, params }, actor) => getPlanning(db.orm, actor, kind, params.id),
  });
  route(app, {
    method: 'POST',
    url,
    summary: `Create a ${label.toLowerCase()} (one per product and warehouse${kind === 'forecast' ? ' and month' : ''})`,
    tags,
    access: 'manufacturing.planning.manage',
    body: schemas.create,
    status: 201,
    response: schemas.view,
    handler: ({ db, body }, actor) =>
      withTransaction(db, (tx) => createPlanning(tx, actor, kind, body as Record<string, unknown>)),
  });
  route(app, {
    method: 'PATCH',
    url: `${url}/:id`,
    summary: `Change a ${label.toLowerCase()} (with its version)`,
    tags,
    access: 'manufacturing.planning.manage',
    params: IdParams,
    body: schemas.update,
    response: schemas.view,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) =>
        updatePlanning(tx, actor, kind, params.id, body as Record<string, unknown>),
      ),
  });
  route(app, {
    method: 'DELETE',
    url: `${url}/:id`,
    summary: `Delete a ${label.toLowerCase()} (?version=)`,
    tags,
    access: 'manufacturing.planning.manage',
    params: IdParams,
    query: DeleteQuery,
    status: 204,
    response: z.null(),
    handler: async ({ db, params, query }, actor) => {
      await withTransaction(db, (tx) => deletePlanning(tx, actor, kind, params.id, query.version));
      return undefined;
    },
  });
}

export function planningRoutes(app: FastifyInstance): void {
  crud(app, 'reorder_rule', 'reorder-rules', 'Reorder rule', {
    view: ReorderRule,
    create: ReorderRuleInput,
    update: ReorderRuleUpdate,
  });
  crud(app, 'forecast', 'forecasts', 'Forecast', {
    view: Forecast,
    create: ForecastInput,
    update: ForecastUpdate,
  });
}
