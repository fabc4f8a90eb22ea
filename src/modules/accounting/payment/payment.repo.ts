import { sql } from 'drizzle-orm';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, staleVersion } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { plainDecimal } from '../../../platform/reference/decimal.ts';
import { visibleInvoiceSql } from '../invoice/invoice.repo.ts';
import type { PaymentView } from './contract.ts';

export const PAYMENT_ENTITY = 'accounting.payment';

/** Payments follow their partner's record rule, like invoices. */
export const visiblePaymentSql = visibleInvoiceSql;

export const selectPayment = sql`select x.*, x.payment_date::text as payment_date_t, x.rate::text as rate_t,
    x.amount::text as amount_t, x.amount_company::text as amount_company_t, x.unallocated::text as unallocated_t,
    x.unallocated_company::text as unallocated_company_t, p.name as partner_name
  from accounting_payment x left join crm_customer p on p.company_id = x.company_id and p.id = x.partner_id`;

export function toPaymentSummary(r: Record<string, any>) {
  return {
    id: r.id as string,
    direction: r.direction as 'inbound' | 'outbound',
    number: r.number as string,
    state: r.state as string,
    partnerId: r.partner_id as string,
    partnerName: (r.partner_name ?? null) as string | null,
    paymentDate: r.payment_date_t as string,
    accountId: r.account_id as string,
    currency: r.currency as string,
    rate: plainDecimal(r.rate_t),
    amount: r.amount_t as string,
    amountCompany: r.amount_company_t as string,
    unallocated: r.unallocated_t as string,
    unallocatedCompany: r.unallocated_company_t as string,
    reference: r.reference as string,
    memo: r.memo as string,
    entryId: (r.entry_id ?? null) as string | null,
    version: r.version as number,
    createdAt: iso(r.created_at),
  };
}

export async function findPayment(ex: Executor, actor: Actor, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectPayment} where x.company_id = ${actor.companyId} and x.id = ${id} and ${visiblePaymentSql(actor)}
        ${lock ? sql`for update of x` : sql``}`,
  );
  if (!row) throw notFound('payment', id);
  return row;
}

export function assertPaymentVersion(row: Record<string, any>, expected: number | undefined): void {
  if (expected !== undefined && row.version !== expected)
    throw staleVersion('payment', expected, row.version);
}

export async function paymentView(
  ex: Executor,
  companyId: string,
  row: Record<string, any>,
): Promise<PaymentView> {
  const allocations = await rows<Record<string, any>>(
    ex,
    sql`select a.id, a.invoice_id, i.number, a.allocation_date::text as date, a.amount::text as amount,
               a.invoice_amount_company::text as inv_c, a.payment_amount_company::text as pay_c,
               a.fx_difference::text as fx, a.entry_id
          from accounting_payment_allocation a
          join accounting_invoice i on i.company_id = a.company_id and i.id = a.invoice_id
         where a.company_id = ${companyId} and a.payment_id = ${row.id} order by a.allocation_date, a.id`,
  );
  return {
    ...toPaymentSummary(row),
    allocations: allocations.map((a) => ({
      id: a.id,
      invoiceId: a.invoice_id,
      invoiceNumber: a.number ?? null,
      date: a.date,
      amount: a.amount,
      invoiceAmountCompany: a.inv_c,
      paymentAmountCompany: a.pay_c,
      fxDifference: a.fx,
      entryId: a.entry_id ?? null,
    })),
  };
}

export async function loadPayment(ex: Executor, actor: Actor, id: string): Promise<PaymentView> {
  return paymentView(ex, actor.companyId, await findPayment(ex, actor, id));
}

export async function setUnallocated(
  tx: Tx,
  companyId: string,
  id: string,
  rest: { unallocated: string; unallocatedCompany: string },
): Promise<void> {
  await tx.execute(
    sql`update accounting_payment set unallocated = ${rest.unallocated}, unallocated_company = ${rest.unallocatedCompany},
           version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
}
