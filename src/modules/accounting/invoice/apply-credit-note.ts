import { Decimal } from 'decimal.js';
import type { Tx } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { insertAllocation } from '../payment/allocation.repo.ts';
import { settle } from '../payment/payment.ts';
import { lockOpenInvoices, writeResidual } from './invoice.repo.ts';
import { type InvoiceKind, isCustomerKind, paymentStateOf } from './invoice.ts';

/**
 * A posted credit note (红字发票) settles the invoice it corrects as far as that is still open: both
 * residuals fall by the same amount, valued at the invoice's rate on both sides (the credit note carries
 * that rate), so the receivable in the ledger and the open items agree. No entry: both sit on the same
 * partner's receivable (payable). What the invoice no longer owes stays open on the credit note: a credit
 * the partner can be refunded or another invoice can use.
 */
export async function applyCreditNote(tx: Tx, actor: Actor, creditNote: Record<string, any>, date: string) {
  const originalId = creditNote.credit_note_of as string | null;
  if (!originalId) return null;
  const locked = await lockOpenInvoices(tx, actor.companyId, [originalId]);
  const inv = locked.get(originalId);
  if (inv?.state !== 'posted' || inv.currency !== creditNote.currency) return null;
  const amount = Decimal.min(inv.residual_t, creditNote.total_t);
  if (amount.lte(0)) return null;
  const direction = isCustomerKind(inv.kind as InvoiceKind) ? 'inbound' : 'outbound';
  const s = settle(
    direction,
    {
      id: inv.id,
      number: inv.number,
      kind: inv.kind,
      currency: inv.currency,
      rate: inv.rate_t,
      residual: inv.residual_t,
      residualCompany: inv.residual_company_t,
    },
    amount,
    creditNote.rate_t,
  );
  const settled = { ...s, paymentAmountCompany: s.invoiceAmountCompany, fxDifference: '0.00' };
  await insertAllocation(tx, actor, { creditNoteId: creditNote.id }, date, settled, null);
  await writeResidual(tx, actor.companyId, inv.id, {
    residual: s.residual,
    residualCompany: s.residualCompany,
    paymentState: paymentStateOf(inv.total_t, s.residual),
  });
  const cnResidual = new Decimal(creditNote.total_t).minus(amount);
  const cnResidualCompany = Decimal.max(
    new Decimal(creditNote.total_company_t).minus(s.invoiceAmountCompany),
    0,
  );
  await writeResidual(tx, actor.companyId, creditNote.id, {
    residual: cnResidual.toFixed(2),
    residualCompany: (cnResidual.isZero() ? new Decimal(0) : cnResidualCompany).toFixed(2),
    paymentState: paymentStateOf(creditNote.total_t, cnResidual),
  });
  return { invoiceId: inv.id, amount: amount.toFixed(2) };
}
