import { Decimal } from 'decimal.js';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { accountForRole } from '../chart/account-for-role.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { accountingSettings } from '../settings.ts';
import { settlementEntryLines } from './booking.ts';
import type { AllocateInput, PaymentView } from './contract.ts';
import {
  assertPaymentVersion,
  findPayment,
  loadPayment,
  PAYMENT_ENTITY,
  setUnallocated,
} from './payment.repo.ts';
import { paymentSplit } from './payment.ts';
import { prepareSettlements, recordSettlements } from './settle-invoices.ts';

/**
 * Allocates a payment's unallocated rest (the partner's credit) to open invoices: one entry moves the
 * amounts from the advance account to the receivable (payable), valued at the payment's rate on one side
 * and the invoice's on the other, the difference to fx gain / loss.
 */
export async function allocatePayment(
  tx: Tx,
  actor: Actor,
  id: string,
  input: AllocateInput,
): Promise<PaymentView> {
  requirePermission(actor, 'accounting.payment.create');
  const companyId = actor.companyId;
  const row = await findPayment(tx, actor, id, true);
  assertPaymentVersion(row, input.version);
  const date = input.date ?? (await accountingSettings(tx, companyId)).today;
  if (date < row.payment_date_t)
    throw unprocessable(
      'accounting.allocation_before_payment',
      'An allocation cannot be dated before the payment',
      {
        date,
        paymentDate: row.payment_date_t,
      },
    );
  const inbound = row.direction === 'inbound';
  const req = {
    direction: row.direction,
    partnerId: row.partner_id,
    currency: row.currency,
    rate: row.rate_t,
  };
  const prepared = await prepareSettlements(tx, actor, { ...req, allocations: input.allocations });
  const wanted = prepared.reduce((s, p) => s.plus(p.amount), new Decimal(0));
  if (wanted.gt(row.unallocated_t))
    throw unprocessable(
      'accounting.allocation_exceeds_payment',
      'The allocations are more than the unallocated rest',
      {
        unallocated: row.unallocated_t,
        allocated: wanted.toFixed(2),
      },
    );
  const split = paymentSplit(row.unallocated_t, row.unallocated_company_t, prepared);
  const drawn = new Decimal(row.unallocated_company_t).minus(split.unallocatedCompany);
  const advance = await accountForRole(tx, companyId, inbound ? 'customer_advance' : 'supplier_advance');
  const entry = await postEntry(tx, actor, {
    journal: 'general',
    date,
    memo: `Allocation of ${row.number}`,
    source: { type: 'accounting.payment_allocation', id: newId() },
    lines: settlementEntryLines({
      ...req,
      label: row.number,
      source: { accountId: advance, amount: wanted.toFixed(2), amountCompany: drawn.toFixed(2) },
      settlements: split.settlements,
      advance: null,
      fx: {
        gain: await accountForRole(tx, companyId, 'fx_gain'),
        loss: await accountForRole(tx, companyId, 'fx_loss'),
      },
    }),
  });
  await recordSettlements(tx, actor, id, date, split.settlements, entry.id);
  await setUnallocated(tx, companyId, id, split);
  const view = await loadPayment(tx, { ...actor, recordScope: 'company' }, id);
  await recordAudit(tx, actor, {
    entity: PAYMENT_ENTITY,
    entityId: id,
    action: 'allocate',
    before: { unallocated: row.unallocated_t },
    after: {
      unallocated: split.unallocated,
      allocations: split.settlements.map((s) => ({
        invoiceId: s.invoiceId,
        amount: s.amount,
        fx: s.fxDifference,
      })),
      entryId: entry.id,
    },
  });
  return view;
}
