import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { cancelProductionOrder } from './cancel-production-order.ts';
import { confirmProductionOrder } from './confirm-production-order.ts';
import { consumeComponents } from './consume-components.ts';
import {
  ConsumeInput,
  ProduceInput,
  ProductionListQuery,
  ProductionOrder,
  ProductionOrderInput,
  ProductionOrderSummary,
  ProductionOrderUpdate,
  ProductionVersion,
  ScrapInput,
} from './contract.ts';
import { createProductionOrder } from './create-production-orders.ts';
import { finishProductionOrder } from './finish-production-order.ts';
import { listProductionOrders } from './list-production-orders.ts';
import { produceOutput, scrapOutput } from './produce-output.ts';
import { loadOrder } from './production.repo.ts';
import { startProductionOrder } from './start-production-order.ts';
import { updateProductionOrder } from './update-production-order.ts';

const tags = ['manufacturing'];

type Step = 'confirm' | 'start' | 'finish' | 'cancel';
const STEPS: Array<{ step: Step; summary: string; run: typeof confirmProductionOrder }> = [
  {
    step: 'confirm',
    summary: 'Confirm: reserve the components in the warehouse (what is short stays short)',
    run: confirmProductionOrder,
  },
  { step: 'start', summary: 'Start production of a confirmed order', run: startProductionOrder },
  {
    step: 'finish',
    summary: 'Close an order in progress as done before its full quantity (WIP left is written off)',
    run: finishProductionOrder,
  },
  {
    step: 'cancel',
    summary: 'Cancel an order that consumed and produced nothing; its reservations are released',
    run: cancelProductionOrder,
  },
];

export function productionRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/production-orders',
    summary: 'Production orders, newest first; filter by state, product, warehouse, origin',
    tags,
    access: 'manufacturing.production.read',
    query: ProductionListQuery,
    response: listOf(ProductionOrderSummary),
    handler: ({ db, query }, actor) => listProductionOrders(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/production-orders/:id',
    summary: 'One production order with its component lines (planned, reserved, consumed) and outputs',
    tags,
    access: 'manufacturing.production.read',
    params: IdParams,
    response: ProductionOrder,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'manufacturing.production.read');
      return loadOrder(db.orm, actor.companyId, params.id, actor.locale);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/production-orders',
    summary: "Create a draft production order; components from the product's BOM in force, scaled with scrap",
    tags,
    access: 'manufacturing.production.create',
    body: ProductionOrderInput,
    status: 201,
    response: ProductionOrder,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createProductionOrder(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/production-orders/:id',
    summary: 'Edit a draft or planned order (a new quantity re-plans the components)',
    tags,
    access: 'manufacturing.production.create',
    params: IdParams,
    body: ProductionOrderUpdate,
    response: ProductionOrder,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateProductionOrder(tx, actor, params.id, body)),
  });
  for (const s of STEPS)
    route(app, {
      method: 'POST',
      url: `/api/v1/production-orders/:id/${s.step}`,
      summary: s.summary,
      tags,
      access: `manufacturing.production.${s.step}`,
      params: IdParams,
      body: ProductionVersion,
      response: ProductionOrder,
      handler: ({ db, params, body }, actor) =>
        withTransaction(db, (tx) => s.run(tx, actor, params.id, body)),
    });
  route(app, {
    method: 'POST',
    url: '/api/v1/production-orders/:id/consume',
    summary:
      'Consume components (actual quantities, lots): reservations first, booked Dr production / Cr inventory',
    tags,
    access: 'manufacturing.production.consume',
    params: IdParams,
    body: ConsumeInput,
    response: ProductionOrder,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => consumeComponents(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/production-orders/:id/produce',
    summary:
      'Finished goods into stock (partial allowed, lot), valued at consumed component cost + labour/overhead',
    tags,
    access: 'manufacturing.production.produce',
    params: IdParams,
    body: ProduceInput,
    response: ProductionOrder,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => produceOutput(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/production-orders/:id/scrap',
    summary: 'Finished units lost in production (no stock, their component cost stays on the good units)',
    tags,
    access: 'manufacturing.production.scrap',
    params: IdParams,
    body: ScrapInput,
    response: ProductionOrder,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => scrapOutput(tx, actor, params.id, body)),
  });
}
