// Real records to aim at, built generically: for each collection with a `{…}` record id in some
// operation's path, create one through `POST <collection>` (from the factory table below, else a body
// generated from the schema). Collections that cannot be built this way are skipped with the reason.
// The factory table is one list on purpose (every module adds its entry here, next to the others), which
// keeps this file past 400 lines.

import { sql } from 'drizzle-orm';
import { insertStatementLine } from '../../src/modules/accounting/bank/statement-line.ts';
import { accountForRole } from '../../src/modules/accounting/index.ts';
import { plantFinding } from '../../src/modules/integration/quality/fixtures.ts';
import { conformanceRecords } from '../../src/modules/inventory/picking/fixtures.ts';
import type { Db } from '../../src/platform/db/connect.ts';
import { rows, withTransaction } from '../../src/platform/db/tx.ts';
import { notify } from '../../src/platform/notifications/notify.ts';
import { drainOutbox } from '../../src/platform/outbox/dispatcher.ts';
import type { Client, TestCompany } from '../kit/index.ts';
import {
  minimalBody,
  type OpenApiDoc,
  type Operation,
  objectSchema,
  type Rng,
  requestUrl,
  sample,
  short,
} from './openapi-kit.ts';

export interface BuildEnv {
  db: Db;
  doc: OpenApiDoc;
  client: Client;
  company: TestCompany;
  r: Rng;
}

export interface RecordFactory {
  /** A create body that passes the route's own checks (zod refinements, references, uniqueness). */
  body?(company: TestCompany, r: Rng): unknown;
  /** For records not created by a plain JSON POST of their collection: returns the new id. */
  create?(env: BuildEnv): Promise<string>;
}

async function created(res: { status: number; body: any }, what: string): Promise<string> {
  if (res.status >= 300 || typeof res.body?.id !== 'string')
    throw new Error(`${what} answered ${res.status} ${short(res.body, 160)}`);
  return res.body.id;
}

/** A valid BOM body: a new product made of another new product. */
async function bomBody(client: Client, r: Rng) {
  const product = async (what: string) =>
    created(
      await client.post('/api/v1/products', {
        sku: `VICTIM-${what}-${r.hex(6)}`,
        name: { en: 'Victim part' },
        uomCode: 'PCS',
      }),
      'POST /api/v1/products',
    );
  return { productId: await product('MADE'), lines: [{ componentId: await product('PART'), qty: '1' }] };
}

/** A new supplier and a new product of the client's company. */
async function purchaseBody(client: Client, r: Rng) {
  const supplierId = await created(
    await client.post('/api/v1/suppliers', {
      party: { name: `Victim supplier ${r.hex(6)}`, ignoreDuplicates: true },
    }),
    'POST /api/v1/suppliers',
  );
  const productId = await created(
    await client.post('/api/v1/products', {
      sku: `VICTIM-BUY-${r.hex(6)}`,
      name: { en: 'Victim part' },
      uomCode: 'PCS',
    }),
    'POST /api/v1/products',
  );
  return { supplierId, productId };
}

/** A new product of the client's company and the company's first warehouse (reorder rules, forecasts). */
async function planningBody(client: Client, r: Rng) {
  const productId = await created(
    await client.post('/api/v1/products', {
      sku: `VICTIM-PLAN-${r.hex(6)}`,
      name: { en: 'Victim planned part' },
      uomCode: 'PCS',
    }),
    'POST /api/v1/products',
  );
  const warehouses = await client.get('/api/v1/warehouses');
  const warehouseId = warehouses.body?.items?.[0]?.id;
  if (!warehouseId) throw new Error(`warehouses answered ${warehouses.status}`);
  return { productId, warehouseId };
}

