import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { ForecastQuery } from './contract.ts';
import { visibleOpportunitySql } from './opportunity.repo.ts';

// Group keys come from this fixed table, never from the request text (SEC-SQLI-01).
const GROUPS: Record<ForecastQuery['groupBy'], SQL> = {
  month: sql`to_char(o.expected_close_date, 'YYYY-MM')`,
  owner: sql`o.owner_user_id::text`,
};

/**
 * The weighted forecast of the visible open opportunities: per month of expected close (or per
 * owner) and currency, the count, the amount and Σ amount × probability / 100. SQL sums exactly
 * (numeric); the division and rounding to cents happen once per group in decimal.js.
 */
export async function forecast(ex: Executor, actor: Actor, query: ForecastQuery) {
  requirePermission(actor, 'crm.opportunity.read');
  if (query.from && query.to && query.from > query.to)
    throw badRequest('validation', 'from must not be after to', { from: query.from, to: query.to });
  const where: SQL[] = [
    sql`o.company_id = ${actor.companyId}`,
    sql`o.status = 'open'`,
    visibleOpportunitySql(actor),
  ];
  if (query.from) where.push(sql`o.expected_close_date >= ${query.from}::date`);
  if (query.to) where.push(sql`o.expected_close_date <= ${query.to}::date`);
  const key = GROUPS[query.groupBy];
  const list = await rows<Record<string, any>>(
    ex,
    sql`select ${key} as key, o.currency, count(*)::int as n, sum(o.amount)::text as amount,
               sum(o.amount * o.probability)::text as weighted100,
               max(u.name) as owner_name
          from crm_opportunity o left join platform_user u on u.id = o.owner_user_id
         where ${sql.join(where, sql` and `)}
         group by 1, 2 order by 1 nulls last, 2`,
  );
  return {
    groupBy: query.groupBy,
    items: list.map((r) => ({
      key: r.key ?? null,
      label: query.groupBy === 'owner' ? (r.owner_name ?? null) : (r.key ?? null),
      currency: r.currency,
      count: Number(r.n),
      amount: new Decimal(r.amount).toFixed(2),
      weightedAmount: new Decimal(r.weighted100)
        .div(100)
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        .toFixed(2),
    })),
  };
}
