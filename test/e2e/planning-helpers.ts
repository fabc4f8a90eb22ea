// Set-up of the planning browser test (planning.e2e.test.ts), all through the API as the admin and the
// salesperson: a planner (built-in role production), a purchaser, a salesperson with a customer; a bike
// made from a frame (made from steel tubes) and two wheels — a 2-level BOM; wheels in stock, tubes none;
// and a confirmed sales order for 5 bikes that nothing in stock can serve.
import assert from 'node:assert/strict';
import { ApiSession, adminSession, createUser, type Person } from './support.ts';

export const PLANNER: Person = { email: 'sun.wei@example.com', password: 'Plan-Ahead-42!x', name: '孙伟' };
export const PURCHASER: Person = { email: 'li.na@example.com', password: 'Buy-Wisely-42!x', name: 'Li Na' };
export const SALES: Person = { email: 'zhou.min@example.com', password: 'Sell-More-42!x', name: '周敏' };
export const CUSTOMER = '苏州骑行科技有限公司';

/** What 5 bikes need: 5 frames (make), 15 tubes (buy, none in stock), 10 wheels (100 in stock). */
export const ORDER_QTY = '5';
/** The customer wants the bikes in 20 days (Asia/Shanghai): MRP plans them to that date. */
export const REQUESTED_DATE = new Date(Date.now() + 8 * 3600_000 + 20 * 86_400_000)
  .toISOString()
  .slice(0, 10);
export const BIKE = { sku: 'BIKE-700', zh: '城市自行车', en: 'City bike' };
export const FRAME = { sku: 'FRAME-70', zh: '车架', en: 'Bike frame' };
export const TUBE = { sku: 'TUBE-7', zh: '钢管', en: 'Steel tube' };
export const WHEEL = { sku: 'WHEEL-26', zh: '车轮', en: 'Wheel' };

export interface PlanningSetUp {
  warehouseId: string;
  customerId: string;
  bikeId: string;
  frameId: string;
  tubeId: string;
  wheelId: string;
  orderId: string;
  orderNumber: string;
}

interface Bom {
  id: string;
  version: number;
}

async function product(
  admin: ApiSession,
  p: { sku: string; zh: string; en: string },
  procureMethod: 'buy' | 'make',
  salePrice = '0',
): Promise<string> {
  const created = await admin.call<{ id: string }>('POST', '/products', {
    sku: p.sku,
    name: { 'zh-CN': p.zh, en: p.en },
    uomCode: 'PCS',
    salePrice,
    taxCode: 'VAT13-OUT',
    procureMethod,
  });
  return created.id;
}

async function activeBom(
  admin: ApiSession,
  productId: string,
  leadTimeDays: number,
  lines: { componentId: string; qty: string; scrapPct?: string }[],
): Promise<void> {
  const draft = await admin.call<Bom>('POST', '/boms', { productId, leadTimeDays, lines });
  await admin.call('POST', `/boms/${draft.id}/activate`, { version: draft.version });
}

export async function setUpPlanning(baseUrl: string): Promise<PlanningSetUp> {
  const admin = await adminSession(baseUrl);
  await createUser(admin, { ...PLANNER, locale: 'en' }, 'production');
  await createUser(admin, { ...PURCHASER, locale: 'en' }, 'purchasing');
  const sellerId = await createUser(admin, { ...SALES, locale: 'en' }, 'sales');
  const warehouses = await admin.call<{ items: { id: string; isDefault: boolean }[] }>('GET', '/warehouses');
  const warehouse = warehouses.items.find((item) => item.isDefault) ?? warehouses.items[0];
  assert.ok(warehouse, 'the company has a default warehouse');
  const customer = await admin.call<{ id: string }>('POST', '/customers', {
    name: CUSTOMER,
    status: 'active',
    ownerUserId: sellerId,
    creditLimit: '500000',
  });
  const bikeId = await product(admin, BIKE, 'make', '1200');
  const frameId = await product(admin, FRAME, 'make');
  const tubeId = await product(admin, TUBE, 'buy');
  const wheelId = await product(admin, WHEEL, 'buy');
  await admin.call('POST', '/stock/adjustments', {
    warehouseId: warehouse.id,
    productId: wheelId,
    qty: '100',
    unitCost: '80',
    reason: '期初库存',
  });
  await activeBom(admin, frameId, 2, [{ componentId: tubeId, qty: '3' }]);
  await activeBom(admin, bikeId, 3, [
    { componentId: frameId, qty: '1' },
    { componentId: wheelId, qty: '2' },
  ]);

  const seller = new ApiSession(baseUrl);
  await seller.login(SALES.email, SALES.password);
  const draft = await seller.call<{ id: string; version: number }>('POST', '/sales-orders', {
    customerId: customer.id,
    requestedDate: REQUESTED_DATE,
    lines: [{ productId: bikeId, qty: ORDER_QTY }],
  });
  const order = await seller.call<{ id: string; number: string }>(
    'POST',
    `/sales-orders/${draft.id}/confirm`,
    { version: draft.version },
  );
  return {
    warehouseId: warehouse.id,
    customerId: customer.id,
    bikeId,
    frameId,
    tubeId,
    wheelId,
    orderId: order.id,
    orderNumber: order.number,
  };
}

interface Requisition {
  id: string;
  number: string;
  productId: string;
  state: string;
}

/**
 * The purchaser buys the tubes MRP asked for: a supplier with a price, the requisition turned into a
 * purchase order and confirmed; the warehouse (here the admin) validates its receipt. Returns the PO.
 */
export async function buyTubes(
  baseUrl: string,
  ids: PlanningSetUp,
): Promise<{ orderId: string; orderNumber: string; receiptId: string }> {
  const buyer = new ApiSession(baseUrl);
  await buyer.login(PURCHASER.email, PURCHASER.password);
  const supplier = await buyer.call<{ id: string }>('POST', '/suppliers', {
    party: { name: '无锡精工钢管厂' },
    leadTimeDays: 5,
  });
  await buyer.call('POST', '/supplier-prices', {
    supplierId: supplier.id,
    productId: ids.tubeId,
    price: '20',
    preferred: true,
  });
  const requisitions = await buyer.call<{ items: Requisition[] }>('GET', '/purchase-requisitions?limit=50');
  const tubes = requisitions.items.filter((r) => r.productId === ids.tubeId && r.state === 'draft');
  assert.equal(tubes.length, 1, 'MRP made one requisition for the tubes');
  const made = await buyer.call<{ orders: { id: string; number: string; version: number }[] }>(
    'POST',
    '/purchase-requisitions/to-orders',
    { requisitionIds: tubes.map((r) => r.id) },
  );
  const draft = made.orders[0];
  assert.ok(draft, 'one purchase order for the tube supplier');
  const confirmed = await buyer.call<{ id: string; number: string; state: string; receiptId: string | null }>(
    'POST',
    `/purchase-orders/${draft.id}/confirm`,
    { version: draft.version },
  );
  assert.equal(confirmed.state, 'confirmed');
  assert.ok(confirmed.receiptId, 'confirming made a draft receipt');
  const admin = await adminSession(baseUrl);
  const receipt = await admin.call<{ version: number }>('GET', `/receipts/${confirmed.receiptId}`);
  await admin.call('POST', `/receipts/${confirmed.receiptId}/validate`, { version: receipt.version });
  return { orderId: confirmed.id, orderNumber: confirmed.number, receiptId: confirmed.receiptId };
}
