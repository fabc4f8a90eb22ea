import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { buildLines, type LineSource } from './build-lines.ts';
import type { InvoicePatch, InvoiceView } from './contract.ts';
import { resolveHeader } from './header.ts';
import {
  assertVersion,
  auditableInvoice,
  deleteLines,
  findInvoice,
  INVOICE_ENTITY,
  insertLines,
  invoiceLineRows,
  invoiceView,
  setInvoice,
} from './invoice.repo.ts';
import { type InvoiceKind, invoiceTotals } from './invoice.ts';

/** Lines kept as they are when a patch sends none: re-priced at the (possibly new) rate. */
async function currentLines(tx: Tx, companyId: string, id: string): Promise<LineSource[]> {
  return (await invoiceLineRows(tx, companyId, id)).map((l) => ({
    productId: l.product_id,
    description: l.description,
    quantity: l.quantity_t,
    unitPrice: l.unit_price_t,
    discountPercent: l.discount_t,
    taxCode: l.tax_code,
    accountId: l.account_id,
    originLineId: l.origin_line_id,
  }));
}

/**
 * Edits a draft (send the version you read; 409 when stale): header fields and, when given, all lines
 * at once. The rate follows the invoice date; a credit note keeps the rate of the invoice it credits.
 */
export async function updateInvoice(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: InvoicePatch,
): Promise<InvoiceView> {
  requirePermission(actor, 'accounting.invoice.create');
  const row = await findInvoice(tx, actor, id, true);
  assertVersion(row, patch.version);
  if (row.state !== 'draft')
    throw unprocessable('accounting.invoice_not_draft', 'Only a draft invoice can be edited', {
      state: row.state,
    });
  if (patch.lines && row.origin_type)
    throw unprocessable(
      'accounting.invoice_lines_from_origin',
      'The lines of an invoice made from another document follow that document; cancel and invoice again',
      { originType: row.origin_type, originId: row.origin_id },
    );
  const before = await invoiceView(tx, actor.companyId, row);
  const invoiceDate = patch.invoiceDate ?? (row.invoice_date_t as string);
  const header = await resolveHeader(tx, actor, {
    partnerId: row.partner_id,
    invoiceDate,
    dueDate:
      patch.dueDate ??
      (patch.invoiceDate || patch.paymentTermCode !== undefined ? undefined : row.due_date_t),
    paymentTermCode: patch.paymentTermCode === undefined ? row.payment_term_code : patch.paymentTermCode,
    currency: row.credit_note_of ? row.currency : (patch.currency ?? row.currency),
  });
  const rate = row.credit_note_of ? (row.rate_t as string) : header.rate;
  const sources = patch.lines ?? (await currentLines(tx, actor.companyId, id));
  const lines = await buildLines(
    tx,
    actor.companyId,
    actor.locale,
    { kind: row.kind as InvoiceKind, rate },
    sources,
  );
  const t = invoiceTotals(lines);
  await deleteLines(tx, actor.companyId, id);
  await insertLines(tx, actor.companyId, id, lines);
  await setInvoice(
    tx,
    actor.companyId,
    id,
    sql`invoice_date = ${invoiceDate}, due_date = ${header.dueDate}, payment_term_code = ${header.paymentTermCode},
        currency = ${header.currency}, rate = ${rate}, untaxed = ${t.untaxed}, tax = ${t.tax}, total = ${t.total},
        untaxed_company = ${t.untaxedCompany}, tax_company = ${t.taxCompany}, total_company = ${t.totalCompany},
        reference = ${patch.reference ?? row.reference}, notes = ${patch.notes ?? row.notes}`,
  );
  const after = await invoiceView(
    tx,
    actor.companyId,
    await findInvoice(tx, { ...actor, recordScope: 'company' }, id),
  );
  await recordAudit(tx, actor, {
    entity: INVOICE_ENTITY,
    entityId: id,
    action: 'update',
    before: auditableInvoice(before),
    after: auditableInvoice(after),
  });
  return after;
}
