import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows, textArray } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { findCustomerDuplicates } from '../../crm/index.ts';
import { visibleInvoiceSql } from '../invoice/invoice.repo.ts';

export interface Suggestion {
  invoiceId: string;
  number: string;
  kind: string;
  partnerId: string;
  partnerName: string | null;
  residual: string;
  /** What a match allocates: the line's amount, at most the residual. */
  allocate: string;
  reason: 'reference' | 'partner_and_amount';
}

/** Money in settles customer invoices and supplier credit notes; money out bills and customer credit notes. */
const kindsFor = (amount: Decimal) =>
  amount.gt(0) ? ['customer_invoice', 'supplier_credit_note'] : ['supplier_bill', 'customer_credit_note'];

/**
 * Open documents a statement line may pay, best first: one whose number is in the line's reference, or
 * one of a partner whose name crm's duplicate search finds for the counterparty and whose residual is the
 * line's amount. Same currency, posted, within the reader's record rule.
 */
export async function suggestionsFor(
  ex: Executor,
  actor: Actor,
  line: { amount: string; currency: string; counterparty: string; reference: string },
): Promise<Suggestion[]> {
  const amount = new Decimal(line.amount);
  const partners = line.counterparty
    ? (await findCustomerDuplicates(ex, actor.companyId, { name: line.counterparty }))
        .filter((c) => c.reasons.includes('name') || c.reasons.includes('similar_name'))
        .map((c) => c.id)
    : [];
  const byPartner: SQL = partners.length
    ? sql`(x.partner_id::text = any(${textArray(partners)}) and x.residual = ${amount.abs().toFixed(2)})`
    : sql`false`;
  const list = await rows<Record<string, any>>(
    ex,
    sql`select x.id, x.number, x.kind, x.partner_id, p.name as partner_name, x.residual::text as residual,
               (${line.reference} <> '' and position(upper(x.number) in upper(${line.reference})) > 0) as by_reference
          from accounting_invoice x
          left join crm_customer p on p.company_id = x.company_id and p.id = x.partner_id
         where x.company_id = ${actor.companyId} and x.state = 'posted' and x.residual > 0
           and x.currency = ${line.currency} and x.kind = any(${textArray(kindsFor(amount))})
           and ((${line.reference} <> '' and position(upper(x.number) in upper(${line.reference})) > 0) or ${byPartner})
           and ${visibleInvoiceSql(actor)}
         order by by_reference desc, x.due_date, x.number limit 10`,
  );
  return list.map((r) => ({
    invoiceId: r.id,
    number: r.number,
    kind: r.kind,
    partnerId: r.partner_id,
    partnerName: r.partner_name ?? null,
    residual: r.residual,
    allocate: Decimal.min(amount.abs(), r.residual).toFixed(2),
    reason: r.by_reference ? 'reference' : 'partner_and_amount',
  }));
}
