import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, staleVersion } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, can, requirePermission } from '../../../platform/permissions/actor.ts';
import { getProducts } from '../../catalog/index.ts';
import { markOpportunityWon } from '../../crm/index.ts';
import {
  createDelivery,
  projectAvailability,
  type ReserveResult,
  recordProcurementNeeds,
  reserveStock,
} from '../../inventory/index.ts';
import { lineRows } from '../document/lines.repo.ts';
import { confirmThroughGates } from './confirm-gates.ts';
import type { ConfirmInput, OrderView } from './contract.ts';
import { creditShortfall, overdueHold } from './credit.ts';
import { requestCreditApproval } from './credit-approval.ts';
import {
  findVisibleOrder,
  historyViews,
  ORDER_ENTITY,
  ORIGIN_TYPE,
  orderLinesFromRows,
  toOrderSummary,
} from './order.repo.ts';
import { expectedDate, orderStates } from './order.ts';

const PROJECTION_DAYS = 60;

/**
 * Confirms a draft order in ONE transaction: permission, row lock, version, transition, credit check
 * (409 `sales.credit_limit_exceeded`, or `sales.overdue_invoices` under `settings.sales.blockOverdueDays`,
 * unless the actor may override, or an approval request when asked),
 * then the stock reservation and delivery (see `carryOutConfirmation`).
 */
export async function confirmOrder(tx: Tx, actor: Actor, id: string, input: ConfirmInput) {
  requirePermission(actor, 'sales.order.confirm');
  const row = await findVisibleOrder(tx, actor, id, true);
  if (row.version !== input.version) throw staleVersion('sales_order', input.version, row.version);
  if (row.state === 'awaiting_approval')
    throw conflict('sales.approval_pending', 'The order waits for an approval', { state: row.state });
  orderStates.transition(row.state, 'confirmed');
  if (!can(actor, 'sales.credit.override')) {
    const hold = {
      credit: await creditShortfall(tx, actor, row as { customer_id: string; total_company_t: string }),
      overdue: await overdueHold(tx, actor, row as { customer_id: string }),
    };
    if (hold.credit || hold.overdue) {
      if (input.requestApproval) return requestCreditApproval(tx, actor, row, hold, input.reason);
      if (hold.credit)
        throw conflict(
          'sales.credit_limit_exceeded',
          'The order would take the customer over the credit limit',
          {
            ...hold.credit,
            ...(hold.overdue ? { overdue: hold.overdue } : {}),
          },
        );
      throw conflict(
        'sales.overdue_invoices',
        'The customer has invoices overdue beyond the allowed days',
        hold.overdue as unknown as Record<string, unknown>,
      );
    }
  }
  // Last, the registered gates (trigger rules such as "amount > 100000 needs a sales manager").
  return confirmThroughGates(tx, actor, row, '');
}

/**
 * The confirmation proper, on a locked order that passed the credit check: reserve the stocked lines
 * in the order's warehouse (inventory locks balances in a fixed order: concurrent orders never
 * oversell), record shortages as procurement needs, create the delivery, set each line's reserved
 * quantity and expected date, then the state, the timeline row, the audit row and the event.
 */
export async function carryOutConfirmation(
  tx: Tx,
  actor: Actor,
  row: Record<string, any>,
  note: string,
): Promise<OrderView> {
  const orderId: string = row.id;
  const lines = await lineRows(tx, 'order', actor.companyId, orderId);
  const products = await getProducts(tx, actor.companyId, [
    ...new Set(lines.map((l) => l.product_id as string)),
  ]);
  const stocked = lines.filter((l) => products.get(l.product_id)?.kind === 'stocked');
  const origin = { originType: ORIGIN_TYPE, originId: orderId, originNumber: row.number as string };
  const results = stocked.length
    ? await reserveStock(tx, actor, {
        ...origin,
        customerId: row.customer_id,
        products,
        lines: stocked.map((l) => ({
          originLineId: l.id,
          productId: l.product_id,
          warehouseId: row.warehouse_id,
          qty: l.qty_base_t,
        })),
      })
    : [];
  const progress = await planLines(tx, actor, row, lines, results);
  await tx.execute(
    sql`update sales_order_line l set qty_reserved = r.reserved, expected_date = r.expected::date,
          version = l.version + 1, updated_at = now()
          from jsonb_to_recordset(${JSON.stringify(progress)}::jsonb) as r(id uuid, reserved numeric, expected text)
         where l.company_id = ${actor.companyId} and l.order_id = ${orderId} and l.id = r.id`,
  );
  const updated = await markConfirmed(tx, actor, row, note, progress, results);
  if (row.opportunity_id) await markOpportunityWon(tx, actor, row.opportunity_id);
  const byId = new Map(progress.map((p) => [p.id, p]));
  const view = {
    ...toOrderSummary({ ...row, ...updated }),
    lines: await orderLinesFromRows(
      tx,
      actor.companyId,
      lines.map((l) => ({
        ...l,
        qty_reserved_t: new Decimal(byId.get(l.id)!.reserved).toFixed(4),
        expected_t: byId.get(l.id)!.expected,
      })),
      products,
    ),
    history: historyViews(updated.history_rows),
  };
  // Last: the delivery takes inventory's number counter, which holds concurrent confirmations until commit.
  // A draft order has no stock documents yet, so the new delivery is the order's only one.
  const delivery = stocked.length
    ? await createDelivery(tx, actor, {
        warehouseId: row.warehouse_id,
        partyId: row.customer_id,
        ...origin,
        scheduledDate: row.requested_date_t ?? row.order_date_t,
        shipTo: row.ship_to ?? null,
        lines: stocked.map((l) => ({ originLineId: l.id, productId: l.product_id, qty: l.qty_base_t })),
        products,
      })
    : null;
  const deliveries = delivery
    ? [
        {
          ...delivery,
          kind: 'delivery',
          scheduledDate: (row.requested_date_t ?? row.order_date_t) as string,
          doneAt: null,
          carrier: '',
          trackingNo: '',
        },
      ]
    : [];
  return { ...view, deliveries };
}

