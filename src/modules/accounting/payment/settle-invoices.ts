import type { Tx } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { accountForRole } from '../chart/account-for-role.ts';
import { lockOpenInvoices, writeResidual } from '../invoice/invoice.repo.ts';
import { type InvoiceKind, isCustomerKind, paymentStateOf } from '../invoice/invoice.ts';
import { insertAllocation } from './allocation.repo.ts';
import type { BookedSettlement } from './booking.ts';
import { type Direction, settle, settles } from './payment.ts';

export interface SettleRequest {
  direction: Direction;
  partnerId: string;
  currency: string;
  rate: string;
  allocations: Array<{ invoiceId: string; amount: string }>;
}

/**
 * Locks the invoices to settle (id order: concurrent payments of the same invoices queue, never
 * deadlock) and values each allocation: posted, same partner and currency, a kind this direction
 * settles, at most its residual (422 with the figures otherwise; 404 for an id not of the company).
 */
export async function prepareSettlements(
  tx: Tx,
  actor: Actor,
  req: SettleRequest,
): Promise<BookedSettlement[]> {
  const ids = req.allocations.map((a) => a.invoiceId.toLowerCase());
  if (new Set(ids).size !== ids.length)
    throw unprocessable('accounting.allocation_duplicate', 'Allocate to each invoice once per request');
  const locked = await lockOpenInvoices(tx, actor.companyId, ids);
  const out: BookedSettlement[] = [];
  for (const a of req.allocations) {
    const inv = locked.get(a.invoiceId.toLowerCase());
    if (!inv) throw notFound('invoice', a.invoiceId);
    const kind = inv.kind as InvoiceKind;
    const problem =
      inv.state !== 'posted'
        ? 'the invoice is not posted'
        : inv.partner_id !== req.partnerId
          ? 'the invoice belongs to another partner'
          : inv.currency !== req.currency
            ? `the invoice is in ${inv.currency}, the payment in ${req.currency}`
            : !settles(req.direction, kind)
              ? `an ${req.direction} payment does not settle a ${kind}`
              : null;
    if (problem)
      throw unprocessable(
        'accounting.allocation_invalid',
        `Cannot allocate to ${inv.number ?? 'a draft'}: ${problem}`,
        {
          invoiceId: inv.id,
          number: inv.number,
        },
      );
    const s = settle(
      req.direction,
      {
        id: inv.id,
        number: inv.number,
        kind,
        currency: inv.currency,
        rate: inv.rate_t,
        residual: inv.residual_t,
        residualCompany: inv.residual_company_t,
      },
      a.amount,
      req.rate,
    );
    out.push({
      ...s,
      partnerAccountId: await accountForRole(
        tx,
        actor.companyId,
        isCustomerKind(kind) ? 'receivable' : 'payable',
      ),
      invoiceRate: inv.rate_t,
      invoiceNumber: inv.number,
      invoiceTotal: inv.total_t,
    });
  }
  return out;
}

/** Writes the allocation rows and the invoices' new residuals and payment states. */
export async function recordSettlements(
  tx: Tx,
  actor: Actor,
  paymentId: string,
  date: string,
  settlements: BookedSettlement[],
  entryId: string | null,
): Promise<void> {
  for (const s of settlements) {
    await insertAllocation(tx, actor, { paymentId }, date, s, entryId);
    await writeResidual(tx, actor.companyId, s.invoiceId, {
      residual: s.residual,
      residualCompany: s.residualCompany,
      paymentState: paymentStateOf(s.invoiceTotal, s.residual),
    });
  }
}
