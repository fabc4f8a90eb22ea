import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { BulkResponse, bulkBody, runBulk } from '../../../platform/http/bulk.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { InvoiceView } from '../../accounting/index.ts';
import { PrintQuery } from '../document/contract.ts';
import { printLang, sendHtml } from '../document/print-reply.ts';
import { cancelOrder } from './cancel-order.ts';
import { closeOrder } from './close-order.ts';
import { confirmOrder } from './confirm-order.ts';
import {
  CancelInput,
  CloseInput,
  ConfirmInput,
  InvoiceOrderInput,
  OrderInput,
  OrderListQuery,
  OrderPatch,
  OrderSummary,
  OrderView,
} from './contract.ts';
import { createOrder } from './create-order.ts';
import { invoiceOrder } from './invoice-order.ts';
import { listOrders } from './list-orders.ts';
import { findVisibleOrder, orderView } from './order.repo.ts';
import { printOrder } from './print-order.ts';
import { updateOrder } from './update-order.ts';

const tags = ['sales'];

export function orderRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/sales-orders',
    summary: 'Sales orders you may see, newest first; filter by state, customer, q (number or customer name)',
    tags,
    access: 'sales.order.read',
    query: OrderListQuery,
    response: listOf(OrderSummary),
    handler: ({ db, query }, actor) => listOrders(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/sales-orders/:id',
    summary:
      'One sales order: lines with reserved/delivered quantities and expected dates, history, deliveries',
    tags,
    access: 'sales.order.read',
    params: IdParams,
    response: OrderView,
    handler: ({ db, params }, actor) =>
      withTransaction(db, async (tx) => {
        requirePermission(actor, 'sales.order.read');
        return orderView(tx, actor.companyId, await findVisibleOrder(tx, actor, params.id));
      }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/sales-orders',
    summary: 'Draft a sales order for a customer you may see (optionally for an opportunity)',
    tags,
    access: 'sales.order.create',
    body: OrderInput,
    status: 201,
    response: OrderView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createOrder(tx, actor, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/sales-orders/bulk',
    summary:
      'Create up to 1,000 draft sales orders in one call; each row passes or fails on its own (per-row results)',
    tags,
    access: 'sales.order.create',
    body: bulkBody(OrderInput),
    response: BulkResponse,
    handler: ({ db, body }, actor) =>
      withTransaction(db, (tx) => runBulk(tx, actor, body.items, createOrder)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/sales-orders/:id',
    summary: 'Edit a draft sales order (send the version you read); lines are replaced as a whole',
    tags,
    access: 'sales.order.update',
    params: IdParams,
    body: OrderPatch,
    response: OrderView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateOrder(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/sales-orders/:id/confirm',
    summary:
      'Confirm: credit check (409 sales.credit_limit_exceeded, or requestApproval), stock reservation, shortages as procurement needs, delivery order',
    tags,
    access: 'sales.order.confirm',
    params: IdParams,
    body: ConfirmInput,
    response: OrderView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => confirmOrder(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/sales-orders/:id/cancel',
    summary: 'Cancel an order nothing was delivered from (reservations released, open deliveries cancelled)',
    tags,
    access: 'sales.order.cancel',
    params: IdParams,
    body: CancelInput,
    response: OrderView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => cancelOrder(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/sales-orders/:id/close',
    summary: 'Close a delivered or partly delivered order (the open backorder is cancelled)',
    tags,
    access: 'sales.order.close',
    params: IdParams,
    body: CloseInput,
    response: OrderView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => closeOrder(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/sales-orders/:id/invoice',
    summary:
      'Invoice what is invoiceable (settings.accounting.invoicePolicy: delivered or ordered, less invoiced); posted unless post is false',
    tags,
    access: 'accounting.invoice.create',
    params: IdParams,
    body: InvoiceOrderInput,
    status: 201,
    response: InvoiceView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => invoiceOrder(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/sales-orders/:id/print',
    summary: 'The printable order confirmation (A4 HTML, text/html) in zh-CN or en',
    tags,
    access: 'sales.order.read',
    params: IdParams,
    query: PrintQuery,
    response: z.any().meta({ description: 'An HTML page' }),
    handler: async ({ db, params, query, reply }, actor) =>
      sendHtml(
        reply,
        await withTransaction(db, (tx) => printOrder(tx, actor, params.id, printLang(query.lang, actor))),
      ),
  });
}
