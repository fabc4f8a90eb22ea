import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { conflict } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { reverseEntry } from '../ledger/reverse-entry.ts';
import type { InvoiceView } from './contract.ts';
import {
  assertVersion,
  findInvoice,
  INVOICE_ENTITY,
  invoiceLineRows,
  invoiceView,
  setInvoice,
} from './invoice.repo.ts';
import { transition } from './invoice.ts';

/**
 * Cancels a draft (nothing booked) or a posted document nothing has settled yet: its entry is reversed
 * (dated today, or the first open day after a closed period) and the number stays used. Anything paid,
 * allocated or credited must be undone first (409 `accounting.invoice_settled`). Sales lowers the
 * invoiced quantities of its order lines from `invoice.cancelled`.
 */
export async function cancelInvoice(
  tx: Tx,
  actor: Actor,
  input: { invoiceId: string; version?: number; reason: string },
): Promise<InvoiceView> {
  requirePermission(actor, 'accounting.invoice.cancel');
  const companyId = actor.companyId;
  const row = await findInvoice(tx, actor, input.invoiceId, true);
  assertVersion(row, input.version);
  transition(row.state, 'cancelled');
  const wasPosted = row.state === 'posted';
  let reversal: { id: string; voucher: string } | null = null;
  if (wasPosted) {
    if (!new Decimal(row.residual_t).eq(row.total_t))
      throw conflict('accounting.invoice_settled', 'A paid or credited invoice cannot be cancelled', {
        total: row.total_t,
        residual: row.residual_t,
        paymentState: row.payment_state,
      });
    reversal = await reverseEntry(tx, actor, {
      entryId: row.entry_id,
      memo: `Cancellation of ${row.number}: ${input.reason}`.slice(0, 500),
    });
  }
  await setInvoice(
    tx,
    companyId,
    row.id,
    sql`state = 'cancelled', residual = 0, residual_company = 0, reversal_entry_id = ${reversal?.id ?? null},
        cancelled_at = now(), cancelled_by = ${actor.name === 'system' ? null : actor.userId},
        cancel_reason = ${input.reason}`,
  );
  await recordAudit(tx, actor, {
    entity: INVOICE_ENTITY,
    entityId: row.id,
    action: 'cancel',
    reason: input.reason,
    before: { state: row.state },
    after: { state: 'cancelled', reversalEntryId: reversal?.id ?? null },
  });
  const lines = await invoiceLineRows(tx, companyId, row.id);
  await publish(tx, actor, {
    type: 'invoice.cancelled',
    aggregateType: INVOICE_ENTITY,
    aggregateId: row.id,
    payload: {
      invoiceId: row.id,
      kind: row.kind,
      number: row.number ?? null,
      customerId: row.partner_id,
      total: row.total_t,
      currency: row.currency,
      originType: row.origin_type ?? null,
      originId: row.origin_id ?? null,
      wasPosted,
      lines: lines
        .filter((l) => l.origin_line_id)
        .map((l) => ({ originLineId: l.origin_line_id, quantity: l.quantity_t })),
      summary: `${row.number ? `Invoice ${row.number}` : 'Draft invoice'} cancelled: ${input.reason}`.slice(
        0,
        500,
      ),
    },
  });
  return invoiceView(tx, companyId, await findInvoice(tx, { ...actor, recordScope: 'company' }, row.id));
}