/** A valid quote/order body: a new customer and a new product of the client's company, one line. */
async function sellingBody(client: Client, r: Rng) {
  const customer = await created(
    await client.post('/api/v1/customers', { name: `Victim buyer ${r.hex(6)}`, ignoreDuplicates: true }),
    'POST /api/v1/customers',
  );
  const product = await created(
    await client.post('/api/v1/products', {
      sku: `VICTIM-${r.hex(6)}`,
      name: { en: 'Victim product' },
      uomCode: 'PCS',
    }),
    'POST /api/v1/products',
  );
  return { customerId: customer, lines: [{ productId: product, qty: '1' }] };
}

/** Collections whose generated minimal body is not enough, keyed by the collection's OpenAPI path. */
export const FACTORIES: Record<string, RecordFactory> = {
  '/api/v1/users': {
    // HR: a role that every built-in role allowed to add users may grant (no one grants what they lack).
    body: (c, r) => ({ email: `victim.${r.hex(10)}@example.com`, name: 'Victim', roleIds: [c.roles.hr] }),
  },
  '/api/v1/roles': {
    body: (_c, r) => ({
      code: `victim_${r.hex(8)}`,
      name: { en: 'Victim role' },
      permissions: ['platform.user.read'],
      recordScope: 'own',
    }),
  },
  '/api/v1/targets': {
    body: (c) => ({ kind: 'sales', month: '2026-09-01', amount: '1000.00', userId: c.admin.id }),
  },
  '/api/v1/assignment-rules': {
    body: (c, r) => ({ name: `Victim rule ${r.hex(6)}`, strategy: 'round_robin', userIds: [c.admin.id] }),
  },
  '/api/v1/products': {
    body: (_c, r) => ({ sku: `VICTIM-${r.hex(8)}`, name: { en: 'Victim product' }, uomCode: 'PCS' }),
  },
  '/api/v1/product-categories': {
    body: (_c, r) => ({ code: `VICTIM-${r.hex(8)}`, name: { en: 'Victim category' } }),
  },
  '/api/v1/price-lists': {
    body: (_c, r) => ({ code: `VICTIM-${r.hex(8)}`, name: { en: 'Victim price list' } }),
  },
  '/api/v1/warehouses': {
    body: (_c, r) => ({ code: `V${r.hex(8).toUpperCase()}`, name: { en: 'Victim warehouse' } }),
  },
  '/api/v1/exchange-rates': {
    body: () => ({ currency: 'USD', date: '2026-01-15', rate: '7.1234' }),
  },
  '/api/v1/attachments': {
    create: ({ client, company }) =>
      client
        .request(
          'POST',
          `/api/v1/attachments?recordType=platform.user&recordId=${company.admin.id}&fileName=victim-note.txt`,
          undefined,
          { raw: 'A private note of the victim company\n', contentType: 'text/plain' },
        )
        .then((res) => created(res, 'upload')),
  },
  '/api/v1/imports': {
    // A dry run of the user template's example row: a batch without side effects.
    create: async ({ client }) => {
      const tpl = await client.get('/api/v1/imports/templates/platform.user');
      const cols: Array<{ key: string; example: string }> = tpl.body?.columns ?? [];
      const csv = `${cols.map((c) => c.key).join(',')}\n${cols.map((c) => c.example).join(',')}\n`;
      const res = await client.request(
        'POST',
        '/api/v1/imports?entity=platform.user&dryRun=true',
        undefined,
        {
          raw: csv,
          contentType: 'text/csv',
        },
      );
      return created(res, 'dry-run import');
    },
  },
  '/api/v1/approval-requests': {
    create: async ({ client, company, r }) => {
      const body = FACTORIES['/api/v1/users'].body!(company, r);
      const user = await created(await client.post('/api/v1/users', body), 'POST /api/v1/users');
      const res = await client.post(`/api/v1/users/${user}/role-change-requests`, {
        roleIds: [company.roles.sales],
        reason: 'Victim request',
      });
      return created(res, 'role change request');
    },
  },
  '/api/v1/customer-merges': {
    // A merge is made by merging one customer into another (there is no POST of the collection).
    create: async ({ client, r }) => {
      const customer = async (name: string) =>
        created(
          await client.post('/api/v1/customers', { name, ignoreDuplicates: true }),
          'POST /api/v1/customers',
        );
      const merged = await customer(`Victim merged ${r.hex(6)}`);
      const survivor = await customer(`Victim survivor ${r.hex(6)}`);
      return created(
        await client.post(`/api/v1/customers/${merged}/merge`, { survivorId: survivor, version: 1 }),
        'merge',
      );
    },
  },
  // Deliveries are made by sales' confirm step (a service call); the others need a product and stock.
  '/api/v1/deliveries': {
    create: async ({ db, company, client }) => (await conformanceRecords(db, company, client)).delivery(),
  },
  '/api/v1/receipts': {
    create: async ({ db, company, client }) => (await conformanceRecords(db, company, client)).receipt(),
  },
  '/api/v1/returns': {
    create: async ({ db, company, client }) => (await conformanceRecords(db, company, client)).returned(),
  },
  '/api/v1/stock-counts': {
    create: async ({ db, company, client }) => (await conformanceRecords(db, company, client)).count(),
  },
  '/api/v1/stock-counts/{id}/lines': {
    // Exactly one of code / productId: the generated minimal body has neither.
    body: () => ({ code: 'VICTIM-SKU', countedQty: '1' }),
  },
  // A quote or an order needs a customer and a product of the company first.
  '/api/v1/quotes': {
    create: async ({ client, r }) =>
      created(await client.post('/api/v1/quotes', await sellingBody(client, r)), 'POST /api/v1/quotes'),
  },
  '/api/v1/sales-orders': {
    create: async ({ client, r }) =>
      created(
        await client.post('/api/v1/sales-orders', await sellingBody(client, r)),
        'POST /api/v1/sales-orders',
      ),
  },
  // Manufacturing: a BOM needs two products; a production order an active BOM of its product.
  '/api/v1/boms': {
    create: async ({ client, r }) =>
      created(await client.post('/api/v1/boms', await bomBody(client, r)), 'POST /api/v1/boms'),
  },
  '/api/v1/production-orders': {
    create: async ({ client, r }) => {
      const body = await bomBody(client, r);
      const bom = (await client.post('/api/v1/boms', body)).body;
      await client.post(`/api/v1/boms/${bom?.id}/activate`, { version: bom?.version });
      return created(
        await client.post('/api/v1/production-orders', { productId: body.productId, qty: '1' }),
        'POST /api/v1/production-orders',
      );
    },
  },
  // Planning: a reorder rule and a forecast for a new product in the company's first warehouse.
  '/api/v1/reorder-rules': {
    create: async ({ client, r }) => {
      const { productId, warehouseId } = await planningBody(client, r);
      return created(
        await client.post('/api/v1/reorder-rules', {
          productId,
          warehouseId,
          route: 'reorder',
          minQty: '1',
          maxQty: '5',
        }),
        'POST /api/v1/reorder-rules',
      );
    },
  },
  '/api/v1/forecasts': {
    create: async ({ client, r }) => {
      const { productId, warehouseId } = await planningBody(client, r);
      return created(
        await client.post('/api/v1/forecasts', { productId, warehouseId, month: '2026-12', qty: '5' }),
        'POST /api/v1/forecasts',
      );
    },
  },
  // Purchasing: a supplier (a new crm party), its price for a new product, a requisition, an order
  // (with a typed price) and a bill of a received order.
  '/api/v1/suppliers': {
    body: (_c, r) => ({ party: { name: `Victim supplier ${r.hex(6)}`, ignoreDuplicates: true } }),
  },
  '/api/v1/supplier-prices': {
    create: async ({ client, r }) => {
      const { supplierId, productId } = await purchaseBody(client, r);
      return created(
        await client.post('/api/v1/supplier-prices', { supplierId, productId, price: '1' }),
        'POST /api/v1/supplier-prices',
      );
    },
  },
  '/api/v1/purchase-requisitions': {
    create: async ({ client, r }) => {
      const { productId } = await purchaseBody(client, r);
      return created(
        await client.post('/api/v1/purchase-requisitions', { productId, qty: '1' }),
        'POST /api/v1/purchase-requisitions',
      );
    },
  },
  '/api/v1/purchase-orders': {
    create: async ({ client, r }) => {
      const { supplierId, productId } = await purchaseBody(client, r);
      return created(
        await client.post('/api/v1/purchase-orders', {
          supplierId,
          lines: [{ productId, qty: '1', unitPrice: '1' }],
        }),
        'POST /api/v1/purchase-orders',
      );
    },
  },
  '/api/v1/supplier-bills': {
    create: async ({ db, client, r }) => {
      const { supplierId, productId } = await purchaseBody(client, r);
      const po = (
        await client.post('/api/v1/purchase-orders', {
          supplierId,
          lines: [{ productId, qty: '1', unitPrice: '1' }],
        })
      ).body;
      const confirmed = (
        await client.post(`/api/v1/purchase-orders/${po?.id}/confirm`, { version: po?.version })
      ).body;
      const receipt = (await client.get(`/api/v1/receipts/${confirmed?.receiptId}`)).body;
      await client.post(`/api/v1/receipts/${receipt?.id}/validate`, { version: receipt?.version });
      await drainOutbox(db);
      return created(await client.post(`/api/v1/purchase-orders/${po?.id}/bill`, {}), 'POST …/bill');
    },
  },
  // Accounting (ledger): an account, a draft entry on two accounts of the chart, a month and its year.
  '/api/v1/accounts': {
    body: (_c, r) => ({ code: `9${r.hex(6)}`, name: { en: 'Victim account' }, type: 'expense' }),
  },
  '/api/v1/journal-entries': {
    create: async ({ client }) => {
      const accounts = (await client.get('/api/v1/accounts')).body?.items ?? [];
      const role = (name: string) => accounts.find((a: { role: string | null }) => a.role === name)?.id;
      return created(
        await client.post('/api/v1/journal-entries', {
          date: '2026-08-14',
          memo: 'Victim entry',
          lines: [
            { accountId: role('bank'), debit: '10.00' },
            { accountId: role('revenue'), credit: '10.00' },
          ],
        }),
        'POST /api/v1/journal-entries',
      );
    },
  },
  '/api/v1/fiscal-periods': {
    // Months are made on demand for a date (there is no POST of the collection).
    create: async ({ client }) => {
      const res = await client.get('/api/v1/fiscal-periods?date=2026-08-15');
      const id = res.body?.items?.find((p: { startDate: string }) => p.startDate === '2026-08-01')?.id;
      if (!id) throw new Error(`fiscal-periods answered ${res.status} ${short(res.body, 160)}`);
      return id;
    },
  },
  '/api/v1/fiscal-years': {
    create: async ({ client }) => {
      await client.get('/api/v1/fiscal-periods?date=2026-08-15');
      const res = await client.get('/api/v1/fiscal-years');
      const id = res.body?.items?.find((y: { year: number }) => y.year === 2026)?.id;
      if (!id) throw new Error(`fiscal-years answered ${res.status} ${short(res.body, 160)}`);
      return id;
    },
  },
  // A collection plan needs a customer of the company.
  '/api/v1/collection-plans': {
    create: async ({ client, r }) => {
      const customer = await created(
        await client.post('/api/v1/customers', { name: `Victim payer ${r.hex(6)}`, ignoreDuplicates: true }),
        'POST /api/v1/customers',
      );
      return created(
        await client.post('/api/v1/collection-plans', {
          customerId: customer,
          lines: [{ dueDate: '2026-12-31', amount: '100' }],
        }),
        'POST /api/v1/collection-plans',
      );
    },
  },
  // Accounting documents need a customer of the company (and a payment its bank account).
  '/api/v1/invoices': {
    create: async ({ client, r }) => {
      const customer = await created(
        await client.post('/api/v1/customers', { name: `Victim debtor ${r.hex(6)}`, ignoreDuplicates: true }),
        'POST /api/v1/customers',
      );
      return created(
        await client.post('/api/v1/invoices', {
          kind: 'customer_invoice',
          partnerId: customer,
          lines: [{ description: 'Victim service', quantity: '1', unitPrice: '100', taxCode: 'VAT13-OUT' }],
        }),
        'POST /api/v1/invoices',
      );
    },
  },
  '/api/v1/payments': {
    create: async ({ db, client, company, r }) => {
      const customer = await created(
        await client.post('/api/v1/customers', { name: `Victim payer ${r.hex(6)}`, ignoreDuplicates: true }),
        'POST /api/v1/customers',
      );
      return created(
        await client.post('/api/v1/payments', {
          direction: 'inbound',
          partnerId: customer,
          accountId: await accountForRole(db.orm, company.id, 'bank'),
          amount: '10.00',
        }),
        'POST /api/v1/payments',
      );
    },
  },
  '/api/v1/bank-statement-lines': {
    // Lines come from the bank's CSV through the import engine: written with the importer's own call.
    create: async ({ db, client, company }) => {
      const accounts = (await client.get('/api/v1/accounts')).body?.items ?? [];
      const code = accounts.find((a: { role: string | null }) => a.role === 'bank')?.code;
      const actor = await company.actor(company.admin);
      return withTransaction(db, (tx) =>
        insertStatementLine(
          tx,
          actor,
          { date: '2026-08-14', amount: '10.00', counterparty: 'Victim payer', reference: '', account: code },
          null,
        ),
      );
    },
  },
  '/api/v1/trigger-rules': {
    body: (_c, r) => ({
      name: `Victim rule ${r.hex(6)}`,
      eventType: 'invoice.posted',
      condition: '',
      actions: [{ type: 'notify', roles: ['finance'] }],
    }),
  },
  '/api/v1/data-quality/findings': {
    // Findings are written by data-quality runs only (no POST): planted directly.
    create: ({ db, company }) => plantFinding(db, company.id),
  },
  '/api/v1/notifications': {
    // Notifications are written by the server only (no POST): made with the service call.
    create: async ({ db, company }) => {
      const ids = await withTransaction(db, (tx) =>
        notify(tx, company.id, [company.admin.id], { kind: 'test.victim', title: 'Victim notice' }),
      );
      return ids[0];
    },
  },
  // Integration/webhooks: a subscription to a public documentation address (no DNS, not refused); the
  // company's events are written by the server only, so the event is the one a new customer publishes.
  '/api/v1/webhooks': {
    body: (_c, r) => ({ url: `https://203.0.113.10/hook-${r.hex(6)}`, eventTypes: ['*'] }),
  },
  '/api/v1/events': {
    create: async ({ db, client, company, r }) => {
      const customer = await created(
        await client.post('/api/v1/customers', { name: `Victim event ${r.hex(6)}`, ignoreDuplicates: true }),
        'POST /api/v1/customers',
      );
      const [event] = await rows<{ id: string }>(
        db.orm,
        sql`select id from platform_event where company_id = ${company.id} and aggregate_id = ${customer}`,
      );
      return event.id;
    },
  },
};

