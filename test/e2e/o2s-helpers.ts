// Set-up and steps of the order-to-stock browser test (order-to-stock.e2e.test.ts): the people, the
// customer, two products with stock (made by the admin through the API), signing in, picking from an
// antd Select by typing, and waiting for the outbox-fed customer timeline.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ADMIN, ApiSession, adminSession, createUser, settle } from './support.ts';

export const SELLER = { email: 'zhao.li@example.com', password: 'Sales-Person-42!', name: '赵丽' };
export const PICKER = { email: 'chen.gang@example.com', password: 'Warehouse-42!x', name: 'Chen Gang' };
export const CUSTOMER = '杭州青禾茶业有限公司';
export const TEA = {
  sku: 'TEA-100',
  zh: '龙井茶礼盒',
  en: 'Longjing tea gift box',
  price: '128',
  boxBarcode: '6901234567892',
};
export const CUP = { sku: 'CUP-200', zh: '青瓷茶杯', en: 'Celadon tea cup', price: '35.5' };

export interface SetUp {
  customerId: string;
  warehouseId: string;
  teaId: string;
  cupId: string;
}

/** As the admin: a salesperson, a warehouse clerk, the salesperson's customer, two products with stock. */
export async function setUp(baseUrl: string): Promise<SetUp> {
  const admin = await adminSession(baseUrl);
  const sellerId = await createUser(admin, { ...SELLER, locale: 'zh-CN' }, 'sales');
  await createUser(admin, { ...PICKER, locale: 'en' }, 'warehouse');
  const customer = await admin.call<{ id: string }>('POST', '/customers', {
    name: CUSTOMER,
    status: 'active',
    ownerUserId: sellerId,
    creditLimit: '200000',
    tags: ['茶叶'],
  });
  const warehouses = await admin.call<{ items: { id: string; isDefault: boolean }[] }>('GET', '/warehouses');
  const warehouse = warehouses.items.find((item) => item.isDefault) ?? warehouses.items[0];
  assert.ok(warehouse, 'the company has a default warehouse');
  const tea = await admin.call<{ id: string }>('POST', '/products', {
    sku: TEA.sku,
    name: { 'zh-CN': TEA.zh, en: TEA.en },
    uomCode: 'PCS',
    salePrice: TEA.price,
    taxCode: 'VAT13-OUT',
    units: [{ uomCode: 'BOX12', factor: '12', barcode: TEA.boxBarcode }],
  });
  const cup = await admin.call<{ id: string }>('POST', '/products', {
    sku: CUP.sku,
    name: { 'zh-CN': CUP.zh, en: CUP.en },
    uomCode: 'PCS',
    salePrice: CUP.price,
    taxCode: 'VAT13-OUT',
  });
  for (const [productId, qty, unitCost] of [
    [tea.id, '40', '70'],
    [cup.id, '200', '12'],
  ])
    await admin.call('POST', '/stock/adjustments', {
      warehouseId: warehouse.id,
      productId,
      qty,
      unitCost,
      reason: '期初库存',
    });
  return { customerId: customer.id, warehouseId: warehouse.id, teaId: tea.id, cupId: cup.id };
}

/** Signs in on the sign-in page in whatever language it shows (the labels are matched both ways). */
export async function signIn(
  page: Page,
  baseUrl: string,
  who: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^(Email|邮箱)$/).fill(who.email);
  await page.getByLabel(/^(Password|密码)$/).fill(who.password);
  await page.getByRole('button', { name: /^(Sign in|登\s*录)$/ }).click();
  await page.waitForURL(/\/dashboard$/);
}

/** Opens an antd Select (by its test id), types to search, and clicks the option whose text matches. */
export async function pickOption(page: Page, testId: string, search: string, option: RegExp): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  await select.locator('input').fill(search);
  const choice = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option });
  await choice.first().waitFor();
  await choice.first().click();
}

/** The timeline is fed by the outbox a moment after the change: reload until the entry is there. */
export async function waitForTimelineEntry(page: Page, url: string, type: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.goto(url);
    await page.getByTestId('customer-name').waitFor();
    await settle(page);
    const present = await page
      .getByTestId('timeline-entry')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-type')));
    if (present.includes(type)) return;
    if (Date.now() > deadline) assert.fail(`timeline entries after 30 s: ${present.join(', ')}`);
    await page.waitForTimeout(1_000);
  }
}

export async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px at 375 px`);
}

/**
 * Lowers the customer's credit limit (as the admin) and has the salesperson draft another order through
 * the API, so confirming it in the browser runs into the credit check. Returns the order's id.
 */
export async function overCreditOrder(baseUrl: string, ids: SetUp, limit: string): Promise<string> {
  const admin = new ApiSession(baseUrl);
  await admin.login(ADMIN.email, ADMIN.password);
  const customer = await admin.call<{ version: number }>('GET', `/customers/${ids.customerId}`);
  await admin.call('PATCH', `/customers/${ids.customerId}`, {
    version: customer.version,
    creditLimit: limit,
  });
  const seller = new ApiSession(baseUrl);
  await seller.login(SELLER.email, SELLER.password);
  const order = await seller.call<{ id: string }>('POST', '/sales-orders', {
    customerId: ids.customerId,
    lines: [{ productId: ids.cupId, qty: '10' }],
  });
  return order.id;
}