/**
 * Each line's reserved quantity and expected date; shortages become procurement needs (needed by the
 * requested or order date) and are expected when the projection covers them.
 */
async function planLines(
  tx: Tx,
  actor: Actor,
  row: Record<string, any>,
  lines: Array<Record<string, any>>,
  results: ReserveResult[],
) {
  const origin = { originType: ORIGIN_TYPE, originId: row.id as string, originNumber: row.number as string };
  const byLine = new Map(results.map((r) => [r.originLineId, r]));
  const dates = {
    orderDate: row.order_date_t as string,
    requestedDate: (row.requested_date_t ?? null) as string | null,
  };
  const progress: Array<{ id: string; reserved: string; expected: string }> = [];
  const needs: Parameters<typeof recordProcurementNeeds>[2] = [];
  for (const l of lines) {
    const result = byLine.get(l.id);
    const short = result?.short ?? '0';
    let expected = expectedDate({ ...dates, short });
    if (result && new Decimal(short).gt(0)) {
      const projection = await projectAvailability(tx, actor.companyId, {
        productId: l.product_id,
        warehouseId: row.warehouse_id,
        days: PROJECTION_DAYS,
      });
      expected = expectedDate({ ...dates, short, projection: projection.days });
      needs.push({
        productId: l.product_id,
        warehouseId: row.warehouse_id,
        qty: short,
        neededBy: dates.requestedDate ?? dates.orderDate,
        ...origin,
        originLineId: l.id,
      });
    }
    progress.push({ id: l.id, reserved: result?.reserved ?? '0', expected });
  }
  if (needs.length) await recordProcurementNeeds(tx, actor, needs);
  return progress;
}

/** The state with its timeline row (one statement), the audit row and `sales_order.confirmed`. */
async function markConfirmed(
  tx: Tx,
  actor: Actor,
  row: Record<string, any>,
  note: string,
  progress: Array<{ id: string; reserved: string; expected: string }>,
  results: ReserveResult[],
) {
  const orderId: string = row.id;
  const isPerson = !(actor.name === 'system' && !actor.tokenId);
  // The state and its timeline row in one statement.
  // The new history row is not visible to a read in the same statement, so the answer's history is the
  // rows before it plus the one it inserts.
  const updated = await one<Record<string, any>>(
    tx,
    sql`with o as (
          update sales_order set state = 'confirmed', confirmed_at = now(), confirmed_by = ${isPerson ? actor.userId : null},
                 version = version + 1, updated_at = now()
           where company_id = ${actor.companyId} and id = ${orderId}
          returning company_id, id, state, confirmed_at, confirmed_by, version, updated_at),
        h as (
          insert into sales_order_history (company_id, id, order_id, from_state, to_state, note, by_user_id)
          select company_id, ${newId()}, id, ${row.state}, 'confirmed', ${note.slice(0, 500)}, ${isPerson ? actor.userId : null}
            from o
          returning id, from_state, to_state, note, by_user_id, at)
        select o.*,
               (select coalesce(json_agg(json_build_object('id', x.id, 'from_state', x.from_state,
                         'to_state', x.to_state, 'note', x.note, 'by_user_id', x.by_user_id, 'by_name', u.name,
                         'at', x.at) order by x.at, x.id), '[]'::json)
                  from (select h0.id, h0.from_state, h0.to_state, h0.note, h0.by_user_id, h0.at
                          from sales_order_history h0
                         where h0.company_id = ${actor.companyId} and h0.order_id = ${orderId}
                        union all
                        select id, from_state, to_state, note, by_user_id, at from h) x
                  left join platform_user u on u.id = x.by_user_id) as history_rows
          from o`,
  );
  const shortLines = results.filter((r) => new Decimal(r.short).gt(0)).length;
  await recordAudit(tx, actor, {
    entity: ORDER_ENTITY,
    entityId: orderId,
    action: 'confirm',
    before: { state: row.state },
    after: { state: 'confirmed', lines: progress },
  });
  await publish(tx, actor, {
    type: 'sales_order.confirmed',
    aggregateType: 'sales_order',
    aggregateId: orderId,
    payload: {
      orderId,
      number: row.number,
      customerId: row.customer_id,
      total: row.total_t,
      currency: row.currency,
      shortLines,
      summary: `Sales order ${row.number} confirmed (${row.currency} ${row.total_t})${shortLines ? `, ${shortLines} line(s) backordered` : ''}`,
    },
  });
  return updated!;
}
