import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { Picking, PickingListQuery, PickingSummary, PrintQuery, ReturnInput } from './contract.ts';
import { createReturn } from './create-return.ts';
import { HtmlPage, sendPrintPage } from './delivery-routes.ts';
import { listPickings } from './list-pickings.ts';
import { loadPicking } from './picking.repo.ts';
import { printPicking } from './print-picking.ts';

const tags = ['inventory'];

export function returnRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/returns',
    summary: 'Customer returns, newest first; filter by origin, warehouse, customer',
    tags,
    access: 'inventory.receipt.read',
    query: PickingListQuery,
    response: listOf(PickingSummary),
    handler: ({ db, query }, actor) => listPickings(db.orm, actor, 'return_in', query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/returns/:id',
    summary: 'One customer return with its lines (quality and where the goods went)',
    tags,
    access: 'inventory.receipt.read',
    params: IdParams,
    response: Picking,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'inventory.receipt.read');
      return loadPicking(db.orm, actor.companyId, params.id, 'return_in', actor.locale);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/returns',
    summary:
      'Receive goods a customer sent back from a shipped delivery (ok → stock, hold → quality, scrap → scrap)',
    tags,
    access: 'inventory.return.create',
    body: ReturnInput,
    status: 201,
    response: Picking,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createReturn(tx, actor, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/returns/:id/print',
    summary: 'The printable return receipt (退货单), A4 HTML; lang zh-CN or en',
    tags,
    access: 'inventory.receipt.read',
    params: IdParams,
    query: PrintQuery,
    response: HtmlPage,
    handler: async ({ db, params, query, reply }, actor) =>
      sendPrintPage(reply, await printPicking(db.orm, actor, 'return_in', params.id, query.lang)),
  });
}
