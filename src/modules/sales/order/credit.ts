import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, one, type Tx } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { companyCurrency } from '../../../platform/reference/currencies.ts';
import { getCustomerTerms } from '../../crm/index.ts';
import { companyToday, rateFor } from '../document/header.ts';
import { type CreditFigures, withinCredit } from './order.ts';

/** Open receivables of a customer in company currency (decimal text), as a higher module computes them. */
export type OpenReceivables = (ex: Executor, companyId: string, customerId: string) => Promise<string>;

const receivables: OpenReceivables[] = [];

/**
 * Accounting (which does not exist yet) adds the customer's open receivables to the exposure here at
 * start-up; every registered source is summed. Its invoices also raise `qty_invoiced` on order lines,
 * so the invoiced part of an order is not counted twice.
 */
export function registerOpenReceivables(fn: OpenReceivables): void {
  receivables.push(fn);
}

/**
 * What the customer owes or will owe, in company currency: the not-yet-invoiced part of every
 * confirmed, partly delivered or delivered order (line total × uninvoiced share × the order's rate,
 * rounded per line), plus the open receivables of the registered sources.
 */
export async function creditExposure(ex: Executor, companyId: string, customerId: string): Promise<string> {
  const row = await one<{ exposure: string }>(
    ex,
    sql`select coalesce(sum(round(l.total * (l.qty_base - l.qty_invoiced) / l.qty_base * o.exchange_rate, 2)), 0)::text
               as exposure
          from sales_order o
          join sales_order_line l on l.company_id = o.company_id and l.order_id = o.id
         where o.company_id = ${companyId} and o.customer_id = ${customerId}
           and o.state in ('confirmed', 'partly_delivered', 'delivered')`,
  );
  let total = new Decimal(row?.exposure ?? '0');
  for (const source of receivables) total = total.plus(await source(ex, companyId, customerId));
  return total.toFixed(2);
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
