/**
 * sales — quotes, sales orders, the confirm step (credit check, reservation, delivery) and the reaction
 * to shipped deliveries; see README.md. Other modules import only this file (and events.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { registerAuditedEntity } from '../../platform/audit/read.ts';
import { type Executor, one } from '../../platform/db/tx.ts';
import { registerDemoSeeder } from '../../platform/demo/seed.ts';
import { registerJob } from '../../platform/jobs/scheduler.ts';
import { subscribe } from '../../platform/outbox/subscribers.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { registerCommittedExposure } from '../accounting/index.ts';
import type { ModuleDef } from '../index.ts';
import './permissions.ts';
import './merge-handlers.ts';
import './settings.ts';
import './order/credit-approval.ts';
import './order/confirm-gates.ts';
import { seedSalesDemo } from './demo/seed-sales.ts';
import { expireQuotesJob } from './jobs/expire-quotes.ts';
import { uninvoicedOrders } from './order/credit.ts';
import { visibleOrderSql } from './order/order.repo.ts';
import { orderRoutes } from './order/routes.ts';
import { visibleQuoteSql } from './quote/quote.repo.ts';
import { quoteRoutes } from './quote/routes.ts';
import { onDeliveryShipped } from './reactions/on-delivery-shipped.ts';
import { onInvoiceCancelled } from './reactions/on-invoice-cancelled.ts';
import { onProcurementPlanned } from './reactions/on-procurement-planned.ts';
import { onStockArrived } from './reactions/on-stock-arrived.ts';

export {
  type ConfirmFacts,
  type ConfirmGate,
  type GateVerdict,
  ORDER_APPROVAL,
  registerConfirmGate,
} from './order/confirm-gates.ts';
export { creditExposure } from './order/credit.ts';
export { ORIGIN_TYPE } from './order/order.repo.ts';

export const sales: ModuleDef = {
  name: 'sales',
  routes(app: FastifyInstance) {
    quoteRoutes(app);
    orderRoutes(app);
  },
};

subscribe(onDeliveryShipped);
subscribe(onInvoiceCancelled);
subscribe(onStockArrived);
subscribe(onProcurementPlanned);
// The customer's account in accounting shows the credit left after these orders too.
registerCommittedExposure(uninvoicedOrders);
registerJob(expireQuotesJob);
// After catalog, crm and inventory: the modules register in index order (src/modules/index.ts).
registerDemoSeeder('sales', seedSalesDemo);

function visibleIn(table: string, visible: (actor: Actor, alias: SQL) => SQL) {
  return async (ex: Executor, actor: Actor, id: string) =>
    Boolean(
      await one(
        ex,
        sql`select 1 from ${sql.raw(table)} x where x.company_id = ${actor.companyId} and x.id::text = ${id}
              and ${visible(actor, sql`x`)}`,
      ),
    );
}

registerAuditedEntity('sales.quote', {
  readPermission: 'sales.quote.read',
  canSee: visibleIn('sales_quote', visibleQuoteSql),
});
registerAuditedEntity('sales.order', {
  readPermission: 'sales.order.read',
  canSee: visibleIn('sales_order', visibleOrderSql),
});
