import { sql } from 'drizzle-orm';
import { registerMergeHandler, tableMergeHandler } from '../crm/index.ts';

// When two customers merge, open selling documents follow the survivor: quotes still being offered
// and orders not yet finished. Accepted, cancelled or superseded quotes and delivered, closed or
// cancelled orders stay with the merged party (their history), which the customer page follows.

registerMergeHandler(
  tableMergeHandler({
    name: 'sales.quote',
    table: 'sales_quote',
    column: 'customer_id',
    open: sql`t.state in ('draft', 'sent')`,
    auditEntity: 'sales.quote',
    auditField: 'customerId',
    noun: 'quotes',
  }),
);

registerMergeHandler(
  tableMergeHandler({
    name: 'sales.order',
    table: 'sales_order',
    column: 'customer_id',
    open: sql`t.state in ('draft', 'awaiting_approval', 'confirmed', 'partly_delivered')`,
    auditEntity: 'sales.order',
    auditField: 'customerId',
    noun: 'open sales orders',
  }),
);
