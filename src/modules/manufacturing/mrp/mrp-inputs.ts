import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { planningSnapshot } from '../../inventory/index.ts';
import { openPurchaseSupply, purchaseLeadTimes } from '../../purchasing/index.ts';
import { bomExplosionData } from '../bom/explosion-data.ts';
import { consumeForecasts } from './forecasts.ts';
import type { MrpDemand, MrpInput, MrpItem, MrpRule, MrpSupply } from './mrp.ts';
import { openProductionDemand, openProductionSupply } from './production-seam.ts';
import { mrpPeriodDays } from './settings.ts';

/**
 * Everything one MRP run nets, for a whole company, in a handful of set-based reads (no query per
 * product): inventory's snapshot (available, unreserved delivery demand, open receipts), purchasing's
 * open requisitions/unsent orders and lead times, open production orders (output as supply, components
 * not yet consumed as demand), BOMs in force today, reorder rules and forecasts from today's month on
 * (net of the sales orders of their month).
 */
export async function gatherMrpInput(tx: Tx, companyId: string): Promise<MrpInput> {
  const snapshot = await planningSnapshot(tx, companyId);
  const { today } = snapshot;
  const boms = await bomExplosionData(tx, companyId, today);
  const products = await rows<{ id: string; method: 'make' | 'buy' }>(
    tx,
    sql`select id, procure_method as method from catalog_product
         where company_id = ${companyId} and kind = 'stocked' and active`,
  );
  const buy = products.filter((p) => p.method === 'buy').map((p) => p.id);
  const leadTimes = await purchaseLeadTimes(tx, companyId, buy);
  const bomLead = new Map(boms.map((b) => [b.productId, b.leadTimeDays]));
  const items: MrpItem[] = products.map((p) => ({
    productId: p.id,
    method: p.method,
    leadTimeDays: (p.method === 'make' ? bomLead.get(p.id) : leadTimes.get(p.id)) ?? 0,
  }));
  const rules = await rows<MrpRule>(
    tx,
    sql`select id, product_id as "productId", warehouse_id as "warehouseId", route,
               min_qty::text as "minQty", max_qty::text as "maxQty", multiple::text as multiple
          from manufacturing_reorder_rule where company_id = ${companyId}`,
  );
  const forecasts = await rows<{
    id: string;
    productId: string;
    warehouseId: string;
    month: string;
    qty: string;
  }>(
    tx,
    sql`select id, product_id as "productId", warehouse_id as "warehouseId",
               to_char(month, 'YYYY-MM-DD') as month, qty::text as qty
          from manufacturing_forecast
         where company_id = ${companyId} and qty > 0 and month >= date_trunc('month', ${today}::date)`,
  );
  const supply: MrpSupply[] = [
    ...snapshot.receipts,
    ...(await openPurchaseSupply(tx, companyId)),
    ...(await openProductionSupply(tx, companyId)),
  ];
  // A sales order line short at confirmation has an open procurement need: its pegs carry it, so
  // confirming the proposal plans the need (sales then shows the expected date on the line).
  const needOf = new Map(snapshot.needs.map((n) => [`${n.originType}|${n.originLineId}`, n.needId]));
  const demand: MrpDemand[] = snapshot.demand.map((d) => {
    const needId = d.originLineId ? needOf.get(`${d.originType}|${d.originLineId}`) : undefined;
    return {
      productId: d.productId,
      warehouseId: d.warehouseId,
      date: d.date,
      qty: d.qty,
      origin: {
        type: d.originType ?? 'delivery',
        id: d.originId,
        number: d.originNumber,
        ...(needId ? { needId } : {}),
      },
    };
  });
  // Sales orders of a month consume its forecast (other deliveries, e.g. returns, do not).
  const salesOrders = snapshot.ordered.filter((o) => o.originType === 'sales_order');
  for (const f of consumeForecasts(forecasts, salesOrders))
    demand.push({
      productId: f.productId,
      warehouseId: f.warehouseId,
      // The current month's forecast is due now; later months on their first day.
      date: f.month < today ? today : f.month,
      qty: f.qty,
      origin: { type: 'forecast', id: f.id, number: f.month.slice(0, 7) },
    });
  // Components open production orders have still to consume (they say which order in the origin).
  for (const d of await openProductionDemand(tx, companyId))
    demand.push({ ...d, origin: { type: 'production_order', id: null, number: null } });
  const periodDays = await mrpPeriodDays(tx, companyId);
  return { today, items, boms, rules, stock: snapshot.stock, supply, demand, periodDays };
}
