// Set-up of the procure browser test (procure.e2e.test.ts), through the API: a purchaser, a warehouse
// clerk and a salesperson; a bought product with no stock; a supplier with a preferred price for it; and
// a confirmed sales order for 10 that nothing in stock can serve, whose shortage becomes a requisition
// once the outbox has dispatched `procurement.needed`.
import assert from 'node:assert/strict';
import { ApiSession, adminSession, createUser, eventually, type Person } from './support.ts';

export const PURCHASER: Person = {
  email: 'wang.fang@example.com',
  password: 'Buy-Wisely-42!x',
  name: 'Wang Fang',
};
export const CLERK: Person = {
  email: 'liu.qiang@example.com',
  password: 'Stock-Keep-42!x',
  name: 'Liu Qiang',
};
export const SELLER: Person = { email: 'he.jing@example.com', password: 'Sell-More-42!x', name: '何静' };
export const CUSTOMER = '厦门海岸咖啡有限公司';
export const SUPPLIER = '云南普洱咖啡豆供应公司';
export const BEAN = { sku: 'BEAN-500', zh: '云南咖啡豆 500g', en: 'Yunnan coffee beans 500 g' };
export const ORDER_QTY = '10';
export const PO_PRICE = '20';
/** The supplier bills 10 % over the PO price; the tolerance is 2 %. */
export const BILLED_PRICE = '22';

export interface ProcureSetUp {
  warehouseId: string;
  productId: string;
  supplierId: string;
  salesOrderId: string;
  salesOrderNumber: string;
  requisitionId: string;
  requisitionNumber: string;
}

interface Requisition {
  id: string;
  number: string;
  productId: string;
  state: string;
  qty: string;
  originNumber: string | null;
}

export async function setUpProcure(baseUrl: string): Promise<ProcureSetUp> {
  const admin = await adminSession(baseUrl);
  await createUser(admin, { ...PURCHASER, locale: 'en' }, 'purchasing');
  await createUser(admin, { ...CLERK, locale: 'en' }, 'warehouse');
  const sellerId = await createUser(admin, { ...SELLER, locale: 'en' }, 'sales');
  const warehouses = await admin.call<{ items: { id: string; isDefault: boolean }[] }>('GET', '/warehouses');
  const warehouse = warehouses.items.find((item) => item.isDefault) ?? warehouses.items[0];
  assert.ok(warehouse, 'the company has a default warehouse');
  const customer = await admin.call<{ id: string }>('POST', '/customers', {
    name: CUSTOMER,
    status: 'active',
    ownerUserId: sellerId,
    creditLimit: '100000',
  });
  const product = await admin.call<{ id: string }>('POST', '/products', {
    sku: BEAN.sku,
    name: { 'zh-CN': BEAN.zh, en: BEAN.en },
    uomCode: 'PCS',
    salePrice: '45',
    taxCode: 'VAT13-OUT',
    procureMethod: 'buy',
  });

  const buyer = new ApiSession(baseUrl);
  await buyer.login(PURCHASER.email, PURCHASER.password);
  const supplier = await buyer.call<{ id: string }>('POST', '/suppliers', {
    party: { name: SUPPLIER },
    leadTimeDays: 5,
  });
  await buyer.call('POST', '/supplier-prices', {
    supplierId: supplier.id,
    productId: product.id,
    price: PO_PRICE,
    preferred: true,
  });

  const seller = new ApiSession(baseUrl);
  await seller.login(SELLER.email, SELLER.password);
  const draft = await seller.call<{ id: string; version: number }>('POST', '/sales-orders', {
    customerId: customer.id,
    lines: [{ productId: product.id, qty: ORDER_QTY }],
  });
  const order = await seller.call<{ id: string; number: string }>(
    'POST',
    `/sales-orders/${draft.id}/confirm`,
    {
      version: draft.version,
    },
  );

  let requisition: Requisition | undefined;
  await eventually('the shortage becomes a requisition', async () => {
    const list = await buyer.call<{ items: Requisition[] }>(
      'GET',
      `/purchase-requisitions?productId=${product.id}`,
    );
    requisition = list.items.find((r) => r.originNumber === order.number);
    return Boolean(requisition);
  });
  assert.ok(requisition);
  assert.equal(requisition.state, 'draft');
  assert.equal(Number(requisition.qty), Number(ORDER_QTY), 'the whole order is short');
  return {
    warehouseId: warehouse.id,
    productId: product.id,
    supplierId: supplier.id,
    salesOrderId: order.id,
    salesOrderNumber: order.number,
    requisitionId: requisition.id,
    requisitionNumber: requisition.number,
  };
}

/** The sales order's line as the salesperson's API reads it. */
export async function reservedOnOrder(baseUrl: string, orderId: string): Promise<string> {
  const seller = new ApiSession(baseUrl);
  await seller.login(SELLER.email, SELLER.password);
  const order = await seller.call<{ lines: { qtyReserved: string }[] }>('GET', `/sales-orders/${orderId}`);
  return order.lines[0]?.qtyReserved ?? '0';
}
