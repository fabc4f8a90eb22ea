import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { one, withTransaction } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { route } from '../../../platform/http/route.ts';
import { listOf } from '../../../platform/http/schemas.ts';
import { can } from '../../../platform/permissions/actor.ts';
import { inventorySettings } from '../settings.ts';
import { defaultWarehouse, getWarehouse } from '../warehouse/default-warehouse.ts';
import { adjustStock } from './adjust-stock.ts';
import { projectAvailability } from './availability.ts';
import { closeCostPeriod } from './close-cost-period.ts';
import { checkStockConsistency } from './consistency.ts';
import {
  AdjustmentInput,
  AdjustmentResult,
  AvailabilityQuery,
  AvailabilityView,
  Balance,
  BalanceQuery,
  Consistency,
  CostCloseInput,
  CostCloseResult,
  Move,
  MoveQuery,
} from './contract.ts';
import { listBalances, listMoves } from './list-stock.ts';

const tags = ['inventory'];

export function stockRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/stock',
    summary: 'Stock balances per product, location and lot',
    tags,
    access: 'inventory.stock.read',
    query: BalanceQuery,
    response: listOf(Balance),
    handler: ({ db, query }, actor) => listBalances(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stock/moves',
    summary: 'Stock move history, newest first',
    tags,
    access: 'inventory.stock.read',
    query: MoveQuery,
    response: listOf(Move),
    handler: ({ db, query }, actor) => listMoves(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stock/availability',
    summary: 'Available stock now and projected day by day (sales see the company horizon, no costs)',
    tags,
    access: 'inventory.stock.read',
    query: AvailabilityQuery,
    response: AvailabilityView,
    handler: async ({ db, query }, actor) => {
      const companyId = actor.companyId;
      const product = await one<{ avg_cost: string | null }>(
        db.orm,
        sql`select c.avg_cost from catalog_product p
              left join inventory_cost c on c.company_id = p.company_id and c.product_id = p.id
             where p.company_id = ${companyId} and p.id = ${query.product}`,
      );
      if (!product) throw notFound('product', query.product);
      const wh = query.warehouse
        ? await getWarehouse(db.orm, companyId, query.warehouse)
        : await withTransaction(db, (tx) => defaultWarehouse(tx, companyId));
      const valued = can(actor, 'inventory.valuation.read');
      const { salesHorizonDays } = await inventorySettings(db.orm, companyId);
      const days = valued ? query.days : Math.min(query.days, salesHorizonDays);
      const a = await projectAvailability(db.orm, companyId, {
        productId: query.product,
        warehouseId: wh.id,
        days,
      });
      const view = { productId: query.product, warehouseId: wh.id, horizonDays: days, ...a };
      if (!valued) return view;
      const avg = new Decimal(product.avg_cost ?? 0);
      return {
        ...view,
        unitCost: avg.toFixed(6),
        value: avg.mul(a.onHand).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/stock/consistency',
    summary: 'Balances checked against the move ledger and the active reservations',
    tags,
    access: 'inventory.stock.read',
    response: Consistency,
    handler: async ({ db }, actor) => {
      const mismatches = await checkStockConsistency(db.orm, actor.companyId);
      return { ok: mismatches.length === 0, mismatches };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stock/adjustments',
    summary: 'Enter or correct stock (signed quantity against the adjustment location)',
    tags,
    access: 'inventory.stock.adjust',
    body: AdjustmentInput,
    status: 201,
    response: AdjustmentResult,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => adjustStock(tx, actor, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/stock/cost-close',
    summary: 'Close a month of the monthly weighted-average cost (月末一次加权平均)',
    tags,
    access: 'inventory.valuation.close',
    body: CostCloseInput,
    response: CostCloseResult,
    handler: async ({ db, body }, actor) => ({
      period: body.period,
      items: await withTransaction(db, (tx) => closeCostPeriod(tx, actor, body)),
    }),
  });
}
