import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { cancelPicking } from './cancel-picking.ts';
import {
  Picking,
  PickingListQuery,
  PickingSummary,
  ReceiptInput,
  ValidateReceiptInput,
  ValidateResult,
  VersionInput,
} from './contract.ts';
import { createReceipt } from './create-receipt.ts';
import { listPickings } from './list-pickings.ts';
import { loadPicking } from './picking.repo.ts';
import { validateReceipt } from './validate-receipt.ts';

const tags = ['inventory'];

export function receiptRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/receipts',
    summary: 'Goods receipts, newest first; filter by state, warehouse, supplier; q: number or supplier',
    tags,
    access: 'inventory.receipt.read',
    query: PickingListQuery,
    response: listOf(PickingSummary),
    handler: ({ db, query }, actor) => listPickings(db.orm, actor, 'receipt', query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/receipts/:id',
    summary: 'One goods receipt with its lines',
    tags,
    access: 'inventory.receipt.read',
    params: IdParams,
    response: Picking,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'inventory.receipt.read');
      return loadPicking(db.orm, actor.companyId, params.id, 'receipt', actor.locale);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/receipts',
    summary: 'A manual goods receipt in draft (expected goods: incoming stock on the scheduled date)',
    tags,
    access: 'inventory.receipt.validate',
    body: ReceiptInput,
    status: 201,
    response: Picking,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createReceipt(tx, actor, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/receipts/:id/validate',
    summary:
      'Receive the goods (no lines: all of them) into stock at the unit cost; the rest goes to a backorder',
    tags,
    access: 'inventory.receipt.validate',
    params: IdParams,
    body: ValidateReceiptInput,
    response: ValidateResult,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => validateReceipt(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/receipts/:id/cancel',
    summary: 'Cancel a receipt that is not received (no longer incoming)',
    tags,
    access: 'inventory.receipt.validate',
    params: IdParams,
    body: VersionInput,
    response: Picking,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => cancelPicking(tx, actor, 'receipt', params.id, body)),
  });
}
