import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, one, type Tx } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { companyCurrency } from '../../../platform/reference/currencies.ts';
import { openReceivables, overdueBeyond } from '../../accounting/index.ts';
import { getCustomerTerms } from '../../crm/index.ts';
import { companyToday, rateFor } from '../document/header.ts';
import { salesSetting } from '../document/numbers.ts';
import { type CreditFigures, type OverdueFigures, withinCredit } from './order.ts';

/**
 * The not-yet-invoiced part of a customer's confirmed, partly delivered and delivered orders in company
 * currency (line total × uninvoiced share × the order's rate, rounded per line). Accounting shows it with
 * the customer's account (registered in index.ts) so both screens agree on the credit left.
 */
export async function uninvoicedOrders(ex: Executor, companyId: string, customerId: string): Promise<string> {
  const row = await one<{ exposure: string }>(
    ex,
    sql`select coalesce(sum(round(l.total * (l.qty_base - l.qty_invoiced) / l.qty_base * o.exchange_rate, 2)), 0)::text
               as exposure
          from sales_order o
          join sales_order_line l on l.company_id = o.company_id and l.order_id = o.id
         where o.company_id = ${companyId} and o.customer_id = ${customerId}
           and o.state in ('confirmed', 'partly_delivered', 'delivered')`,
  );
  return new Decimal(row?.exposure ?? '0').toFixed(2);
}

/**
 * What the customer owes or will owe, in company currency: its open receivables in accounting (posted
 * invoices less credit notes and unapplied payments) plus the uninvoiced part of its orders. Invoicing an
 * order raises `qty_invoiced`, so an invoiced part moves from the second figure to the first, never both.
 */
export async function creditExposure(ex: Executor, companyId: string, customerId: string): Promise<string> {
  return new Decimal(await openReceivables(ex, companyId, customerId))
    .plus(await uninvoicedOrders(ex, companyId, customerId))
    .toFixed(2);
}

/**
 * The credit check of a confirmation: null when it passes (no limit, check switched off in
 * settings.sales.requireCreditCheck, or exposure + this order within the limit), else the figures.
 * Concurrent confirmations for the same customer queue on a transaction lock, so two orders cannot
 * both squeeze under the same limit.
 */
export async function creditShortfall(
  tx: Tx,
  actor: Actor,
  order: { customer_id: string; total_company_t: string },
): Promise<CreditFigures | null> {
  const customer = await getCustomerTerms(tx, { ...actor, recordScope: 'company' }, order.customer_id);
  if (customer.creditLimit === null) return null;
  const setting = await one<{ enabled: string | null }>(
    tx,
    sql`select settings #>> '{sales,requireCreditCheck}' as enabled from platform_company where id = ${actor.companyId}`,
  );
  if (setting?.enabled === 'false') return null;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sales.credit:${order.customer_id}`}))`);
  let limit = new Decimal(customer.creditLimit);
  if (customer.currency !== (await companyCurrency(tx, actor.companyId)))
    limit = limit
      .mul(await rateFor(tx, actor.companyId, customer.currency, await companyToday(tx, actor.companyId)))
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const figures = {
    limit: limit.toFixed(2),
    exposure: await creditExposure(tx, actor.companyId, order.customer_id),
    orderTotal: order.total_company_t,
  };
  return withinCredit(figures) ? null : figures;
}

/**
 * The overdue rule of a confirmation (`settings.sales.blockOverdueDays`, off when unset): a customer with
 * posted invoices still open more than that many days past their due date gets no new order confirmed
 * until they pay or someone with the override permission lets it through. Null when it passes.
 */
export async function overdueHold(
  tx: Tx,
  actor: Actor,
  order: { customer_id: string },
): Promise<OverdueFigures | null> {
  const setting = await salesSetting(tx, actor.companyId, 'blockOverdueDays');
  if (setting === null || setting === '' || !/^\d+$/.test(setting)) return null;
  const days = Number(setting);
  const found = await overdueBeyond(
    tx,
    actor.companyId,
    order.customer_id,
    await companyToday(tx, actor.companyId),
    days,
  );
  return found ? { days, ...found } : null;
}
