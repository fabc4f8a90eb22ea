import { sql } from 'drizzle-orm';
import { registerMergeHandler } from './registry.ts';
import { tableMergeHandler } from './table-handler.ts';

// crm's own records. Contacts all move (a person works for the surviving party now); opportunities
// only while open and activities only while not done: won or lost deals and done calls are history
// of the merged party and stay with it, which the customer page reaches through merged_into_id.

registerMergeHandler(
  tableMergeHandler({
    name: 'crm.contact',
    table: 'crm_contact',
    column: 'customer_id',
    auditEntity: 'crm.contact',
    auditField: 'customerId',
    noun: 'contacts',
  }),
);

registerMergeHandler(
  tableMergeHandler({
    name: 'crm.opportunity',
    table: 'crm_opportunity',
    column: 'customer_id',
    open: sql`t.status = 'open'`,
    auditEntity: 'crm.opportunity',
    auditField: 'customerId',
    noun: 'opportunities',
  }),
);

registerMergeHandler(
  tableMergeHandler({
    name: 'crm.activity',
    table: 'crm_activity',
    column: 'customer_id',
    // An open task about a closed deal stays with the deal (and its party), so their links keep agreeing.
    open: sql`t.done_at is null and (t.opportunity_id is null or exists (
      select 1 from crm_opportunity o where o.company_id = t.company_id and o.id = t.opportunity_id and o.status = 'open'))`,
    auditEntity: 'crm.activity',
    auditField: 'customerId',
    noun: 'activities',
  }),
);

// A lead converted into the merged customer now names the survivor, so its conversion link stays true.
registerMergeHandler(
  tableMergeHandler({
    name: 'crm.lead',
    table: 'crm_lead',
    column: 'converted_customer_id',
    auditEntity: 'crm.lead',
    auditField: 'convertedCustomerId',
    attachedAtColumn: 'converted_at',
    noun: 'converted leads',
  }),
);