/**
 * A real id of the company for a body UUID field, by the field's name: people (`ownerUserId`,
 * `managerUserId`…), departments and teams, a parent of the same collection, else the collection the
 * name points at (`currencyId` → /api/v1/currencies).
 */
export function idFor(
  company: TestCompany,
  dept: string,
  records: Map<string, Built>,
  field: string,
  collection: string,
): string {
  const stem = field.replace(/Ids?$/, '');
  const built = (path: string) => {
    const b = records.get(path);
    return b && 'id' in b ? b.id : undefined;
  };
  if (stem === 'company') return company.id;
  if (stem === 'role') return company.roles.viewer;
  if (/^(department|team)$/.test(stem)) return dept;
  if (/(^user|User$|^owner$|^manager$|^assignee$)/.test(stem)) return company.admin.id;
  if (stem === 'parent') return built(collection) ?? company.admin.id;
  const kebab = stem.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return built(`/api/v1/${kebab}s`) ?? built(`/api/v1/${kebab.replace(/y$/, 'ie')}s`) ?? company.admin.id;
}

/** A body that passes the operation's schema: the factory's create body for `POST <collection>`, else generated. */
export function bodyFor(doc: OpenApiDoc, op: Operation, company: TestCompany, r: Rng): unknown {
  const factory = op.method === 'POST' ? FACTORIES[op.path] : undefined;
  return factory?.body ? factory.body(company, r) : minimalBody(doc, op, r);
}

