import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, applyMask, can, requirePermission } from '../../../platform/permissions/actor.ts';
import { activityView, selectActivity } from '../activity/activity.repo.ts';
import { fromContacts, visibleContactSql } from '../contact/contact.repo.ts';
import { customerView, findVisibleCustomer } from '../customer/customer.repo.ts';
import { visibleOpportunitySql } from '../opportunity/opportunity.repo.ts';
import { timelinePage } from '../timeline/list-timeline.ts';
import { creditSlot } from './credit-slot.ts';

const RECENT_ACTIVITIES = 20;
const TIMELINE_ENTRIES = 50;

async function contactsOf(ex: Executor, actor: Actor, customerId: string) {
  const list = await rows<Record<string, any>>(
    ex,
    sql`select k.* ${fromContacts}
         where k.company_id = ${actor.companyId} and k.customer_id = ${customerId} and ${visibleContactSql(actor)}
         order by k.name, k.id limit 200`,
  );
  return list.map((k) =>
    applyMask(actor, 'crm.contact', {
      id: k.id,
      name: k.name,
      title: k.title,
      phones: k.phones ?? [],
      email: k.email,
      wechat: k.wechat,
      preferredChannel: k.preferred_channel,
    }),
  );
}

async function openOpportunitiesOf(ex: Executor, actor: Actor, customerId: string) {
  const list = await rows<Record<string, any>>(
    ex,
    sql`select o.*, s.name as stage_name, u.name as owner_name,
               round(o.amount * o.probability / 100.0, 2)::text as weighted_amount
          from crm_opportunity o
          left join crm_stage s on s.company_id = o.company_id and s.id = o.stage_id
          left join platform_user u on u.id = o.owner_user_id
         where o.company_id = ${actor.companyId} and o.customer_id = ${customerId} and o.status = 'open'
           and ${visibleOpportunitySql(actor)}
         order by o.expected_close_date nulls last, o.id limit 100`,
  );
  return list.map((o) =>
    applyMask(actor, 'crm.opportunity', {
      id: o.id,
      name: o.name,
      stageId: o.stage_id,
      stageName: o.stage_name ?? null,
      amount: String(o.amount),
      currency: o.currency,
      probability: o.probability,
      weightedAmount: o.weighted_amount,
      expectedCloseDate: o.expected_close_date ?? null,
      ownerUserId: o.owner_user_id,
      ownerName: o.owner_name ?? null,
    }),
  );
}

/**
 * The customer page (360): profile, contacts, open opportunities with weighted amounts, recent
 * activities, the newest timeline entries, and the accounting slot. Contacts and opportunities follow
 * their own record rules (the page shows nothing their own routes would 404); activities and the
 * timeline are the customer's history, shown to whoever may see the customer. A section outside the
 * actor's permissions is null.
 */
export async function customerOverview(ex: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'crm.customer.read');
  const row = await findVisibleCustomer(ex, actor, id);
  const activities = can(actor, 'crm.activity.read')
    ? (
        await rows<Record<string, any>>(
          ex,
          sql`${selectActivity} where a.company_id = ${actor.companyId} and a.customer_id = ${id}
               order by coalesce(a.starts_at, a.due_at, a.created_at) desc, a.id desc limit ${RECENT_ACTIVITIES}`,
        )
      ).map((r) => activityView(actor, r))
    : null;
  return {
    profile: await customerView(ex, actor, row),
    contacts: can(actor, 'crm.contact.read') ? await contactsOf(ex, actor, id) : null,
    openOpportunities: can(actor, 'crm.opportunity.read') ? await openOpportunitiesOf(ex, actor, id) : null,
    recentActivities: activities,
    timeline: await timelinePage(ex, actor.companyId, id, { limit: TIMELINE_ENTRIES }),
    accounting: await creditSlot(ex, actor, {
      id,
      currency: row.currency,
      creditLimit: row.credit_limit ?? null,
    }),
  };
}
