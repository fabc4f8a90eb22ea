import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, type Tx } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { type Actor, applyMask, recordScopeSql } from '../../../platform/permissions/actor.ts';
import { visibleCustomerSql } from '../customer/customer.repo.ts';
import type { Activity } from './contract.ts';

export const RESOURCE = 'crm.activity';

/**
 * Reading: an activity is visible when its owner is inside the actor's record rule, or when it is
 * about a customer the actor may see — whoever looks after a customer needs its history, including
 * what the previous owner did. Writing needs the owner inside the record rule (see `findActivity`).
 */
export function visibleActivitySql(actor: Actor, alias = sql`a`): SQL {
  return sql`(${recordScopeSql(actor, sql`${alias}.owner_user_id`)} or (${alias}.customer_id is not null and exists (
    select 1 from crm_customer vc where vc.company_id = ${alias}.company_id and vc.id = ${alias}.customer_id
       and ${visibleCustomerSql(actor, sql`vc`)})))`;
}

export const selectActivity = sql`select a.*, u.name as owner_name, c.name as customer_name,
    (a.done_at is null and a.due_at < now()) as overdue,
    coalesce(a.starts_at, a.due_at, a.created_at)::text as sort_when
  from crm_activity a
  left join platform_user u on u.id = a.owner_user_id
  left join crm_customer c on c.company_id = a.company_id and c.id = a.customer_id`;

export function toActivity(r: Record<string, any>): Activity {
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    body: r.body,
    customerId: r.customer_id,
    customerName: r.customer_name ?? null,
    contactId: r.contact_id,
    leadId: r.lead_id,
    opportunityId: r.opportunity_id,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name ?? null,
    startsAt: isoOrNull(r.starts_at),
    endsAt: isoOrNull(r.ends_at),
    dueAt: isoOrNull(r.due_at),
    remindAt: isoOrNull(r.remind_at),
    remindedAt: isoOrNull(r.reminded_at),
    doneAt: isoOrNull(r.done_at),
    done: r.done_at !== null && r.done_at !== undefined,
    overdue: r.overdue === true,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function activityView(actor: Actor, r: Record<string, any>): Activity {
  return applyMask(actor, RESOURCE, toActivity(r));
}

/**
 * One activity or 404. `write` narrows to activities whose owner is inside the actor's record rule
 * (seeing a customer's history does not make someone else's task yours to edit); `lock` takes the row.
 */
export async function findActivity(
  ex: Executor,
  actor: Actor,
  id: string,
  options: { write?: boolean; lock?: boolean } = {},
): Promise<Record<string, any>> {
  const rule = options.write ? recordScopeSql(actor, sql`a.owner_user_id`) : visibleActivitySql(actor);
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectActivity} where a.company_id = ${actor.companyId} and a.id = ${id} and ${rule}
        ${options.lock ? sql`for update of a` : sql``}`,
  );
  if (!row) throw notFound('activity', id);
  return row;
}

/**
 * Logging or completing an activity is follow-up: the public-pool clock of the customer starts
 * again, and a pool warning already sent may be sent again later. The customer's version is left
 * alone on purpose, so that logging a call never makes someone's open edit of the customer stale.
 */
export async function touchCustomer(tx: Tx, companyId: string, customerId: string | null): Promise<void> {
  if (!customerId) return;
  await tx.execute(
    sql`update crm_customer set last_activity_at = now(), pool_warned_at = null
         where company_id = ${companyId} and id = ${customerId}
           and (last_activity_at is null or last_activity_at < now())`,
  );
}

/** The audited fields of an activity (what the audit log diffs). */
export function auditable(a: Activity): Record<string, unknown> {
  const { customerName: _c, ownerName: _o, overdue: _d, createdAt: _ca, updatedAt: _ua, ...rest } = a;
  return rest;
}

const KIND_LABEL: Record<string, string> = {
  call: 'Call',
  meeting: 'Meeting',
  visit: 'Visit',
  email: 'Email',
  note: 'Note',
  task: 'Task',
};

/** The short human line events carry (and the timeline shows when nothing better is known). */
export function activitySummary(kind: string, subject: string, verb?: string): string {
  const text = `${KIND_LABEL[kind] ?? kind}${verb ? ` ${verb}` : ''}: ${subject}`;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** For the audit log: whether the actor may read one activity's history without `platform.audit.read`. */
export async function canSeeActivity(ex: Executor, actor: Actor, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  return Boolean(
    await one(
      ex,
      sql`select 1 from crm_activity a where a.company_id = ${actor.companyId} and a.id = ${id}
            and ${visibleActivitySql(actor)}`,
    ),
  );
}
