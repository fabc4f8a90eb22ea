import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { iso } from '../../../platform/db/time.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { companyCurrency } from '../../../platform/reference/currencies.ts';
import { accountForRole } from '../chart/account-for-role.ts';
import { rateFor } from '../invoice/header.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { actorUserId } from '../ledger/posting.ts';
import { reverseEntry } from '../ledger/reverse-entry.ts';
import { assertBusinessDate, assertOpen, ensurePeriod, monthBounds } from '../period/periods.ts';
import { type OpenItem, revaluationLines, revalue } from './revalue.ts';
import type { RevaluedDocument } from './schema.ts';

export const REVALUATION_SOURCE = 'accounting.revaluation';

export interface RevaluationView {
  id: string;
  month: string;
  date: string;
  entryId: string | null;
  reversalEntryId: string | null;
  rates: Record<string, string>;
  documents: RevaluedDocument[];
  totalGain: string;
  totalLoss: string;
  version: number;
  createdAt: string;
}

/**
 * Books the unrealised exchange difference of every foreign-currency invoice, bill and credit note open on
 * `date` (residual × (the date's rate − the booked rate), to fx gain / loss) and its reversal dated the first
 * day of the next month (or the first open day after it), so settlements keep using the booked rate.
 * Once per month: a second request for the same month answers the first revaluation unchanged (the
 * month's row is inserted first, so a concurrent request waits for it and then finds it).
 */
export async function revalueMonth(tx: Tx, actor: Actor, input: { date: string }): Promise<RevaluationView> {
  requirePermission(actor, 'accounting.entry.post');
  const companyId = actor.companyId;
  const { year, month } = assertBusinessDate(input.date);
  const label = input.date.slice(0, 7);
  // A closed month is not revalued, even when nothing would be booked.
  assertOpen(await ensurePeriod(tx, companyId, input.date), input.date);
  const id = newId();
  const claimed = await one<{ id: string }>(
    tx,
    sql`insert into accounting_revaluation (company_id, id, month, revaluation_date, created_by)
        values (${companyId}, ${id}, ${label}, ${input.date}, ${actorUserId(actor)})
        on conflict (company_id, month) do nothing returning id`,
  );
  if (!claimed) return loadRevaluation(tx, companyId, { month: label });
  const items = await openForeignItems(tx, companyId, input.date);
  const rates: Record<string, string> = {};
  for (const c of new Set(items.map((i) => i.currency)))
    rates[c] = await rateFor(tx, companyId, c, input.date);
  const documents = items.map((i) => revalue(i, rates[i.currency]));
  const lines = revaluationLines(documents, {
    receivable: await accountForRole(tx, companyId, 'receivable'),
    payable: await accountForRole(tx, companyId, 'payable'),
    gain: await accountForRole(tx, companyId, 'fx_gain'),
    loss: await accountForRole(tx, companyId, 'fx_loss'),
  });
  let entryId: string | null = null;
  let reversalId: string | null = null;
  if (lines.length > 0) {
    const entry = await postEntry(tx, actor, {
      journal: 'general',
      date: input.date,
      memo: `Revaluation of open foreign-currency items ${label}`,
      source: { type: REVALUATION_SOURCE, id },
      lines,
    });
    const next = month === 12 ? monthBounds(year + 1, 1) : monthBounds(year, month + 1);
    const reversal = await reverseEntry(tx, actor, {
      entryId: entry.id,
      date: next.start,
      memo: `Automatic reversal of the revaluation ${label}`,
    });
    entryId = entry.id;
    reversalId = reversal.id;
  }
  await tx.execute(
    sql`update accounting_revaluation set entry_id = ${entryId}, reversal_entry_id = ${reversalId},
           documents = ${JSON.stringify(documents)}::jsonb, rates = ${JSON.stringify(rates)}::jsonb
         where company_id = ${companyId} and id = ${id}`,
  );
  const view = await loadRevaluation(tx, companyId, { id });
  await recordAudit(tx, actor, {
    entity: 'accounting.revaluation',
    entityId: id,
    action: 'create',
    after: {
      month: label,
      date: input.date,
      entryId,
      reversalEntryId: reversalId,
      rates,
      gain: view.totalGain,
      loss: view.totalLoss,
    },
  });
  return view;
}

/**
 * Posted documents in a currency other than the company's, dated up to `date`, with what was open on that
 * day: today's residual plus the settlements dated after it (a payment next week does not close it now).
 */
async function openForeignItems(ex: Executor, companyId: string, date: string): Promise<OpenItem[]> {
  const currency = await companyCurrency(ex, companyId);
  return rows<OpenItem>(
    ex,
    sql`select i.id as "invoiceId", i.number, i.kind, i.partner_id as "partnerId", i.currency,
               (i.residual + coalesce(later.amount, 0))::text as residual,
               (i.residual_company + coalesce(later.company, 0))::text as "residualCompany"
          from accounting_invoice i
          left join lateral (
            select sum(a.amount) as amount, sum(a.invoice_amount_company) as company
              from accounting_payment_allocation a
             where a.company_id = i.company_id and a.invoice_id = i.id and a.allocation_date > ${date}::date
          ) later on true
         where i.company_id = ${companyId} and i.state = 'posted' and i.currency <> ${currency}
           and i.invoice_date <= ${date}::date and i.residual + coalesce(later.amount, 0) > 0
         order by i.invoice_date, i.number`,
  );
}

export async function loadRevaluation(
  ex: Executor,
  companyId: string,
  key: { id: string } | { month: string },
): Promise<RevaluationView> {
  const row = await one<Record<string, any>>(
    ex,
    sql`select r.*, r.revaluation_date::text as date_t from accounting_revaluation r
         where r.company_id = ${companyId} and ${'id' in key ? sql`r.id = ${key.id}` : sql`r.month = ${key.month}`}`,
  );
  if (!row) throw notFound('revaluation', 'id' in key ? key.id : key.month);
  return toRevaluationView(row);
}

export function toRevaluationView(row: Record<string, any>): RevaluationView {
  const documents = (row.documents ?? []) as RevaluedDocument[];
  const sum = (positive: boolean) =>
    documents
      .map((d) => new Decimal(d.difference))
      .filter((d) => (positive ? d.gt(0) : d.lt(0)))
      .reduce((s, d) => s.plus(d.abs()), new Decimal(0))
      .toFixed(2);
  return {
    id: row.id,
    month: row.month,
    date: row.date_t,
    entryId: row.entry_id ?? null,
    reversalEntryId: row.reversal_entry_id ?? null,
    rates: row.rates ?? {},
    documents,
    totalGain: sum(true),
    totalLoss: sum(false),
    version: row.version,
    createdAt: iso(row.created_at),
  };
}
