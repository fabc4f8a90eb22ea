import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { AppError, conflict, unprocessable } from '../../../platform/errors.ts';
import { type Actor, systemActor } from '../../../platform/permissions/actor.ts';
import { effectiveRate } from '../../../platform/reference/exchange-rates.ts';
import {
  assertOpportunityOf,
  type CustomerTerms,
  getCustomerContact,
  getCustomerTerms,
} from '../../crm/index.ts';
import { defaultWarehouse, getWarehouse } from '../../inventory/index.ts';
import type { PricingContext } from './build-lines.ts';

export interface HeaderInput {
  customerId: string;
  contactId?: string | null;
  opportunityId?: string | null;
  priceListId?: string | null;
  warehouseId?: string | null;
  currency?: string;
  date: string;
}

export interface ResolvedHeader {
  customer: CustomerTerms;
  contactId: string | null;
  opportunityId: string | null;
  priceListId: string | null;
  warehouseId: string;
  currency: string;
  exchangeRate: string;
}

/** Today in the company's time zone (business dates are local dates). */
export async function companyToday(tx: Tx, companyId: string): Promise<string> {
  const row = await one<{ today: string }>(
    tx,
    sql`select (now() at time zone time_zone)::date::text as today from platform_company where id = ${companyId}`,
  );
  return row!.today;
}

/** Company-currency units per unit of `currency` on `date`; 422 when the company has no rate for it. */
export async function rateFor(tx: Tx, companyId: string, currency: string, date: string): Promise<string> {
  try {
    const found = await effectiveRate(tx, systemActor(companyId, 'exchange rate'), { currency, date });
    return found.rate;
  } catch (error) {
    if (error instanceof AppError && error.status === 404)
      throw unprocessable(
        'sales.no_exchange_rate',
        'There is no exchange rate for this currency on this date',
        {
          currency,
          date,
        },
      );
    throw error;
  }
}

/**
 * Checks and completes a document header: the customer under crm's record rule (404), its contact and
 * opportunity, the warehouse (the default one unless given), the currency (the customer's unless
 * given) and its exchange rate on the document date.
 */
export async function resolveHeader(tx: Tx, actor: Actor, input: HeaderInput): Promise<ResolvedHeader> {
  const customer = await getCustomerTerms(tx, actor, input.customerId);
  if (customer.mergedIntoId)
    throw conflict('sales.customer_merged', 'This customer was merged into another; use the survivor', {
      mergedIntoId: customer.mergedIntoId,
    });
  if (input.contactId) await getCustomerContact(tx, actor.companyId, customer.id, input.contactId);
  if (input.opportunityId) await assertOpportunityOf(tx, actor, input.opportunityId, customer.id);
  const warehouse = input.warehouseId
    ? await getWarehouse(tx, actor.companyId, input.warehouseId)
    : await defaultWarehouse(tx, actor.companyId);
  const currency = input.currency ?? customer.currency;
  return {
    customer,
    contactId: input.contactId ?? null,
    opportunityId: input.opportunityId ?? null,
    priceListId: input.priceListId ?? null,
    warehouseId: warehouse.id,
    currency,
    exchangeRate: await rateFor(tx, actor.companyId, currency, input.date),
  };
}

export function pricingContext(actor: Actor, header: ResolvedHeader, date: string): PricingContext {
  return {
    companyId: actor.companyId,
    customerId: header.customer.id,
    customerGroups: header.customer.tags,
    currency: header.currency,
    date,
    priceListId: header.priceListId,
    locale: actor.locale,
  };
}
