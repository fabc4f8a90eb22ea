import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, staleVersion, unprocessable } from '../../../platform/errors.ts';
import { Version } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { findInvoice } from '../invoice/invoice.repo.ts';
import { actorUserId } from '../ledger/posting.ts';
import { createPayment } from '../payment/create-payment.ts';
import { findPayment } from '../payment/payment.repo.ts';
import { BANK_LINE_ENTITY, findLine, toLineView } from './statement-line.ts';

export const MatchInput = z
  .strictObject({
    version: Version.optional(),
    /** Record a payment of the line's amount allocated to this open invoice (a suggestion). */
    invoiceId: z.uuid().optional(),
    /** Or: the line is this payment, recorded already. */
    paymentId: z.uuid().optional(),
  })
  .refine((b) => (b.invoiceId === undefined) !== (b.paymentId === undefined), {
    message: 'give either invoiceId or paymentId',
  });
export type MatchInput = z.infer<typeof MatchInput>;

/**
 * Matches an unmatched statement line: with `invoiceId`, records the payment (the line's date, account and
 * amount; the partner of the invoice; allocated up to the invoice's residual, the rest the partner's
 * credit); with `paymentId`, links the line to a posted payment of the same account, direction and amount.
 */
export async function matchLine(tx: Tx, actor: Actor, id: string, input: MatchInput) {
  requirePermission(actor, 'accounting.payment.create');
  const companyId = actor.companyId;
  const line = await findLine(tx, companyId, id, true);
  if (input.version !== undefined && input.version !== line.version)
    throw staleVersion('bank statement line', input.version, line.version);
  if (line.state !== 'unmatched')
    throw conflict('accounting.bank_line_matched', 'The line is matched already', {
      paymentId: line.payment_id,
    });
  const amount = new Decimal(line.amount_t);
  const direction = amount.gt(0) ? 'inbound' : 'outbound';
  let paymentId: string;
  if (input.invoiceId) {
    const invoice = await findInvoice(tx, actor, input.invoiceId);
    const payment = await createPayment(tx, actor, {
      direction,
      partnerId: invoice.partner_id,
      paymentDate: line.date_t,
      accountId: line.account_id,
      currency: line.currency,
      amount: amount.abs().toFixed(2),
      reference: line.reference.slice(0, 200),
      memo: `Bank statement ${line.counterparty}`.trim().slice(0, 500),
      allocations: [
        { invoiceId: invoice.id, amount: Decimal.min(amount.abs(), invoice.residual_t).toFixed(2) },
      ],
    });
    paymentId = payment.id;
  } else {
    const p = await findPayment(tx, actor, input.paymentId!, true);
    const taken = await one(
      tx,
      sql`select 1 from accounting_bank_statement_line where company_id = ${companyId} and payment_id = ${p.id}`,
    );
    const problem =
      p.state !== 'posted'
        ? 'the payment is cancelled'
        : p.account_id !== line.account_id
          ? 'the payment went through another account'
          : p.direction !== direction ||
              !new Decimal(p.amount_t).eq(amount.abs()) ||
              p.currency !== line.currency
            ? 'the payment has another amount or direction'
            : taken
              ? 'another statement line is matched to the payment'
              : null;
    if (problem)
      throw unprocessable('accounting.bank_line_mismatch', `The line cannot be matched: ${problem}`, {
        paymentId: p.id,
      });
    paymentId = p.id;
  }
  await tx.execute(
    sql`update accounting_bank_statement_line set state = 'matched', payment_id = ${paymentId}, matched_at = now(),
           matched_by = ${actorUserId(actor)}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
  await recordAudit(tx, actor, {
    entity: BANK_LINE_ENTITY,
    entityId: id,
    action: 'match',
    before: { state: 'unmatched' },
    after: { state: 'matched', paymentId, invoiceId: input.invoiceId ?? null },
  });
  return toLineView(await findLine(tx, companyId, id));
}
