/**
 * crm — the customer master (customers, contacts), leads, opportunities, activities and the
 * customer timeline. Other modules import only this file (and events.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type AuditedEntity, registerAuditedEntity } from '../../platform/audit/read.ts';
import { one } from '../../platform/db/tx.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { visibleCustomerSql } from './customer/customer.repo.ts';
import './permissions.ts';
import './settings.ts';
import { registerDemoSeeder } from '../../platform/demo/seed.ts';
import { registerJob } from '../../platform/jobs/scheduler.ts';
import { subscribe } from '../../platform/outbox/subscribers.ts';
import type { ModuleDef } from '../index.ts';
import { canSeeActivity } from './activity/activity.repo.ts';
import { activityRoutes } from './activity/routes.ts';
import { activityReminderJob } from './activity/send-reminders.ts';
import { contactRoutes } from './contact/routes.ts';
import { customerRoutes } from './customer/routes.ts';
import { customerPageRoutes } from './customer-page/routes.ts';
import { seedCrmDemo } from './demo/seed-crm.ts';
import { poolRoutes } from './pool/routes.ts';
import { poolRuleJob } from './pool/run-pool-rules.ts';
import { timelineSubscriber } from './timeline/timeline-subscriber.ts';
import './merge/crm-handlers.ts';
import { mergeRoutes } from './merge/routes.ts';
import './transfer/importers.ts';
import { onCompanyCreated } from '../../platform/org/create-company.ts';
import { registerCustomerGroups, registerPartyCheck } from '../catalog/index.ts';
import { visibleLeadSql } from './lead/lead.repo.ts';
import { leadRoutes } from './lead/routes.ts';
import { visibleOpportunitySql } from './opportunity/opportunity.repo.ts';
import { ensureDefaultPipeline } from './opportunity/pipeline.repo.ts';
import { opportunityRoutes } from './opportunity/routes.ts';
import { targetRoutes } from './target/routes.ts';
import { transferRoutes } from './transfer/routes.ts';

/** Logs an activity (a task, call, visit …); integration's trigger rules create tasks with it. */
export { logActivity } from './activity/log-activity.ts';
export { createCustomer } from './customer/create-customer.ts';
/** The record rule on customers as SQL over an alias of crm_customer (accounting's documents follow it). */
export { visibleCustomerSql } from './customer/customer.repo.ts';
export { type CustomerTerms, getCustomerContact, getCustomerTerms } from './customer/customer-terms.ts';
export { findCustomerDuplicates } from './customer/find-duplicates.ts';
export { isValidUscc, nameKey, phoneKey } from './customer/normalize.ts';
export { setCreditLimit } from './customer/set-credit-limit.ts';
export { type CreditProvider, registerCreditProvider } from './customer-page/credit-slot.ts';
/** A valid made-up tax id (统一社会信用代码) for demo parties: `demoUscc(series, n)`. */
export { demoUscc } from './demo/tax-ids.ts';
export { followMerged } from './merge/follow-merged.ts';
export {
  type MergeHandler,
  type MergeInfo,
  mergeNotUndoable,
  registerMergeHandler,
} from './merge/registry.ts';
export { type TableMergeSpec, tableMergeHandler } from './merge/table-handler.ts';
export { assertOpportunityOf, markOpportunityWon } from './opportunity/win-opportunity.ts';

registerDemoSeeder('crm', seedCrmDemo);

// Price lists for one customer or a customer group (a tag) live in catalog, below crm: it asks here
// whether a customer exists in the company (and was not merged away) and which tags it has.
registerPartyCheck(async (tx, companyId, customerId) =>
  Boolean(
    await one(
      tx,
      sql`select 1 from crm_customer where company_id = ${companyId} and id = ${customerId} and merged_into_id is null`,
    ),
  ),
);
registerCustomerGroups(
  async (tx, companyId, customerId) =>
    (
      await one<{ tags: string[] }>(
        tx,
        sql`select tags from crm_customer where company_id = ${companyId} and id = ${customerId}`,
      )
    )?.tags ?? [],
);

export const crm: ModuleDef = {
  name: 'crm',
  routes(app: FastifyInstance) {
    customerRoutes(app);
    activityRoutes(app);
    customerPageRoutes(app);
    poolRoutes(app);
    contactRoutes(app);
    mergeRoutes(app);
    transferRoutes(app);
    leadRoutes(app);
    opportunityRoutes(app);
    targetRoutes(app);
  },
};

// The customer timeline listens to every event; reminders run every minute, the pool rule daily.
subscribe(timelineSubscriber);
registerJob(activityReminderJob);
registerJob(poolRuleJob);
registerAuditedEntity('crm.activity', { readPermission: 'crm.activity.read', canSee: canSeeActivity });
// Every new company starts with the standard sales pipeline (older ones get it on first use).
onCompanyCreated(async (tx, companyId) => {
  await ensureDefaultPipeline(tx, companyId);
});

/** A record's history is readable by whoever may see the record under its module's record rule. */
function visibleRecord(
  table: string,
  alias: string,
  visible: (actor: Actor, alias: SQL) => SQL,
): AuditedEntity['canSee'] {
  const from = sql.raw(`${table} ${alias}`);
  const a = sql.raw(alias);
  return async (ex, actor, id) =>
    Boolean(
      await one(
        ex,
        sql`select 1 from ${from} where ${a}.company_id = ${actor.companyId} and ${a}.id = ${id} and ${visible(actor, a)}`,
      ),
    );
}

registerAuditedEntity('crm.customer', {
  readPermission: 'crm.customer.read',
  canSee: visibleRecord('crm_customer', 'c', visibleCustomerSql),
});
registerAuditedEntity('crm.lead', {
  readPermission: 'crm.lead.read',
  canSee: visibleRecord('crm_lead', 'l', visibleLeadSql),
});
registerAuditedEntity('crm.opportunity', {
  readPermission: 'crm.opportunity.read',
  canSee: visibleRecord('crm_opportunity', 'o', visibleOpportunitySql),
});
