// Set-up of the order-to-cash browser test (order-to-cash.e2e.test.ts): the order-to-stock people and
// products, a finance clerk, and a sales order delivered through the API (the salesperson confirms it, the
// warehouse ships it, the outbox marks it delivered), so the browser starts where finance takes over.
import { PICKER, SELLER, type SetUp, setUp } from './o2s-helpers.ts';
import { ApiSession, adminSession, createUser, eventually, type Person } from './support.ts';

export const FINANCE: Person = { email: 'qian.hui@example.com', password: 'Finance-Clerk-42!', name: '钱慧' };

export interface OrderToCash extends SetUp {
  orderId: string;
  orderNumber: string;
}

interface Order {
  id: string;
  number: string;
  state: string;
  version: number;
  deliveries: { id: string }[];
}

/** Everything order-to-stock sets up, a finance user, and one delivered order: 3 tea boxes and 10 cups. */
export async function setUpOrderToCash(baseUrl: string): Promise<OrderToCash> {
  const ids = await setUp(baseUrl);
  await createUser(await adminSession(baseUrl), FINANCE, 'finance');
  const seller = new ApiSession(baseUrl);
  await seller.login(SELLER.email, SELLER.password);
  const draft = await seller.call<Order>('POST', '/sales-orders', {
    customerId: ids.customerId,
    lines: [
      { productId: ids.teaId, qty: '3' },
      { productId: ids.cupId, qty: '10' },
    ],
  });
  const order = await seller.call<Order>('POST', `/sales-orders/${draft.id}/confirm`, {
    version: draft.version,
  });
  const clerk = new ApiSession(baseUrl);
  await clerk.login(PICKER.email, PICKER.password);
  const delivery = await clerk.call<{ version: number }>('GET', `/deliveries/${order.deliveries[0]?.id}`);
  await clerk.call('POST', `/deliveries/${order.deliveries[0]?.id}/ship`, {
    version: delivery.version,
    carrier: 'SF Express',
  });
  // The order follows the shipment through the outbox; invoicing by delivery needs that done.
  await eventually('the order is delivered', async () => {
    const now = await seller.call<Order>('GET', `/sales-orders/${order.id}`);
    return now.state === 'delivered';
  });
  return { ...ids, orderId: order.id, orderNumber: order.number };
}

/** 3 × 128 + 10 × 35.5 = 739.00 net, 96.07 VAT at 13 %: 835.07 — as the order-to-stock quote. */
export const ORDER_TOTAL = '835.07';
