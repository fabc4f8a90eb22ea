import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { route } from '../../../platform/http/route.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { PrintQuery } from '../order/contract.ts';
import { printPurchaseOrder } from './print-order.ts';
import { PRINT_CSP, type PrintLang } from './print-page.ts';
import { printGoodsReceipt } from './print-receipt.ts';

const tags = ['purchasing'];
const HtmlPage = z.any().meta({ description: 'A print-ready A4 HTML page (text/html)' });
const ReceiptParams = z.object({ id: z.uuid(), receiptId: z.uuid() });

/** The language of a printed page: asked for (?lang=), else the reader's. */
const printLang = (asked: PrintLang | undefined, actor: Actor): PrintLang =>
  asked ?? (actor.locale.startsWith('zh') ? 'zh-CN' : 'en');

/** A print page: HTML under its own strict policy (its style sheet and nothing else). */
function sendPrintPage(reply: FastifyReply, html: string): Buffer {
  reply.header('content-type', 'text/html; charset=utf-8');
  reply.header('content-security-policy', PRINT_CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'private, no-store');
  return Buffer.from(html, 'utf8');
}

export function printRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/purchase-orders/:id/print',
    summary: 'The printable purchase order (RFQ while draft or sent), A4 HTML; lang zh-CN or en',
    tags,
    access: 'purchasing.order.read',
    params: IdParams,
    query: PrintQuery,
    response: HtmlPage,
    handler: async ({ db, params, query, reply }, actor) =>
      sendPrintPage(reply, await printPurchaseOrder(db.orm, actor, params.id, printLang(query.lang, actor))),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/purchase-orders/:id/receipts/:receiptId/print',
    summary: 'The goods receipt note (入库单) of one receipt of the order, A4 HTML; lang zh-CN or en',
    tags,
    access: 'purchasing.order.read',
    params: ReceiptParams,
    query: PrintQuery,
    response: HtmlPage,
    handler: async ({ db, params, query, reply }, actor) =>
      sendPrintPage(
        reply,
        await printGoodsReceipt(db.orm, actor, params.id, params.receiptId, printLang(query.lang, actor)),
      ),
  });
}
