import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { visibleCustomerSql } from '../../crm/index.ts';
import { partyAndMerged } from '../credit/open-receivables.ts';
import { accountingSettings } from '../settings.ts';
import { applyCollected } from './collection.ts';
import type { CollectionPlanView } from './contract.ts';

export const PLAN_ENTITY = 'accounting.collection_plan';

/**
 * What a plan has collected, in its currency: for a sales order, the payments allocated to that order's
 * posted customer invoices; otherwise (a contract, or nothing named) the customer's posted receipts since
 * the plan was made. Credit notes settle invoices but bring no money, so only payments count.
 */
export function collectedSql(p: SQL): SQL {
  return sql`case when ${p}.origin_type = 'sales_order' then
      (select coalesce(sum(a.amount), 0) from accounting_payment_allocation a
         join accounting_invoice i on i.company_id = a.company_id and i.id = a.invoice_id
        where a.company_id = ${p}.company_id and a.payment_id is not null and i.state = 'posted'
          and i.kind = 'customer_invoice' and i.origin_type = 'sales_order' and i.origin_id = ${p}.origin_id
          and i.currency = ${p}.currency)
    else
      (select coalesce(sum(pay.amount), 0) from accounting_payment pay
        where pay.company_id = ${p}.company_id and pay.direction = 'inbound' and pay.state = 'posted'
          and pay.currency = ${p}.currency and pay.payment_date >= (${p}.created_at at time zone
            (select co.time_zone from platform_company co where co.id = ${p}.company_id))::date
          and pay.partner_id in ${partyAndMerged(sql`${p}.company_id`, sql`${p}.customer_id`)})
    end`;
}

/** Plans the actor may see: their customer is visible under crm's record rule. */
export function visiblePlanSql(actor: Actor): SQL {
  if (actor.recordScope === 'company') return sql`true`;
  return visibleCustomerSql(actor, sql`c`);
}

export const selectPlans = (collected: SQL) => sql`select p.*, c.name as customer_name, u.name as owner_name,
    to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at_t,
    (${collected})::numeric(18, 2)::text as collected_t
  from accounting_collection_plan p
  join crm_customer c on c.company_id = p.company_id and c.id = p.customer_id
  left join platform_user u on u.id = p.owner_user_id`;

/** The plans' views with their lines, collected amounts applied in due-date order as of today. */
export async function planViews(
  ex: Executor,
  companyId: string,
  plans: Record<string, any>[],
): Promise<CollectionPlanView[]> {
  if (plans.length === 0) return [];
  const { today } = await accountingSettings(ex, companyId);
  const ids = plans.map((p) => p.id as string);
  const lines = await rows<Record<string, any>>(
    ex,
    sql`select id, plan_id, position, due_date::text as due_date, amount::text as amount, note
          from accounting_collection_plan_line
         where company_id = ${companyId} and plan_id in (${sql.join(
           ids.map((i) => sql`${i}::uuid`),
           sql`, `,
         )})`,
  );
  return plans.map((p) => {
    const own = lines
      .filter((l) => l.plan_id === p.id)
      .map((l) => ({ id: l.id, position: l.position, dueDate: l.due_date, amount: l.amount, note: l.note }));
    const applied = applyCollected(own, p.collected_t ?? '0', today);
    // Money stays decimal: sums of the lines' amounts and of what is left on them.
    const total = applied.reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
    const remaining = applied.reduce((sum, l) => sum.plus(l.remaining), new Decimal(0));
    return {
      id: p.id,
      customerId: p.customer_id,
      customerName: p.customer_name,
      originType: p.origin_type,
      originId: p.origin_id,
      originNumber: p.origin_number,
      ownerUserId: p.owner_user_id,
      ownerName: p.owner_name ?? null,
      currency: p.currency,
      state: p.state === 'cancelled' ? 'cancelled' : 'open',
      notes: p.notes,
      total: total.toFixed(2),
      collected: total.minus(remaining).toFixed(2),
      remaining: remaining.toFixed(2),
      nextDueDate: applied.find((l) => l.status !== 'collected')?.dueDate ?? null,
      lines: applied,
      version: p.version,
      createdAt: p.created_at_t,
    };
  });
}

export async function findPlan(ex: Executor, actor: Actor, id: string, lock = false) {
  if (!isUuid(id)) throw notFound('collection plan', id);
  const found = await rows<Record<string, any>>(
    ex,
    sql`${selectPlans(collectedSql(sql`p`))} where p.company_id = ${actor.companyId} and p.id = ${id}
         and ${visiblePlanSql(actor)} ${lock ? sql`for update of p` : sql``}`,
  );
  if (!found[0]) throw notFound('collection plan', id);
  return found[0];
}

export async function loadPlan(ex: Executor, actor: Actor, id: string): Promise<CollectionPlanView> {
  return (await planViews(ex, actor.companyId, [await findPlan(ex, actor, id)]))[0]!;
}
