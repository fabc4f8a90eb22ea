// What MRP needs from production orders (manufacturing's production/), in one place.
export { createProductionOrders } from '../production/create-production-orders.ts';
export { openProductionDemand, openProductionSupply } from '../production/supply.ts';
