import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { accountingSettings } from '../settings.ts';
import { buildLines, type LineSource } from './build-lines.ts';
import type { InvoiceInput, InvoiceView } from './contract.ts';
import { resolveHeader } from './header.ts';
import { auditableInvoice, INVOICE_ENTITY, insertInvoice, insertLines, loadInvoice } from './invoice.repo.ts';
import { invoiceTotals } from './invoice.ts';

export type CreateInvoiceInput = Omit<InvoiceInput, 'lines'> & {
  lines: LineSource[];
  /** The business document it bills (a sales order …) and the credited invoice of a credit note. */
  originType?: string | null;
  originId?: string | null;
  originNumber?: string | null;
  creditNoteOf?: string | null;
  /** The rate of the day is looked up unless given (a credit note keeps its invoice's rate). */
  rate?: string;
};

/**
 * A draft invoice, credit note or bill for a partner the actor may see: header defaults from the
 * partner (currency, payment term → due date), the rate of the invoice date, lines with per-line tax.
 */
export async function createInvoice(tx: Tx, actor: Actor, input: CreateInvoiceInput): Promise<InvoiceView> {
  requirePermission(actor, 'accounting.invoice.create');
  const invoiceDate = input.invoiceDate ?? (await accountingSettings(tx, actor.companyId)).today;
  const header = await resolveHeader(tx, actor, { ...input, invoiceDate });
  const rate = input.rate ?? header.rate;
  const lines = await buildLines(tx, actor.companyId, actor.locale, { kind: input.kind, rate }, input.lines);
  const id = await insertInvoice(
    tx,
    actor,
    {
      kind: input.kind,
      partnerId: header.partner.id,
      invoiceDate,
      dueDate: header.dueDate,
      paymentTermCode: header.paymentTermCode,
      currency: header.currency,
      rate,
      reference: input.reference ?? '',
      notes: input.notes ?? '',
      creditNoteOf: input.creditNoteOf,
      originType: input.originType,
      originId: input.originId,
      originNumber: input.originNumber,
    },
    invoiceTotals(lines),
  );
  await insertLines(tx, actor.companyId, id, lines);
  const view = await loadInvoice(tx, { ...actor, recordScope: 'company' }, id);
  await recordAudit(tx, actor, {
    entity: INVOICE_ENTITY,
    entityId: id,
    action: 'create',
    after: auditableInvoice(view),
  });
  return view;
}
