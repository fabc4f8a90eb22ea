import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { allocatePayment } from './allocate-payment.ts';
import { CancelPaymentInput, cancelPayment } from './cancel-payment.ts';
import { AllocateInput, PaymentInput, PaymentListQuery, PaymentSummary, PaymentView } from './contract.ts';
import { createPayment } from './create-payment.ts';
import { listPayments } from './list-payments.ts';
import { loadPayment } from './payment.repo.ts';

const tags = ['accounting'];

export function paymentRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/payments',
    summary:
      'Payments you may see, newest first; filter by direction, partnerId, unallocated; q: number, partner, reference',
    tags,
    access: 'accounting.payment.read',
    query: PaymentListQuery,
    response: listOf(PaymentSummary),
    handler: ({ db, query }, actor) => listPayments(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/payments/:id',
    summary: 'One payment with its allocations',
    tags,
    access: 'accounting.payment.read',
    params: IdParams,
    response: PaymentView,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'accounting.payment.read');
      return loadPayment(db.orm, actor, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/payments',
    summary:
      'Record and book a payment: bank/cash account, allocations to invoices (partial too), the rest as the partner’s credit',
    tags,
    access: 'accounting.payment.create',
    body: PaymentInput,
    status: 201,
    response: PaymentView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createPayment(tx, actor, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/payments/:id/allocate',
    summary: 'Allocate the unallocated rest of a payment to open invoices (exchange difference booked)',
    tags,
    access: 'accounting.payment.create',
    params: IdParams,
    body: AllocateInput,
    response: PaymentView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => allocatePayment(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/payments/:id/cancel',
    summary:
      'Cancel a payment: its entries reversed (next open month if closed), allocations removed, invoices reopened',
    tags,
    access: 'accounting.payment.cancel',
    params: IdParams,
    body: CancelPaymentInput,
    response: PaymentView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => cancelPayment(tx, actor, { paymentId: params.id, ...body })),
  });
}
