import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { cancelInvoice } from './cancel-invoice.ts';
import {
  CancelInput,
  CreditNoteInput,
  EInvoiceInput,
  InvoiceInput,
  InvoiceListQuery,
  InvoicePatch,
  InvoiceSummary,
  InvoiceView,
  PostInput,
} from './contract.ts';
import { createCreditNote } from './create-credit-note.ts';
import { createInvoice } from './create-invoice.ts';
import { loadInvoice } from './invoice.repo.ts';
import { listInvoices } from './list-invoices.ts';
import { postInvoice } from './post-invoice.ts';
import { printInvoice } from './print-invoice.ts';
import { setEInvoice } from './set-e-invoice.ts';
import { updateInvoice } from './update-invoice.ts';

const tags = ['accounting'];
const PrintQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });

export function invoiceRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/invoices',
    summary:
      'Invoices, credit notes and bills you may see, newest first; filter by kind, state, paymentState, partnerId, originId; q: number, partner, reference',
    tags,
    access: 'accounting.invoice.read',
    query: InvoiceListQuery,
    response: listOf(InvoiceSummary),
    handler: ({ db, query }, actor) => listInvoices(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/invoices/:id',
    summary: 'One invoice with its lines and settlements (payments, credit notes)',
    tags,
    access: 'accounting.invoice.read',
    params: IdParams,
    response: InvoiceView,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'accounting.invoice.read');
      return loadInvoice(db.orm, actor, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/invoices',
    summary: 'Draft a customer invoice, customer credit note, supplier bill or supplier credit note',
    tags,
    access: 'accounting.invoice.create',
    body: InvoiceInput,
    status: 201,
    response: InvoiceView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createInvoice(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/invoices/:id',
    summary: 'Edit a draft (send the version you read); lines are replaced as a whole',
    tags,
    access: 'accounting.invoice.create',
    params: IdParams,
    body: InvoicePatch,
    response: InvoiceView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateInvoice(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/invoices/:id/post',
    summary: 'Post a draft: gap-free number per kind and year, journal entry, open for payment',
    tags,
    access: 'accounting.invoice.post',
    params: IdParams,
    body: PostInput,
    response: InvoiceView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => postInvoice(tx, actor, { invoiceId: params.id, version: body?.version })),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/invoices/:id/cancel',
    summary:
      'Cancel a draft, or a posted invoice nothing settled yet (its entry is reversed; 409 accounting.invoice_settled)',
    tags,
    access: 'accounting.invoice.cancel',
    params: IdParams,
    body: CancelInput,
    response: InvoiceView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => cancelInvoice(tx, actor, { invoiceId: params.id, ...body })),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/invoices/:id/credit-note',
    summary:
      'A credit note (红字发票) for a posted invoice or bill: all of it or chosen lines; optionally posted at once',
    tags,
    access: 'accounting.invoice.create',
    params: IdParams,
    body: CreditNoteInput,
    status: 201,
    response: InvoiceView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => createCreditNote(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/invoices/:id/e-invoice',
    summary: 'Record the e-invoice (数电票) number and issue date of a posted invoice',
    tags,
    access: 'accounting.invoice.post',
    params: IdParams,
    body: EInvoiceInput,
    response: InvoiceView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => setEInvoice(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/invoices/:id/print',
    summary: 'The printable invoice (A4 HTML, text/html) in zh-CN or en',
    tags,
    access: 'accounting.invoice.read',
    params: IdParams,
    query: PrintQuery,
    response: z.any().meta({ description: 'An HTML page' }),
    handler: async ({ db, params, query, reply }, actor) => {
      const lang = query.lang ?? (actor.locale.startsWith('zh') ? 'zh-CN' : 'en');
      const html = await withTransaction(db, (tx) => printInvoice(tx, actor, params.id, lang));
      reply.header('content-type', 'text/html; charset=utf-8');
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'private, no-store');
      return Buffer.from(html, 'utf8');
    },
  });
}
