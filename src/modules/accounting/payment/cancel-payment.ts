import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { conflict } from '../../../platform/errors.ts';
import { Version } from '../../../platform/http/schemas.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { DateString } from '../invoice/contract.ts';
import { lockOpenInvoices, writeResidual } from '../invoice/invoice.repo.ts';
import { paymentStateOf } from '../invoice/invoice.ts';
import { reverseEntry } from '../ledger/reverse-entry.ts';
import type { PaymentView } from './contract.ts';
import { assertPaymentVersion, findPayment, loadPayment, PAYMENT_ENTITY } from './payment.repo.ts';

export const CancelPaymentInput = z.strictObject({
  version: Version.optional(),
  reason: z.string().trim().min(1).max(500),
  /** The reversal date (default today); a closed month moves it to the first open day after, like any reversal. */
  date: DateString.optional(),
});
export type CancelPaymentInput = z.infer<typeof CancelPaymentInput>;

/**
 * Cancels a payment: its entry and the entries of its later allocations are reversed (linked by
 * `reversal_of`), its allocations removed and the invoices' residuals and payment states restored; a bank
 * statement line matched to it is open for matching again. Audited; publishes `payment.cancelled`.
 */
export async function cancelPayment(
  tx: Tx,
  actor: Actor,
  input: CancelPaymentInput & { paymentId: string },
): Promise<PaymentView> {
  requirePermission(actor, 'accounting.payment.cancel');
  const companyId = actor.companyId;
  const row = await findPayment(tx, actor, input.paymentId, true);
  assertPaymentVersion(row, input.version);
  if (row.state !== 'posted')
    throw conflict('accounting.payment_cancelled', 'The payment is already cancelled', { paymentId: row.id });
  const allocations = await rows<{
    invoice_id: string;
    amount: string;
    company: string;
    entry_id: string | null;
  }>(
    tx,
    sql`select invoice_id, amount::text as amount, invoice_amount_company::text as company, entry_id
          from accounting_payment_allocation where company_id = ${companyId} and payment_id = ${row.id}
         order by allocation_date, id`,
  );
  const invoices = await lockOpenInvoices(
    tx,
    companyId,
    allocations.map((a) => a.invoice_id),
  );
  const entryIds = [
    ...new Set([row.entry_id, ...allocations.map((a) => a.entry_id)].filter(Boolean)),
  ] as string[];
  const reversals: string[] = [];
  for (const entryId of entryIds) {
    const reversal = await reverseEntry(tx, actor, {
      entryId,
      date: input.date,
      memo: `Cancellation of ${row.number}: ${input.reason}`.slice(0, 500),
    });
    reversals.push(reversal.id);
  }
  const restored = await restoreInvoices(tx, companyId, allocations, invoices);
  await tx.execute(
    sql`delete from accounting_payment_allocation where company_id = ${companyId} and payment_id = ${row.id}`,
  );
  await tx.execute(
    sql`update accounting_payment set state = 'cancelled', unallocated = 0, unallocated_company = 0,
           version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${row.id}`,
  );
  await tx.execute(
    sql`update accounting_bank_statement_line set state = 'unmatched', payment_id = null, matched_at = null,
           matched_by = null, version = version + 1, updated_at = now()
         where company_id = ${companyId} and payment_id = ${row.id}`,
  );
  const invoiceList = [...restored].map(([invoiceId, r]) => ({ invoiceId, amount: r.amount.toFixed(2) }));
  await recordAudit(tx, actor, {
    entity: PAYMENT_ENTITY,
    entityId: row.id,
    action: 'cancel',
    reason: input.reason,
    before: { state: 'posted', unallocated: row.unallocated_t, allocations: invoiceList },
    after: { state: 'cancelled', reversalEntryIds: reversals },
  });
  await publish(tx, actor, {
    type: 'payment.cancelled',
    aggregateType: PAYMENT_ENTITY,
    aggregateId: row.id,
    payload: {
      paymentId: row.id,
      number: row.number,
      customerId: row.partner_id,
      direction: row.direction,
      amount: row.amount_t,
      currency: row.currency,
      reversalEntryIds: reversals,
      invoices: invoiceList,
      summary: `Payment ${row.number} cancelled (${row.currency} ${row.amount_t}): ${input.reason}`.slice(
        0,
        500,
      ),
    },
  });
  return loadPayment(tx, { ...actor, recordScope: 'company' }, row.id);
}

/** Adds each invoice's allocated amounts back to its residual (both currencies) and recomputes its payment state. */
async function restoreInvoices(
  tx: Tx,
  companyId: string,
  allocations: Array<{ invoice_id: string; amount: string; company: string }>,
  invoices: Map<string, Record<string, any>>,
) {
  const restored = new Map<string, { amount: Decimal; company: Decimal }>();
  for (const a of allocations) {
    const r = restored.get(a.invoice_id) ?? { amount: new Decimal(0), company: new Decimal(0) };
    restored.set(a.invoice_id, { amount: r.amount.plus(a.amount), company: r.company.plus(a.company) });
  }
  for (const [invoiceId, r] of restored) {
    const inv = invoices.get(invoiceId)!;
    const residual = r.amount.plus(inv.residual_t);
    await writeResidual(tx, companyId, invoiceId, {
      residual: residual.toFixed(2),
      residualCompany: r.company.plus(inv.residual_company_t).toFixed(2),
      paymentState: paymentStateOf(inv.total_t, residual),
    });
  }
  return restored;
}
