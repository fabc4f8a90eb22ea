import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type Executor, rows, withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { idCursor, page } from '../shared.ts';
import { loadBill, selectBill, toBill } from './bill.repo.ts';
import { ApproveVarianceInput, BillInput, BillListQuery, BillVersion, BillView } from './contract.ts';
import { createSupplierBill } from './create-bill.ts';
import { approveBillVariance, cancelSupplierBill } from './decide-bill.ts';
import { postSupplierBill } from './post-bill.ts';

const tags = ['purchasing'];
const BillSummary = BillView.omit({ lines: true }).meta({ id: 'SupplierBillSummary' });

async function listBills(ex: Executor, actor: Actor, query: BillListQuery) {
  requirePermission(actor, 'purchasing.bill.read');
  const where: SQL[] = [sql`b.company_id = ${actor.companyId}`];
  if (query.state) where.push(sql`b.state = ${query.state}`);
  if (query.orderId) where.push(sql`b.order_id = ${query.orderId}`);
  const cursor = idCursor(query.cursor, sql`b.id`);
  if (cursor) where.push(cursor);
  const list = await rows<Record<string, any>>(
    ex,
    sql`${selectBill} where ${sql.join(where, sql` and `)} order by b.id desc limit ${query.limit + 1}`,
  );
  return page(
    list.map((r) => {
      const { partyId: _p, ...bill } = toBill(r);
      return bill;
    }),
    query.limit,
  );
}

export function billRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/supplier-bills',
    summary: 'Supplier bills with their match state, newest first',
    tags,
    access: 'purchasing.bill.read',
    query: BillListQuery,
    response: listOf(BillSummary),
    handler: ({ db, query }, actor) => listBills(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/supplier-bills/:id',
    summary: 'One supplier bill with the 3-way match of each line',
    tags,
    access: 'purchasing.bill.read',
    params: IdParams,
    response: BillView,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'purchasing.bill.read');
      return loadBill(db.orm, actor.companyId, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/purchase-orders/:id/bill',
    summary:
      "Enter the supplier's bill for an order; lines are matched to the PO price and received quantity",
    tags,
    access: 'purchasing.bill.create',
    params: IdParams,
    body: BillInput,
    status: 201,
    response: BillView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => createSupplierBill(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/supplier-bills/:id/approve-variance',
    summary: 'Release a bill outside the match tolerance so it may post',
    tags,
    access: 'purchasing.bill.approve_variance',
    params: IdParams,
    body: ApproveVarianceInput,
    response: BillView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => approveBillVariance(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/supplier-bills/:id/post',
    summary: 'Post the bill through accounting (Dr GRNI, Dr input VAT, Cr payable); 422 while blocked',
    tags,
    access: 'purchasing.bill.post',
    params: IdParams,
    body: BillVersion,
    response: BillView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => postSupplierBill(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/supplier-bills/:id/cancel',
    summary: 'Discard a bill that is not posted',
    tags,
    access: 'purchasing.bill.create',
    params: IdParams,
    body: BillVersion,
    response: BillView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => cancelSupplierBill(tx, actor, params.id, body)),
  });
}
