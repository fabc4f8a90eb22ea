import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { accountingSettings } from '../settings.ts';
import type { LineSource } from './build-lines.ts';
import type { CreditNoteInput, InvoiceView } from './contract.ts';
import { createInvoice } from './create-invoice.ts';
import { findInvoice, invoiceLineRows } from './invoice.repo.ts';
import { cents, creditNoteKindOf, type InvoiceKind } from './invoice.ts';
import { postInvoice } from './post-invoice.ts';

/** The credited lines: all of the invoice, or the named lines with at most their invoiced quantity. */
function creditedLines(lines: Array<Record<string, any>>, input: CreditNoteInput): LineSource[] {
  const source = (l: Record<string, any>, quantity: string): LineSource => ({
    productId: l.product_id,
    description: l.description,
    quantity,
    unitPrice: l.unit_price_t,
    discountPercent: l.discount_t,
    taxCode: l.tax_code,
    accountId: l.account_id,
    originLineId: l.origin_line_id,
  });
  if (!input.lines) return lines.map((l) => source(l, l.quantity_t));
  return input.lines.map((wanted) => {
    const line = lines.find((l) => l.id === wanted.invoiceLineId);
    if (!line)
      throw unprocessable('accounting.invoice_line_unknown', 'The line is not a line of this invoice', {
        invoiceLineId: wanted.invoiceLineId,
      });
    if (new Decimal(wanted.quantity).gt(line.quantity_t))
      throw unprocessable(
        'accounting.credit_exceeds_line',
        'A credit note cannot credit more than the line invoiced',
        {
          invoiceLineId: line.id,
          invoiced: line.quantity_t,
          quantity: wanted.quantity,
        },
      );
    return source(line, wanted.quantity);
  });
}

/**
 * A credit note (红字发票) for a posted invoice or bill: same partner, currency and rate, the invoice's
 * number as reference, the whole invoice or chosen lines and quantities (a return, a price correction).
 * Credit notes of one invoice may not add up to more than the invoice (422 `accounting.credit_exceeds_invoice`).
 * Posted at once when asked; posting settles the invoice as far as it is open.
 */
export async function createCreditNote(
  tx: Tx,
  actor: Actor,
  invoiceId: string,
  input: CreditNoteInput,
): Promise<InvoiceView> {
  requirePermission(actor, 'accounting.invoice.create');
  const original = await findInvoice(tx, actor, invoiceId, true);
  const kind = creditNoteKindOf(original.kind as InvoiceKind);
  if (original.state !== 'posted')
    throw unprocessable('accounting.invoice_not_posted', 'Only a posted invoice can be credited', {
      state: original.state,
    });
  const lines = creditedLines(await invoiceLineRows(tx, actor.companyId, invoiceId), input);
  const today = (await accountingSettings(tx, actor.companyId)).today;
  const note = await createInvoice(tx, actor, {
    kind,
    partnerId: original.partner_id,
    invoiceDate: today < original.invoice_date_t ? original.invoice_date_t : today,
    paymentTermCode: null,
    currency: original.currency,
    rate: original.rate_t,
    reference: original.number,
    notes: input.reason,
    lines,
    creditNoteOf: original.id,
    originType: original.origin_type,
    originId: original.origin_id,
    originNumber: original.origin_number,
  });
  const credited = await one<{ total: string }>(
    tx,
    sql`select coalesce(sum(total), 0)::text as total from accounting_invoice
         where company_id = ${actor.companyId} and credit_note_of = ${original.id} and state <> 'cancelled'`,
  );
  if (cents(credited!.total).gt(original.total_t))
    throw unprocessable(
      'accounting.credit_exceeds_invoice',
      'The credit notes would credit more than the invoice',
      {
        invoiceTotal: original.total_t,
        credited: credited!.total,
      },
    );
  return input.post ? postInvoice(tx, actor, { invoiceId: note.id }) : note;
}
