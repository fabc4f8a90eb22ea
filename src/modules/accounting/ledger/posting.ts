// The one way an entry becomes posted: period check, voucher number, state, balance deltas, audit.
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { nextNumber } from '../../../platform/sequences/next-number.ts';
import { assertOpen, findPeriod } from '../period/periods.ts';
import type { EntryRow } from './entry.repo.ts';
import { assertPostable, type NormalLine, voucherLabel } from './entry.ts';

/** Source type of the year-end closing entry; profit and loss leaves it out. */
export const YEAR_CLOSE_SOURCE = 'accounting.fiscal_year';

export const actorUserId = (actor: Actor): string | null => (actor.name === 'system' ? null : actor.userId);

/**
 * Posts a draft the caller has locked or just written. The period row is read FOR SHARE, so a
 * concurrent close waits for this commit (or this posting sees the close and refuses). The voucher
 * counter is the only row postings of one period and word serialise on (DESIGN.md 'Hot rows').
 */
export async function postWritten(
  tx: Tx,
  actor: Actor,
  entry: EntryRow,
  lines: NormalLine[],
): Promise<{ id: string; voucher: string }> {
  const companyId = actor.companyId;
  const totals = assertPostable(lines);
  await tx.execute(
    sql`select 1 from accounting_period where company_id = ${companyId} and id = ${entry.periodId} for share`,
  );
  const period = await findPeriod(tx, companyId, entry.periodId);
  assertOpen(period!, entry.entryDate);
  const key = `accounting.voucher:${period!.year}-${String(period!.month).padStart(2, '0')}:${entry.voucherWord}`;
  const number = await nextNumber(tx, companyId, key);
  const posted = await one<{ postedAt: string }>(
    tx,
    sql`update accounting_entry set state = 'posted', voucher_number = ${number}, poster_id = ${actorUserId(actor)},
               posted_at = now(), version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${entry.id} and state = 'draft'
        returning posted_at::text as "postedAt"`,
  );
  if (!posted) throw new Error(`entry ${entry.id} was not a draft when posted`);
  await writeDeltas(tx, companyId, entry, lines);
  const voucher = voucherLabel(entry.voucherWord, number)!;
  await recordAudit(tx, actor, {
    entity: 'accounting.entry',
    entityId: entry.id,
    action: 'post',
    before: { state: 'draft' },
    after: { state: 'posted', voucher, date: entry.entryDate, debit: totals.debit, credit: totals.credit },
  });
  return { id: entry.id, voucher };
}

/** One appended row per account the entry touches (never an update: no hot balance row). */
async function writeDeltas(tx: Tx, companyId: string, entry: EntryRow, lines: NormalLine[]): Promise<void> {
  const sums = new Map<string, { debit: Decimal; credit: Decimal }>();
  for (const l of lines) {
    const s = sums.get(l.accountId) ?? { debit: new Decimal(0), credit: new Decimal(0) };
    s.debit = s.debit.plus(l.debit);
    s.credit = s.credit.plus(l.credit);
    sums.set(l.accountId, s);
  }
  const payload = [...sums].map(([accountId, s]) => ({
    id: newId(),
    accountId,
    debit: s.debit.toFixed(2),
    credit: s.credit.toFixed(2),
  }));
  await tx.execute(
    sql`insert into accounting_balance_delta (company_id, id, account_id, period_id, closing, debit, credit, entry_id)
        select ${companyId}, r.id, r."accountId", ${entry.periodId}, ${entry.sourceType === YEAR_CLOSE_SOURCE},
               r.debit, r.credit, ${entry.id}
          from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as r(id uuid, "accountId" uuid, debit numeric, credit numeric)`,
  );
}
