import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, rows, type Tx } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { inventorySettings } from '../settings.ts';
import { money, periodAverage } from './valuation.ts';

export interface PeriodCost {
  productId: string;
  openingQty: string;
  openingValue: string;
  inQty: string;
  inValue: string;
  outQty: string;
  outValue: string;
  avgCost: string;
  adjustment: string;
}

interface Flow {
  product_id: string;
  open_qty: string;
  open_value: string;
  in_qty: string;
  in_value: string;
  out_qty: string;
  out_value: string;
  avg_cost: string;
}

function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Month-end weighted average (月末一次加权平均): per product, (opening value + receipts value) /
 * (opening qty + receipts qty). The month's issues went out at the previous average; the difference
 * to the new average is booked as the period's adjustment and taken out of the stock value, and the
 * new average is what next month's issues use.
 */
export async function closeCostPeriod(
  tx: Tx,
  actor: Actor,
  input: { period: string },
): Promise<PeriodCost[]> {
  requirePermission(actor, 'inventory.valuation.close');
  const companyId = actor.companyId;
  const { period } = input;
  const settings = await inventorySettings(tx, companyId);
  if (settings.costMethod !== 'monthly_average')
    throw unprocessable(
      'inventory.not_monthly_average',
      'The company does not use the monthly weighted average',
    );
  const start = `${period}-01`;
  const end = nextMonth(period);
  if (end > settings.today)
    throw unprocessable('inventory.period_not_ended', 'The month has not ended yet', { period });
  // All valuation rows locked first: moves of this company wait until the close is done.
  await tx.execute(
    sql`select product_id from inventory_cost where company_id = ${companyId} order by product_id for update`,
  );
  const later = await one<{ period: string }>(
    tx,
    sql`select period from inventory_cost_period where company_id = ${companyId} and period >= ${period}
         order by period desc limit 1`,
  );
  if (later)
    throw conflict('inventory.period_closed', 'This month or a later one is already closed', {
      period: later.period,
    });
  const flows = await periodFlows(tx, companyId, period, start, end);
  const out: PeriodCost[] = [];
  for (const f of flows) out.push(await closeProduct(tx, companyId, period, f));
  await recordAudit(tx, actor, {
    entity: 'inventory.cost_period',
    entityId: companyId,
    action: 'close',
    after: { period, products: out.length },
  });
  await publish(tx, actor, {
    type: 'stock.cost_closed',
    aggregateType: 'inventory.cost_period',
    aggregateId: companyId,
    payload: { period, products: out.length },
  });
  return out;
}

async function periodFlows(tx: Tx, companyId: string, period: string, start: string, end: string) {
  return rows<Flow>(
    tx,
    sql`with m as (
          select mv.product_id, mv.move_date, mv.qty, mv.value,
                 (f.warehouse_id is null and t.warehouse_id is not null) as is_in,
                 (f.warehouse_id is not null and t.warehouse_id is null) as is_out
            from inventory_move mv
            join inventory_location f on f.company_id = mv.company_id and f.id = mv.from_location_id
            join inventory_location t on t.company_id = mv.company_id and t.id = mv.to_location_id
           where mv.company_id = ${companyId} and mv.move_date < ${end}::date),
        agg as (
          select product_id,
                 sum(case when move_date < ${start}::date then (case when is_in then qty when is_out then -qty else 0 end) else 0 end) as open_qty,
                 sum(case when move_date < ${start}::date then (case when is_in then value when is_out then -value else 0 end) else 0 end) as open_value,
                 sum(case when move_date >= ${start}::date and is_in then qty else 0 end) as in_qty,
                 sum(case when move_date >= ${start}::date and is_in then value else 0 end) as in_value,
                 sum(case when move_date >= ${start}::date and is_out then qty else 0 end) as out_qty,
                 sum(case when move_date >= ${start}::date and is_out then value else 0 end) as out_value,
                 bool_or(move_date >= ${start}::date) as moved
            from m group by product_id)
        select agg.product_id, agg.open_qty,
               agg.open_value - coalesce((select sum(p.adjustment) from inventory_cost_period p
                                           where p.company_id = ${companyId} and p.product_id = agg.product_id
                                             and p.period < ${period}), 0) as open_value,
               agg.in_qty, agg.in_value, agg.out_qty, agg.out_value, c.avg_cost
          from agg
          join inventory_cost c on c.company_id = ${companyId} and c.product_id = agg.product_id
         where agg.moved or agg.open_qty <> 0
         order by agg.product_id`,
  );
}

async function closeProduct(tx: Tx, companyId: string, period: string, f: Flow): Promise<PeriodCost> {
  const opening = { qty: new Decimal(f.open_qty), value: new Decimal(f.open_value) };
  const received = { qty: new Decimal(f.in_qty), value: new Decimal(f.in_value) };
  const outQty = new Decimal(f.out_qty);
  const issued = new Decimal(f.out_value);
  const avg = periodAverage(opening, received, new Decimal(f.avg_cost));
  const closingQty = opening.qty.add(received.qty).sub(outQty);
  // Everything issued: the issues carry all the value, so no rounding residue stays on zero stock.
  const outValue = closingQty.isZero() ? opening.value.add(received.value) : money(outQty.mul(avg));
  const adjustment = outValue.sub(issued);
  await tx.execute(
    sql`insert into inventory_cost_period (company_id, product_id, period, opening_qty, opening_value, in_qty, in_value,
          out_qty, out_value, avg_cost, adjustment)
        values (${companyId}, ${f.product_id}, ${period}, ${opening.qty.toFixed(4)}, ${opening.value.toFixed(2)},
          ${received.qty.toFixed(4)}, ${received.value.toFixed(2)}, ${outQty.toFixed(4)}, ${outValue.toFixed(2)},
          ${avg.toFixed(6)}, ${adjustment.toFixed(2)})`,
  );
  await tx.execute(
    sql`update inventory_cost set value = value - ${adjustment.toFixed(2)}, avg_cost = ${avg.toFixed(6)},
           version = version + 1, updated_at = now()
         where company_id = ${companyId} and product_id = ${f.product_id}`,
  );
  return {
    productId: f.product_id,
    openingQty: opening.qty.toFixed(4),
    openingValue: opening.value.toFixed(2),
    inQty: received.qty.toFixed(4),
    inValue: received.value.toFixed(2),
    outQty: outQty.toFixed(4),
    outValue: outValue.toFixed(2),
    avgCost: avg.toFixed(6),
    adjustment: adjustment.toFixed(2),
  };
}
