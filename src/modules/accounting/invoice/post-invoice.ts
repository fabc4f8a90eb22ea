import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { nextNumber } from '../../../platform/sequences/next-number.ts';
import { accountForRole } from '../chart/account-for-role.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { applyCreditNote } from './apply-credit-note.ts';
import { invoiceEntryLines } from './booking.ts';
import type { InvoiceView } from './contract.ts';
import {
  assertVersion,
  findInvoice,
  INVOICE_ENTITY,
  invoiceLineRows,
  invoiceView,
  setInvoice,
} from './invoice.repo.ts';
import {
  type InvoiceKind,
  isCreditNote,
  isCustomerKind,
  journalOf,
  numberSeries,
  transition,
} from './invoice.ts';

export const INVOICE_SOURCE = 'accounting.invoice';

const NOUN: Record<InvoiceKind, string> = {
  customer_invoice: 'Invoice',
  customer_credit_note: 'Credit note',
  supplier_bill: 'Supplier bill',
  supplier_credit_note: 'Supplier credit note',
};

/** The accounts a draft books to, found by role where a line names none (422 when a role has no account). */
async function bookingAccounts(tx: Tx, companyId: string, kind: InvoiceKind) {
  const customer = isCustomerKind(kind);
  return {
    line: await accountForRole(tx, companyId, customer ? 'revenue' : 'grni'),
    partner: await accountForRole(tx, companyId, customer ? 'receivable' : 'payable'),
    tax: await accountForRole(tx, companyId, customer ? 'output_vat' : 'input_vat'),
  };
}

async function bookingLines(
  tx: Tx,
  row: Record<string, any>,
  number: string,
  accounts: Awaited<ReturnType<typeof bookingAccounts>>,
) {
  const lines = await invoiceLineRows(tx, row.company_id, row.id);
  return invoiceEntryLines(
    {
      kind: row.kind,
      number,
      partnerId: row.partner_id,
      currency: row.currency,
      rate: row.rate_t,
      total: row.total_t,
      totalCompany: row.total_company_t,
      lines: lines.map((l) => ({
        accountId: l.account_id ?? accounts.line,
        net: l.net_t,
        tax: l.tax_t,
        netCompany: l.net_company_t,
        taxCompany: l.tax_company_t,
        description: l.description,
      })),
    },
    accounts,
  );
}

/**
 * Posts a draft: the next gap-free number of its kind and year (the counter row stays locked until
 * commit, so a failure later in this transaction gives the number back), the journal entry through the
 * ledger (Dr receivable / Cr revenue / Cr output VAT for an invoice; see booking.ts), the residual, a
 * credit note applied to the invoice it corrects, the audit row and `invoice.posted` / `credit_note.posted`.
 */
export async function postInvoice(
  tx: Tx,
  actor: Actor,
  input: { invoiceId: string; version?: number },
): Promise<InvoiceView> {
  requirePermission(actor, 'accounting.invoice.post');
  const companyId = actor.companyId;
  const row = await findInvoice(tx, actor, input.invoiceId, true);
  assertVersion(row, input.version);
  transition(row.state, 'posted');
  if (!new Decimal(row.total_t).gt(0))
    throw unprocessable('accounting.invoice_empty', 'An invoice with a zero total cannot be posted', {
      total: row.total_t,
    });
  const kind = row.kind as InvoiceKind;
  // Accounts first: a missing role fails before the counter is touched.
  const accounts = await bookingAccounts(tx, companyId, kind);
  const series = numberSeries(kind, row.invoice_date_t);
  const number = series.format(await nextNumber(tx, companyId, series.key));
  const entry = await postEntry(tx, actor, {
    journal: journalOf(kind),
    date: row.invoice_date_t,
    memo: `${NOUN[kind]} ${number} ${row.partner_name ?? ''}`.trim(),
    source: { type: INVOICE_SOURCE, id: row.id },
    lines: await bookingLines(tx, row, number, accounts),
  });
  await setInvoice(
    tx,
    companyId,
    row.id,
    sql`state = 'posted', number = ${number}, residual = total, residual_company = total_company,
        payment_state = 'not_paid', entry_id = ${entry.id}, posted_at = now(),
        posted_by = ${actor.name === 'system' ? null : actor.userId}`,
  );
  const posted = await findInvoice(tx, { ...actor, recordScope: 'company' }, row.id, true);
  const applied = isCreditNote(kind) ? await applyCreditNote(tx, actor, posted, row.invoice_date_t) : null;
  await recordAudit(tx, actor, {
    entity: INVOICE_ENTITY,
    entityId: row.id,
    action: 'post',
    before: { state: row.state, number: null },
    after: { state: 'posted', number, entryId: entry.id, voucher: entry.voucher, appliedTo: applied },
  });
  await publish(tx, actor, {
    type: isCreditNote(kind) ? 'credit_note.posted' : 'invoice.posted',
    aggregateType: INVOICE_ENTITY,
    aggregateId: row.id,
    payload: {
      invoiceId: row.id,
      kind,
      number,
      customerId: row.partner_id,
      total: row.total_t,
      currency: row.currency,
      dueDate: row.due_date_t,
      originType: row.origin_type ?? null,
      originId: row.origin_id ?? null,
      ...(isCreditNote(kind) ? { creditNoteOf: row.credit_note_of ?? null } : {}),
      summary: `${NOUN[kind]} ${number} posted (${row.currency} ${row.total_t}, due ${row.due_date_t})`,
    },
  });
  return invoiceView(tx, companyId, await findInvoice(tx, { ...actor, recordScope: 'company' }, row.id));
}
