import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, staleVersion, unprocessable } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { ensurePeriod, findPeriod, type PeriodRow } from './periods.ts';

const label = (p: PeriodRow) => `${p.year}-${String(p.month).padStart(2, '0')}`;

export async function listPeriods(
  ex: Executor,
  actor: Actor,
  query: { year?: number; date?: string },
): Promise<PeriodRow[]> {
  requirePermission(actor, 'accounting.period.read');
  if (query.date) await ensurePeriod(ex, actor.companyId, query.date);
  const list = await rows<PeriodRow>(
    ex,
    sql`select id, fiscal_year_id as "fiscalYearId", year, month, to_char(start_date, 'YYYY-MM-DD') as "startDate",
               to_char(end_date, 'YYYY-MM-DD') as "endDate", state, version
          from accounting_period
         where company_id = ${actor.companyId} and (${query.year ?? null}::int is null or year = ${query.year ?? null}::int)
         order by start_date desc`,
  );
  return list.map((p) => ({
    ...p,
    year: Number(p.year),
    month: Number(p.month),
    version: Number(p.version),
  }));
}

async function lockPeriod(tx: Tx, companyId: string, id: string, version: number): Promise<PeriodRow> {
  if (!isUuid(id)) throw notFound('period', String(id));
  await tx.execute(
    sql`select 1 from accounting_period where company_id = ${companyId} and id = ${id} for update`,
  );
  const period = await findPeriod(tx, companyId, id);
  if (!period) throw notFound('period', id);
  if (period.version !== version) throw staleVersion('period', version, period.version);
  return period;
}

/**
 * 结账: closes a month. Drafts dated in it must be posted or deleted first. Postings wait for this
 * commit (they read the period FOR SHARE) and are refused afterwards, by the service and the trigger.
 */
export async function closePeriod(tx: Tx, actor: Actor, input: { periodId: string; version: number }) {
  requirePermission(actor, 'accounting.period.close');
  const companyId = actor.companyId;
  const period = await lockPeriod(tx, companyId, input.periodId, input.version);
  if (period.state === 'closed')
    throw unprocessable('accounting.period_closed', 'The period is already closed');
  const drafts = await one<{ n: number }>(
    tx,
    sql`select count(*)::int as n from accounting_entry where company_id = ${companyId} and period_id = ${period.id}
          and state = 'draft'`,
  );
  if (Number(drafts?.n) > 0)
    throw unprocessable(
      'accounting.period_has_drafts',
      'Post or delete the draft entries of the period first',
      {
        drafts: Number(drafts?.n),
      },
    );
  return setState(tx, actor, period, 'closed');
}

/** 反结账: reopens a month of a fiscal year that is still open. */
export async function reopenPeriod(tx: Tx, actor: Actor, input: { periodId: string; version: number }) {
  requirePermission(actor, 'accounting.period.close');
  const companyId = actor.companyId;
  const period = await lockPeriod(tx, companyId, input.periodId, input.version);
  if (period.state === 'open') throw unprocessable('accounting.period_open', 'The period is open');
  const fy = await one<{ state: string }>(
    tx,
    sql`select state from accounting_fiscal_year where company_id = ${companyId} and id = ${period.fiscalYearId}`,
  );
  if (fy?.state === 'closed')
    throw unprocessable(
      'accounting.fiscal_year_closed',
      'The fiscal year is closed; its periods stay closed',
    );
  return setState(tx, actor, period, 'open');
}

async function setState(
  tx: Tx,
  actor: Actor,
  period: PeriodRow,
  state: 'open' | 'closed',
): Promise<PeriodRow> {
  const companyId = actor.companyId;
  await tx.execute(
    sql`update accounting_period set state = ${state}, closed_at = ${state === 'closed' ? sql`now()` : null},
           closed_by = ${state === 'closed' ? actor.userId : null}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${period.id}`,
  );
  await recordAudit(tx, actor, {
    entity: 'accounting.period',
    entityId: period.id,
    action: state === 'closed' ? 'close' : 'reopen',
    before: { state: period.state },
    after: { state },
  });
  await publish(tx, actor, {
    type: state === 'closed' ? 'fiscal_period.closed' : 'fiscal_period.reopened',
    aggregateType: 'accounting.period',
    aggregateId: period.id,
    payload: { periodId: period.id, period: label(period) },
  });
  return (await findPeriod(tx, companyId, period.id))!;
}