/** A 400 from schema validation: the generated body was not good enough, so the probe says nothing. */
export const schemaRefused = (res: { status: number; body: any }) =>
  res.status === 400 && res.body?.error?.code === 'validation';

/** Where an operation's record id sits: the first UUID path parameter, and the collection before it. */
export function targetOf(op: Operation): { collection: string; param: string } | undefined {
  const param = op.pathParams.find((p) => p.schema.format === 'uuid');
  if (!param) return undefined;
  const at = op.path.indexOf(`/{${param.name}}`);
  return { collection: op.path.slice(0, at), param: param.name };
}

/** A record id and the values of the collection's own path parameters (`{dictionary}`…). */
export type Built = { id: string; params: Record<string, string> } | { skipped: string };

/** One record of each collection in the company of `env.client`, or why not. */
export async function buildRecords(env: BuildEnv, ops: Operation[]): Promise<Map<string, Built>> {
  const out = new Map<string, Built>();
  const dept = await env.company.department();
  const collections = [...new Set(ops.map((o) => targetOf(o)?.collection).filter((c) => c !== undefined))];
  for (const collection of collections.sort()) {
    try {
      out.set(
        collection,
        await buildOne(env, ops, collection, (field) => idFor(env.company, dept, out, field, collection)),
      );
    } catch (error) {
      out.set(collection, { skipped: `${(error as Error).message}; add a factory` });
    }
  }
  return out;
}

