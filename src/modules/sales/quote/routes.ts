import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { PrintQuery } from '../document/contract.ts';
import { printLang, sendHtml } from '../document/print-reply.ts';
import { acceptQuote } from './accept-quote.ts';
import { cancelQuote } from './cancel-quote.ts';
import {
  AcceptQuoteView,
  QuoteInput,
  QuoteListQuery,
  QuotePatch,
  QuoteSummary,
  QuoteView,
  SendQuoteInput,
  VersionInput,
} from './contract.ts';
import { createQuote } from './create-quote.ts';
import { listQuotes } from './list-quotes.ts';
import { printQuote } from './print-quote.ts';
import { findVisibleQuote, quoteView } from './quote.repo.ts';
import { reviseQuote } from './revise-quote.ts';
import { sendQuote } from './send-quote.ts';
import { updateQuote } from './update-quote.ts';

const tags = ['sales'];

export function quoteRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/quotes',
    summary:
      'Quotes you may see (latest revision of each unless allRevisions=true); filter by state, customer, q',
    tags,
    access: 'sales.quote.read',
    query: QuoteListQuery,
    response: listOf(QuoteSummary),
    handler: ({ db, query }, actor) => listQuotes(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/quotes/:id',
    summary: 'One quote revision with its lines',
    tags,
    access: 'sales.quote.read',
    params: IdParams,
    response: QuoteView,
    handler: ({ db, params }, actor) =>
      withTransaction(db, async (tx) => {
        requirePermission(actor, 'sales.quote.read');
        return quoteView(tx, actor.companyId, await findVisibleQuote(tx, actor, params.id));
      }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/quotes',
    summary:
      'Draft a quote for a customer you may see; lines priced by the price lists unless unitPrice is given',
    tags,
    access: 'sales.quote.create',
    body: QuoteInput,
    status: 201,
    response: QuoteView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createQuote(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/quotes/:id',
    summary: 'Edit a draft quote (send the version you read); lines are replaced as a whole',
    tags,
    access: 'sales.quote.update',
    params: IdParams,
    body: QuotePatch,
    response: QuoteView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateQuote(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/quotes/:id/send',
    summary: 'Mail the quote to its contact (or `to`) with a link to the printable page; state → sent',
    tags,
    access: 'sales.quote.send',
    params: IdParams,
    body: SendQuoteInput,
    response: QuoteView,
    handler: ({ db, params, body, config }, actor) =>
      withTransaction(db, (tx) => sendQuote(tx, actor, params.id, body, config.publicUrl)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/quotes/:id/accept',
    summary: 'The customer accepted: state → accepted and a draft sales order with the same lines',
    tags,
    access: 'sales.quote.accept',
    params: IdParams,
    body: VersionInput,
    response: AcceptQuoteView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => acceptQuote(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/quotes/:id/revise',
    summary: 'A new revision (same number, revision + 1, draft); this one becomes superseded',
    tags,
    access: 'sales.quote.update',
    params: IdParams,
    body: VersionInput,
    status: 201,
    response: QuoteView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => reviseQuote(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/quotes/:id/cancel',
    summary: 'Cancel a draft, sent or expired quote',
    tags,
    access: 'sales.quote.update',
    params: IdParams,
    body: VersionInput,
    response: QuoteView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => cancelQuote(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/quotes/:id/print',
    summary: 'The printable quote (A4 HTML, text/html) in zh-CN or en',
    tags,
    access: 'sales.quote.read',
    params: IdParams,
    query: PrintQuery,
    response: z.any().meta({ description: 'An HTML page' }),
    handler: async ({ db, params, query, reply }, actor) =>
      sendHtml(
        reply,
        await withTransaction(db, (tx) => printQuote(tx, actor, params.id, printLang(query.lang, actor))),
      ),
  });
}
