import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { nextNumber } from '../../../platform/sequences/next-number.ts';
import { accountForRole } from '../chart/account-for-role.ts';
import { resolveHeader } from '../invoice/header.ts';
import { cents } from '../invoice/invoice.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { accountingSettings } from '../settings.ts';
import { settlementEntryLines } from './booking.ts';
import type { PaymentInput, PaymentView } from './contract.ts';
import { loadPayment, PAYMENT_ENTITY } from './payment.repo.ts';
import { paymentSplit } from './payment.ts';
import { prepareSettlements, recordSettlements } from './settle-invoices.ts';

export const PAYMENT_SOURCE = 'accounting.payment';

/** The bank or cash account: an active cash-flow account of the company, in the payment's currency if it has one. */
async function assertMoneyAccount(tx: Tx, companyId: string, accountId: string, currency: string) {
  const acc = await one<{ cash_flow: boolean; currency: string | null; active: boolean }>(
    tx,
    sql`select cash_flow, currency, active from accounting_account where company_id = ${companyId} and id = ${accountId}`,
  );
  if (!acc?.active || !acc.cash_flow)
    throw unprocessable(
      'accounting.payment_account_invalid',
      'Payments go through an active bank or cash account',
      {
        accountId,
      },
    );
  if (acc.currency && acc.currency !== currency)
    throw unprocessable('accounting.payment_account_currency', `The account holds ${acc.currency} only`, {
      accountId,
      accountCurrency: acc.currency,
      currency,
    });
}

/**
 * Records and books a payment at once: the bank (cash) account moves by the amount at the day's rate (or
 * the bank's), the allocated invoices are settled at their own rate with the realised exchange difference
 * (fx gain / loss), and what is left stays as the partner's credit (customer or supplier advance).
 * Publishes `payment.received` (inbound) or `payment.sent`.
 */
export async function createPayment(tx: Tx, actor: Actor, input: PaymentInput): Promise<PaymentView> {
  requirePermission(actor, 'accounting.payment.create');
  const companyId = actor.companyId;
  const paymentDate = input.paymentDate ?? (await accountingSettings(tx, companyId)).today;
  const first = input.allocations[0]
    ? await one<{ currency: string }>(
        tx,
        sql`select currency from accounting_invoice where company_id = ${companyId} and id = ${input.allocations[0].invoiceId}`,
      )
    : undefined;
  const header = await resolveHeader(tx, actor, {
    partnerId: input.partnerId,
    invoiceDate: paymentDate,
    paymentTermCode: null,
    currency: input.currency ?? first?.currency,
  });
  const rate = input.rate ?? header.rate;
  await assertMoneyAccount(tx, companyId, input.accountId, header.currency);
  const req = { direction: input.direction, partnerId: header.partner.id, currency: header.currency, rate };
  const prepared = await prepareSettlements(tx, actor, { ...req, allocations: input.allocations });
  const amountCompany = cents(new Decimal(input.amount).mul(rate)).toFixed(2);
  const split = paymentSplit(input.amount, amountCompany, prepared);
  const inbound = input.direction === 'inbound';
  const year = paymentDate.slice(0, 4);
  const number = `${inbound ? 'RCV' : 'PAY'}-${year}-${String(
    await nextNumber(tx, companyId, `accounting.payment:${input.direction}:${year}`),
  ).padStart(6, '0')}`;
  const id = newId();
  const entry = await postEntry(tx, actor, {
    journal: 'bank',
    date: paymentDate,
    memo: `${inbound ? 'Receipt' : 'Payment'} ${number} ${header.partner.name}`,
    source: { type: PAYMENT_SOURCE, id },
    lines: settlementEntryLines({
      ...req,
      label: number,
      source: { accountId: input.accountId, amount: input.amount, amountCompany },
      settlements: split.settlements,
      advance: {
        accountId: await accountForRole(tx, companyId, inbound ? 'customer_advance' : 'supplier_advance'),
        amount: split.unallocated,
        amountCompany: split.unallocatedCompany,
      },
      fx: {
        gain: await accountForRole(tx, companyId, 'fx_gain'),
        loss: await accountForRole(tx, companyId, 'fx_loss'),
      },
    }),
  });
  await tx.execute(
    sql`insert into accounting_payment (company_id, id, direction, number, partner_id, payment_date, account_id,
          currency, rate, amount, amount_company, unallocated, unallocated_company, reference, memo, entry_id, created_by)
        values (${companyId}, ${id}, ${input.direction}, ${number}, ${header.partner.id}, ${paymentDate}, ${input.accountId},
          ${header.currency}, ${rate}, ${input.amount}, ${amountCompany}, ${split.unallocated}, ${split.unallocatedCompany},
          ${input.reference ?? ''}, ${input.memo ?? ''}, ${entry.id}, ${actor.name === 'system' ? null : actor.userId})`,
  );
  await recordSettlements(tx, actor, id, paymentDate, split.settlements, null);
  const view = await loadPayment(tx, { ...actor, recordScope: 'company' }, id);
  await recordAudit(tx, actor, {
    entity: PAYMENT_ENTITY,
    entityId: id,
    action: 'create',
    after: { ...view, partnerName: undefined, createdAt: undefined, voucher: entry.voucher },
  });
  await publishPayment(tx, actor, view);
  return view;
}

/** `payment.received` / `payment.sent` with the partner and the invoices it settled, for the timeline. */
export async function publishPayment(tx: Tx, actor: Actor, view: PaymentView): Promise<void> {
  const inbound = view.direction === 'inbound';
  const settled = view.allocations.map((a) => a.invoiceNumber).filter(Boolean);
  await publish(tx, actor, {
    type: inbound ? 'payment.received' : 'payment.sent',
    aggregateType: PAYMENT_ENTITY,
    aggregateId: view.id,
    payload: {
      paymentId: view.id,
      number: view.number,
      customerId: view.partnerId,
      amount: view.amount,
      currency: view.currency,
      unallocated: view.unallocated,
      invoices: view.allocations.map((a) => ({
        invoiceId: a.invoiceId,
        number: a.invoiceNumber ?? '',
        amount: a.amount,
      })),
      summary:
        `${inbound ? 'Payment received' : 'Payment sent'} ${view.number}: ${view.currency} ${view.amount}${
          settled.length ? ` for ${settled.join(', ')}` : ''
        }`.slice(0, 500),
    },
  });
}