async function buildOne(
  env: BuildEnv,
  ops: Operation[],
  collection: string,
  idOf: (field: string) => string,
): Promise<Built> {
  const factory = FACTORIES[collection];
  if (factory?.create) return { id: await factory.create(env), params: {} };
  const create = ops.find((o) => o.method === 'POST' && o.path === collection);
  if (!create) return { skipped: `no POST ${collection} (nor a factory) to create one` };
  const params: Record<string, string> = {};
  for (const p of create.pathParams) params[p.name] = String(sample(env.doc, p.schema, env.r));
  const body = factory?.body ? factory.body(env.company, env.r) : minimalBody(env.doc, create, env.r);
  // References in a generated body point at real records of the company (see idFor).
  const props = objectSchema(env.doc, create.body)?.properties ?? {};
  if (!factory?.body && body && typeof body === 'object')
    for (const [k, schema] of Object.entries<any>(props))
      if (k in body && JSON.stringify(schema).includes('"format":"uuid"'))
        (body as Record<string, unknown>)[k] = schema.type === 'array' ? [idOf(k)] : idOf(k);
  const url = requestUrl(env.doc, create, env.r, params);
  const id = await created(
    await env.client.request('POST', url, body ?? {}),
    `POST ${url} ${short(body, 120)}`,
  );
  return { id, params };
}

/** The URL of `op` aimed at a built record (other path parameters as when it was built, or sampled). */
export function urlFor(
  doc: OpenApiDoc,
  op: Operation,
  built: { id: string; params: Record<string, string> },
  r: Rng,
) {
  const target = targetOf(op)!;
  return requestUrl(doc, op, r, { ...built.params, [target.param]: built.id });
}
