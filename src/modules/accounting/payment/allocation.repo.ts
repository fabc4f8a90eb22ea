import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import type { Settlement } from './payment.ts';

/** One allocation row: a payment's or a credit note's settlement of an invoice. */
export async function insertAllocation(
  tx: Tx,
  actor: Actor,
  from: { paymentId?: string; creditNoteId?: string },
  date: string,
  s: Settlement,
  entryId: string | null,
): Promise<string> {
  const id = newId();
  await tx.execute(
    sql`insert into accounting_payment_allocation (company_id, id, payment_id, credit_note_id, invoice_id,
          allocation_date, amount, invoice_amount_company, payment_amount_company, fx_difference, entry_id, created_by)
        values (${actor.companyId}, ${id}, ${from.paymentId ?? null}, ${from.creditNoteId ?? null}, ${s.invoiceId},
          ${date}, ${s.amount}, ${s.invoiceAmountCompany}, ${s.paymentAmountCompany}, ${s.fxDifference}, ${entryId},
          ${actor.name === 'system' ? null : actor.userId})`,
  );
  return id;
}
