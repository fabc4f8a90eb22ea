import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { InvoiceView } from './contract.ts';
import { assertVersion, findInvoice, INVOICE_ENTITY, invoiceView, setInvoice } from './invoice.repo.ts';

/**
 * Records the e-invoice (数电票) issued for a posted document: its number and issue date, as the tax
 * platform gave them. Not an accounting change (no entry); the audit log keeps every correction.
 */
export async function setEInvoice(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version: number; eInvoiceNumber: string; eInvoiceDate: string },
): Promise<InvoiceView> {
  requirePermission(actor, 'accounting.invoice.post');
  const row = await findInvoice(tx, actor, id, true);
  assertVersion(row, input.version);
  if (row.state !== 'posted')
    throw unprocessable('accounting.invoice_not_posted', 'An e-invoice is recorded on a posted invoice', {
      state: row.state,
    });
  if (input.eInvoiceDate < row.invoice_date_t)
    throw unprocessable('accounting.e_invoice_before_invoice', 'The e-invoice is dated before the invoice', {
      invoiceDate: row.invoice_date_t,
      eInvoiceDate: input.eInvoiceDate,
    });
  await setInvoice(
    tx,
    actor.companyId,
    id,
    sql`e_invoice_number = ${input.eInvoiceNumber}, e_invoice_date = ${input.eInvoiceDate}`,
  );
  await recordAudit(tx, actor, {
    entity: INVOICE_ENTITY,
    entityId: id,
    action: 'e_invoice',
    before: { eInvoiceNumber: row.e_invoice_number ?? null, eInvoiceDate: row.e_invoice_date_t ?? null },
    after: { eInvoiceNumber: input.eInvoiceNumber, eInvoiceDate: input.eInvoiceDate },
  });
  return invoiceView(tx, actor.companyId, await findInvoice(tx, { ...actor, recordScope: 'company' }, id));
}
