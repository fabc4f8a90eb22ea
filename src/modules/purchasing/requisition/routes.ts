import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import {
  RequisitionInput,
  RequisitionListQuery,
  RequisitionPatch,
  RequisitionVersion,
  RequisitionView,
  ToOrdersInput,
  ToOrdersResult,
} from './contract.ts';
import {
  createManualRequisition,
  listRequisitions,
  setRequisitionState,
  updateRequisition,
} from './manage-requisitions.ts';
import { findRequisition } from './requisition.repo.ts';
import { requisitionsToOrders } from './to-orders.ts';

const tags = ['purchasing'];

export function requisitionRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/purchase-requisitions',
    summary:
      'Purchase requisitions, newest first; filter by state, product, origin; q: number, origin or SKU',
    tags,
    access: 'purchasing.requisition.read',
    query: RequisitionListQuery,
    response: listOf(RequisitionView),
    handler: ({ db, query }, actor) => listRequisitions(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/purchase-requisitions/:id',
    summary: 'One purchase requisition',
    tags,
    access: 'purchasing.requisition.read',
    params: IdParams,
    response: RequisitionView,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'purchasing.requisition.read');
      return findRequisition(db.orm, actor.companyId, params.id, actor.locale);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/purchase-requisitions',
    summary: 'A requisition typed by hand (draft)',
    tags,
    access: 'purchasing.requisition.create',
    body: RequisitionInput,
    status: 201,
    response: RequisitionView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createManualRequisition(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/purchase-requisitions/:id',
    summary: 'Edit a draft or approved requisition (quantity, date, supplier, notes)',
    tags,
    access: 'purchasing.requisition.create',
    params: IdParams,
    body: RequisitionPatch,
    response: RequisitionView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateRequisition(tx, actor, params.id, body)),
  });
  for (const action of ['approve', 'cancel'] as const)
    route(app, {
      method: 'POST',
      url: `/api/v1/purchase-requisitions/:id/${action}`,
      summary:
        action === 'approve' ? 'Approve a draft requisition' : 'Cancel a draft or approved requisition',
      tags,
      access: 'purchasing.requisition.create',
      params: IdParams,
      body: RequisitionVersion,
      response: RequisitionView,
      handler: ({ db, params, body }, actor) =>
        withTransaction(db, (tx) => setRequisitionState(tx, actor, params.id, action, body)),
    });
  route(app, {
    method: 'POST',
    url: '/api/v1/purchase-requisitions/to-orders',
    summary: 'Group requisitions by best supplier into draft purchase orders (RFQs)',
    tags,
    access: 'purchasing.order.create',
    body: ToOrdersInput,
    status: 201,
    response: ToOrdersResult,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => requisitionsToOrders(tx, actor, body)),
  });
}
