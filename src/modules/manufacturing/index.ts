/**
 * manufacturing — bills of materials (multi-level, revisions with validity, scrap, substitutes, cost
 * roll-up) and production orders (reserve, start, consume, produce, scrap, finish) booked through
 * accounting; planning/ and mrp/ plan on top of them. See README.md. Other modules import only this file
 * (and events.ts).
 */
import type { FastifyInstance } from 'fastify';
import { registerDemoSeeder } from '../../platform/demo/seed.ts';
import type { ModuleDef } from '../index.ts';
import { registerIncomingSupply } from '../inventory/index.ts';
import './permissions.ts';
import { bomRoutes } from './bom/routes.ts';
import { seedManufacturingDemo } from './demo/seed-manufacturing.ts';
import './mrp/jobs.ts';
import { mrpRoutes } from './mrp/routes.ts';
import { planningRoutes } from './planning/routes.ts';
import { productionRoutes } from './production/routes.ts';
import { productionSupplyFor } from './production/supply.ts';

export { bomExplosionData, type ExplosionEntry } from './bom/explosion-data.ts';
export { executeMrpRun, mrpRunsSettled, requestMrpRun } from './mrp/run-mrp.ts';
export {
  createProductionOrders,
  type NewProductionOrder,
} from './production/create-production-orders.ts';
export { openProductionDemand, openProductionSupply } from './production/supply.ts';

// Open production orders bring their output in on the planned finish: the availability projection
// and the expected date sales gives a short line count it.
registerIncomingSupply('manufacturing.production_order', productionSupplyFor);
// Runs after purchasing's seeder: BOMs of the demo's made products and production orders in every state.
registerDemoSeeder('manufacturing', seedManufacturingDemo);

export const manufacturing: ModuleDef = {
  name: 'manufacturing',
  routes(app: FastifyInstance) {
    bomRoutes(app);
    planningRoutes(app);
    mrpRoutes(app);
    productionRoutes(app);
  },
};
