import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { cancelPurchaseOrder } from './cancel-order.ts';
import { closePurchaseOrder } from './close-order.ts';
import { confirmPurchaseOrder } from './confirm-order.ts';
import { OrderInput, OrderListQuery, OrderPatch, OrderSummary, OrderView, VersionInput } from './contract.ts';
import { createPurchaseOrder } from './create-order.ts';
import { listPurchaseOrders } from './list-orders.ts';
import { loadOrder } from './order.repo.ts';
import { sendPurchaseOrder } from './send-order.ts';
import { updatePurchaseOrder } from './update-order.ts';

const tags = ['purchasing'];

export function orderRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/purchase-orders',
    summary: 'Purchase orders (RFQs while draft or sent), newest first; q: number or supplier',
    tags,
    access: 'purchasing.order.read',
    query: OrderListQuery,
    response: listOf(OrderSummary),
    handler: ({ db, query }, actor) => listPurchaseOrders(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/purchase-orders/:id',
    summary: 'One purchase order with its lines (ordered, received, billed, returned)',
    tags,
    access: 'purchasing.order.read',
    params: IdParams,
    response: OrderView,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'purchasing.order.read');
      return loadOrder(db.orm, actor.companyId, params.id, actor.locale);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/purchase-orders',
    summary: "A draft purchase order; prices default to the supplier's best valid price",
    tags,
    access: 'purchasing.order.create',
    body: OrderInput,
    status: 201,
    response: OrderView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createPurchaseOrder(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/purchase-orders/:id',
    summary: 'Edit a draft or sent order (lines replace the old ones)',
    tags,
    access: 'purchasing.order.create',
    params: IdParams,
    body: OrderPatch,
    response: OrderView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updatePurchaseOrder(tx, actor, params.id, body)),
  });
  const verb = (name: string, access: string, summary: string, run: typeof sendPurchaseOrder) =>
    route(app, {
      method: 'POST',
      url: `/api/v1/purchase-orders/:id/${name}`,
      summary,
      tags,
      access,
      params: IdParams,
      body: VersionInput,
      response: OrderView,
      handler: ({ db, params, body }, actor) => withTransaction(db, (tx) => run(tx, actor, params.id, body)),
    });
  verb(
    'send',
    'purchasing.order.create',
    'The RFQ was sent to the supplier: draft → sent',
    sendPurchaseOrder,
  );
  verb(
    'confirm',
    'purchasing.order.confirm',
    'Confirm: a draft receipt on the expected date; above the approval amount it waits for approval first',
    confirmPurchaseOrder,
  );
  verb(
    'cancel',
    'purchasing.order.create',
    'Cancel an order nothing was received on (its receipt is cancelled, requisitions freed)',
    cancelPurchaseOrder,
  );
  verb(
    'close',
    'purchasing.order.close',
    'Close a confirmed, received or billed order; an open backorder receipt is cancelled',
    closePurchaseOrder,
  );
}
