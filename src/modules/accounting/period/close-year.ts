import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, staleVersion, unprocessable } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { accountForRole } from '../chart/account-for-role.ts';
import type { EntryLineInput } from '../ledger/entry.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { YEAR_CLOSE_SOURCE } from '../ledger/posting.ts';
import { movements } from '../report/balances.ts';
import type { FiscalYear } from './contract.ts';
import { ensurePeriod, monthBounds } from './periods.ts';

const yearColumns = sql`id, year, to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate",
  state, closing_entry_id as "closingEntryId", version`;

const mapYear = (y: FiscalYear): FiscalYear => ({ ...y, year: Number(y.year), version: Number(y.version) });

export async function listFiscalYears(ex: Executor, actor: Actor): Promise<FiscalYear[]> {
  requirePermission(actor, 'accounting.period.read');
  const list = await rows<FiscalYear>(
    ex,
    sql`select ${yearColumns} from accounting_fiscal_year where company_id = ${actor.companyId} order by year desc`,
  );
  return list.map(mapYear);
}

/**
 * The lines that empty every income and expense account (and 本年利润, current earnings) for the year
 * into retained earnings: each account gets its balance on the other side, retained earnings the net.
 */
async function closingLines(tx: Tx, companyId: string, fy: FiscalYear): Promise<EntryLineInput[]> {
  const moves = await movements(tx, companyId, fy.startDate, fy.endDate);
  const current = await accountForRole(tx, companyId, 'current_earnings');
  const retained = await accountForRole(tx, companyId, 'retained_earnings');
  const pl = await rows<{ id: string }>(
    tx,
    sql`select id from accounting_account where company_id = ${companyId} and (type in ('income', 'expense') or id = ${current})
         order by code`,
  );
  const lines: EntryLineInput[] = [];
  let net = new Decimal(0);
  for (const { id } of pl) {
    const m = moves.get(id);
    if (!m) continue;
    const balance = m.debit.minus(m.credit);
    if (balance.isZero()) continue;
    net = net.plus(balance);
    lines.push(
      balance.gt(0)
        ? { accountId: id, credit: balance.toFixed(2) }
        : { accountId: id, debit: balance.neg().toFixed(2) },
    );
  }
  if (lines.length === 0) return lines;
  // net > 0: more expense than income (a loss), which reduces retained earnings (a debit).
  if (!net.isZero())
    lines.push(
      net.gt(0)
        ? { accountId: retained, debit: net.toFixed(2) }
        : { accountId: retained, credit: net.neg().toFixed(2) },
    );
  return lines.map((l) => ({ ...l, description: 'Year-end close' }));
}

/**
 * 年结: posts the closing entry on the last day of the year (December must be open), then closes every
 * month of the year and the year itself. Drafts dated in the year must be posted or deleted first.
 */
export async function closeFiscalYear(
  tx: Tx,
  actor: Actor,
  input: { fiscalYearId: string; version: number },
): Promise<FiscalYear> {
  requirePermission(actor, 'accounting.period.close');
  const companyId = actor.companyId;
  if (!isUuid(input.fiscalYearId)) throw notFound('fiscal year', String(input.fiscalYearId));
  const fy = await one<FiscalYear>(
    tx,
    sql`select ${yearColumns} from accounting_fiscal_year where company_id = ${companyId} and id = ${input.fiscalYearId}
        for update`,
  );
  if (!fy) throw notFound('fiscal year', input.fiscalYearId);
  const year = mapYear(fy);
  if (year.version !== input.version) throw staleVersion('fiscal year', input.version, year.version);
  if (year.state === 'closed')
    throw unprocessable('accounting.fiscal_year_closed', 'The fiscal year is already closed');
  const drafts = await one<{ n: number }>(
    tx,
    sql`select count(*)::int as n from accounting_entry where company_id = ${companyId} and state = 'draft'
          and entry_date between ${year.startDate}::date and ${year.endDate}::date`,
  );
  if (Number(drafts?.n) > 0)
    throw unprocessable(
      'accounting.period_has_drafts',
      'Post or delete the draft entries of the year first',
      {
        drafts: Number(drafts?.n),
      },
    );
  const lines = await closingLines(tx, companyId, year);
  let closingEntryId: string | null = null;
  if (lines.length > 0) {
    const posted = await postEntry(tx, actor, {
      journal: 'general',
      date: year.endDate,
      memo: `Year-end close ${year.year}`,
      source: { type: YEAR_CLOSE_SOURCE, id: year.id },
      lines,
    });
    closingEntryId = posted.id;
  }
  for (let month = 1; month <= 12; month++)
    await ensurePeriod(tx, companyId, monthBounds(year.year, month).start);
  await tx.execute(
    sql`update accounting_period set state = 'closed', closed_at = coalesce(closed_at, now()),
           closed_by = coalesce(closed_by, ${actor.userId}), version = version + 1, updated_at = now()
         where company_id = ${companyId} and fiscal_year_id = ${year.id} and state = 'open'`,
  );
  await tx.execute(
    sql`update accounting_fiscal_year set state = 'closed', closing_entry_id = ${closingEntryId}, closed_at = now(),
           closed_by = ${actor.userId}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${year.id}`,
  );
  await recordAudit(tx, actor, {
    entity: 'accounting.fiscal_year',
    entityId: year.id,
    action: 'close',
    before: { state: 'open' },
    after: { state: 'closed', closingEntryId },
  });
  await publish(tx, actor, {
    type: 'fiscal_year.closed',
    aggregateType: 'accounting.fiscal_year',
    aggregateId: year.id,
    payload: { fiscalYearId: year.id, year: year.year, closingEntryId },
  });
  return mapYear(
    (await one<FiscalYear>(
      tx,
      sql`select ${yearColumns} from accounting_fiscal_year where company_id = ${companyId} and id = ${year.id}`,
    ))!,
  );
}
