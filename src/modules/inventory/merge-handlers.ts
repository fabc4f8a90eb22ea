import { sql } from 'drizzle-orm';
import { registerMergeHandler, tableMergeHandler } from '../crm/index.ts';

// When two customers merge, deliveries and returns still to be done follow the survivor (with the open
// orders sales moves); done and cancelled ones keep the party they were made for, which the customer
// page follows through `merged_into`.
registerMergeHandler(
  tableMergeHandler({
    name: 'inventory.picking',
    table: 'inventory_picking',
    column: 'party_id',
    open: sql`t.state not in ('done', 'cancelled')`,
    auditEntity: 'inventory.picking',
    auditField: 'partyId',
    noun: 'open deliveries',
  }),
);
