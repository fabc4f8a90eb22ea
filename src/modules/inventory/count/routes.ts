import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { cancelCount } from './cancel-count.ts';
import {
  CountInput,
  CountLine,
  CountLineInput,
  CountListQuery,
  CountSummary,
  CountVersion,
  StockCount,
} from './contract.ts';
import { loadCount } from './count.repo.ts';
import { listCounts } from './list-counts.ts';
import { postCount } from './post-count.ts';
import { recordCountLine } from './record-count-line.ts';
import { startCount } from './start-count.ts';

const tags = ['inventory'];

export function countRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/stock-counts',
    summary: 'Stock counts (盘点), newest first; filter by state and warehouse',
    tags,
    access: 'inventory.count.read',
    query: CountListQuery,
    response: listOf(CountSummary),
    handler: ({ db, query }, actor) => listCounts(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stock-counts/:id',
    summary: 'One stock count with expected and counted quantities per product, location and lot',
    tags,
    access: 'inventory.count.read',
    params: IdParams,
    response: StockCount,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'inventory.count.read');
      return loadCount(db.orm, actor.companyId, params.id, actor.locale);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stock-counts',
    summary: 'Start a stock count of a warehouse (or some products): freezes the expected quantities',
    tags,
    access: 'inventory.count.manage',
    body: CountInput,
    status: 201,
    response: StockCount,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => startCount(tx, actor, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stock-counts/:id/lines',
    summary:
      'Record a counted quantity by scanned code (SKU, barcode, packaging barcode) or product; add: true adds',
    tags,
    access: 'inventory.count.manage',
    params: IdParams,
    body: CountLineInput,
    response: CountLine,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => recordCountLine(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stock-counts/:id/post',
    summary: 'Post the count: each difference becomes an adjustment move at the average cost',
    tags,
    access: 'inventory.count.manage',
    params: IdParams,
    body: CountVersion,
    response: StockCount,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => postCount(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stock-counts/:id/cancel',
    summary: 'Abandon a count that is not posted',
    tags,
    access: 'inventory.count.manage',
    params: IdParams,
    body: CountVersion,
    response: StockCount,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => cancelCount(tx, actor, params.id, body)),
  });
}
