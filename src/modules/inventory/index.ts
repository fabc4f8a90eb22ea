/**
 * inventory — warehouses and locations, the stock ledger (moves → balances → valuation), reservations,
 * availability, safety stock, procurement needs, deliveries, receipts and counts. See README.md.
 * Other modules import only this file (and events.ts).
 */
import type { FastifyInstance } from 'fastify';
import { registerDemoSeeder } from '../../platform/demo/seed.ts';
import { onCompanyCreated } from '../../platform/org/create-company.ts';
import type { ModuleDef } from '../index.ts';
import './permissions.ts';
import './merge-handlers.ts';
import { countRoutes } from './count/routes.ts';
import { seedInventoryDemo } from './demo/seed-inventory.ts';
import { needRoutes } from './needs/routes.ts';
import { deliveryRoutes } from './picking/delivery-routes.ts';
import { receiptRoutes } from './picking/receipt-routes.ts';
import { returnRoutes } from './picking/return-routes.ts';
import { safetyRoutes } from './safety/routes.ts';
import { stockRoutes } from './stock/routes.ts';
import { setUpCompanyStock } from './warehouse/default-warehouse.ts';
import { warehouseRoutes } from './warehouse/routes.ts';

export {
  cancelProcurementNeeds,
  listNeeds,
  listOpenNeeds,
  type MarkNeedPlannedInput,
  markNeedPlanned,
  type NeedState,
  type PlannedBy,
  type ProcurementNeed,
  recordProcurementNeeds,
} from './needs/needs.ts';
export { type ArrivalLine, allocateArrivals } from './picking/allocate-arrivals.ts';
export { cancelOpenPickings } from './picking/cancel-picking.ts';
export { type CreateDeliveryInput, createDelivery } from './picking/create-delivery.ts';
export { createOriginReceipt, type OriginReceiptInput } from './picking/create-po-receipt.ts';
export {
  createSupplierReturn,
  type SupplierReturnInput,
  type SupplierReturnResult,
} from './picking/create-supplier-return.ts';
export { pickingsFor } from './picking/pickings-for.ts';
export { shipDelivery } from './picking/ship-delivery.ts';
export { validateReceipt } from './picking/validate-receipt.ts';
export { type Availability, projectAvailability } from './stock/availability.ts';
export { checkStockConsistency, type StockMismatch } from './stock/consistency.ts';
export {
  type IncomingSupply,
  type IncomingSupplyProvider,
  registerIncomingSupply,
} from './stock/incoming-supply.ts';
export { openNeedIds, type PlanningSnapshot, planningSnapshot } from './stock/planning-snapshot.ts';
export {
  averageCosts,
  type ConsumeLine,
  consumeForProduction,
  type ProductionOrigin,
  receiveFromProduction,
} from './stock/production-moves.ts';
export {
  type ReserveLine,
  type ReserveResult,
  releaseReservations,
  reserveStock,
} from './stock/reservations.ts';
export { reservedForOrigin } from './stock/reserved-for-origin.ts';
export { defaultWarehouse, getWarehouse, type WarehouseInfo } from './warehouse/default-warehouse.ts';

// Runs after catalog's seeder (catalog's index.ts is imported first): stock for its demo products.
registerDemoSeeder('inventory', seedInventoryDemo);

// Every new company gets its virtual locations and the default warehouse WH (older ones on first use).
onCompanyCreated(async (tx, companyId) => {
  await setUpCompanyStock(tx, companyId);
});

export const inventory: ModuleDef = {
  name: 'inventory',
  routes(app: FastifyInstance) {
    warehouseRoutes(app);
    stockRoutes(app);
    safetyRoutes(app);
    needRoutes(app);
    deliveryRoutes(app);
    receiptRoutes(app);
    returnRoutes(app);
    countRoutes(app);
  },
};
