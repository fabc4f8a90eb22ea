/**
 * purchasing — suppliers (crm parties), supplier prices, requisitions, purchase orders (RFQs while draft
 * or sent) with approval above an amount, their receipts through inventory, printed PO and goods
 * receipt note, supplier bills with the 3-way match posted through accounting. See README.md.
 * Other modules import only this file (and events.ts).
 */
import type { FastifyInstance } from 'fastify';
import { registerDemoSeeder } from '../../platform/demo/seed.ts';
import { subscribe } from '../../platform/outbox/subscribers.ts';
import type { ModuleDef } from '../index.ts';
import { registerIncomingSupply } from '../inventory/index.ts';
import './permissions.ts';
import './order/order-approval.ts';
import './supplier/import-supplier.ts';
import { billRoutes } from './bill/routes.ts';
import { seedPurchasingDemo } from './demo/seed-purchasing.ts';
import { orderRoutes } from './order/routes.ts';
import { openPurchaseSupply } from './planning/open-supply.ts';
import { printRoutes } from './print/routes.ts';
import { procurementNeededSubscriber } from './reactions/on-procurement-needed.ts';
import { receiptDoneSubscriber } from './reactions/on-receipt-done.ts';
import { requisitionRoutes } from './requisition/routes.ts';
import { returnRoutes } from './return/routes.ts';
import { supplierRoutes } from './supplier/routes.ts';

export { purchaseLeadTimes } from './planning/lead-times.ts';
export { openPurchaseSupply, type PurchaseSupply } from './planning/open-supply.ts';
export {
  type CreatedRequisition,
  createRequisitions,
  type NewRequisition,
} from './requisition/create-requisitions.ts';

// Runs after inventory's seeder (modules register in order): suppliers, prices and POs in every state.
registerDemoSeeder('purchasing', seedPurchasingDemo);
subscribe(procurementNeededSubscriber);
subscribe(receiptDoneSubscriber);
// Requisitions and unconfirmed orders count as incoming in inventory's availability projection
// (confirmed orders have draft receipts, which inventory counts itself).
registerIncomingSupply('purchasing', (ex, companyId, filter) => openPurchaseSupply(ex, companyId, filter));

export const purchasing: ModuleDef = {
  name: 'purchasing',
  routes(app: FastifyInstance) {
    supplierRoutes(app);
    requisitionRoutes(app);
    orderRoutes(app);
    billRoutes(app);
    printRoutes(app);
    returnRoutes(app);
  },
};
