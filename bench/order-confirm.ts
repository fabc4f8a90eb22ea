// Sales-order confirmation throughput on PostgreSQL (DESIGN.md "Performance"): POST
// /sales-orders/{id}/confirm over real HTTP against a listening server, with 1, 4 and 16 concurrent
// clients, beside the plainest SQL doing the same work per order (read and lock the order, lock the
// balance row, raise reserved, insert the reservation, the delivery and its line, update the line, the
// order state and its history, the audit row and the two outbox events; the delivery's number from the
// company counter, as inventory takes it) at the same client counts. Prints orders/s and the ratio HTTP / SQL.
// Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL). Run: npx tsx bench/order-confirm.ts
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { defaultWarehouse } from '../src/modules/inventory/index.ts';
import { createOrder } from '../src/modules/sales/order/create-order.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPostgres } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { withTransaction } from '../src/platform/db/tx.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { newId } from '../src/platform/ids.ts';
import { registerAllRoutes } from '../src/server.ts';
import { newCompany } from '../test/kit/company.ts';

const PER_RUN = Number(process.env.BENCH_ORDERS ?? 400);
const CLIENTS = [1, 4, 16];
const ROUNDS = 5;
const PRODUCTS = 16;
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!base) {
  console.log('order-confirm: skipped — set BENCH_DATABASE_URL (PostgreSQL) to run it.');
  process.exit(0);
}

const dbName = `tandem_bench_confirm_${Date.now()}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = new URL(base);
url.pathname = `/${dbName}`;
const db = await openPostgres(url.toString(), 20);

/** Runs `work(i)` for i in 0…n-1 with `clients` workers pulling the next index; returns items/s. */
async function throughput(n: number, clients: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++) await work(i);
    }),
  );
  return n / ((performance.now() - start) / 1000);
}

try {
  await migrate(db);
  const company = await newCompany(db);
  const actor = await company.actor(company.admin);
  const app = await buildApp({
    db,
    config: loadConfig({ ...process.env, DATA_DIR: '/nonexistent', API_RATE_LIMIT_PER_IP: '0' }),
    logger: false,
    webRoot: '/nonexistent',
    registerRoutes: registerAllRoutes,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${address}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: company.admin.email, password: company.admin.password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${address}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  // Products with plenty of stock (so every order reserves in full) and one customer without a limit.
  const warehouseId = (await withTransaction(db, (tx) => defaultWarehouse(tx, company.id))).id;
  const products: string[] = [];
  for (let p = 0; p < PRODUCTS; p++) {
    const product = await call('POST', '/api/v1/products', {
      sku: `B-${p}`,
      name: { en: `Bench ${p}` },
      uomCode: 'PCS',
      salePrice: '9.9',
      taxCode: 'VAT13-OUT',
    });
    await call('POST', '/api/v1/stock/adjustments', {
      warehouseId,
      productId: product.id,
      qty: '10000000',
      unitCost: '5',
      reason: 'bench',
    });
    products.push(product.id);
  }
  const customer = await call('POST', '/api/v1/customers', {
    name: 'Bench customer',
    ignoreDuplicates: true,
  });
  const drafts = async (n: number) => {
    const out: Array<{ id: string; version: number; lineId: string; productId: string }> = [];
    await withTransaction(db, async (tx) => {
      for (let i = 0; i < n; i++) {
        const productId = products[i % PRODUCTS];
        const o = await createOrder(tx, actor, { customerId: customer.id, lines: [{ productId, qty: '1' }] });
        out.push({ id: o.id, version: o.version, lineId: o.lines[0].id, productId });
      }
    });
    return out;
  };

  const sqlPool = new pg.Pool({ connectionString: url.toString(), max: 16, options: '-c jit=off' });
  sqlPool.on('error', () => {}); // idle clients cut off when the bench database is dropped
  const balances = new Map<string, { id: string; location: string }>();
  for (const r of (
    await sqlPool.query(
      'select id, product_id, location_id from inventory_balance where company_id = $1 and on_hand > 0',
      [company.id],
    )
  ).rows)
    balances.set(r.product_id, { id: r.id, location: r.location_id });

  /**
   * The same work as a confirmation, in the plainest SQL: read and lock the order and its line, lock the
   * balance, raise reserved, insert the reservation, the delivery and its line, set the line's reserved
   * quantity, the order state and its history row, the audit row and the two outbox events.
   */
  const plainConfirm = async (o: { id: string; lineId: string; productId: string }) => {
    const c = await sqlPool.connect();
    const b = balances.get(o.productId)!;
    try {
      await c.query('begin');
      await c.query('select * from sales_order where company_id = $1 and id = $2 for update', [
        company.id,
        o.id,
      ]);
      await c.query('select * from sales_order_line where company_id = $1 and order_id = $2', [
        company.id,
        o.id,
      ]);
      await c.query(
        'select on_hand, reserved from inventory_balance where company_id = $1 and id = $2 for update',
        [company.id, b.id],
      );
      await c.query(
        'update inventory_balance set reserved = reserved + 1 where company_id = $1 and id = $2',
        [company.id, b.id],
      );
      // The delivery's number from the company's counter, as inventory takes it (held until commit).
      const number = await c.query(
        `insert into platform_sequence as s (company_id, key, last_value) values ($1, 'bench.delivery', 1)
         on conflict (company_id, key) do update set last_value = s.last_value + 1 returning last_value`,
        [company.id],
      );
      const picking = newId();
      const line = newId();
      await c.query(
        `insert into inventory_picking (company_id, id, number, kind, state, warehouse_id, party_id, origin_type, origin_id)
         values ($1, $2, $3, 'delivery', 'ready', $4, $5, 'sales_order', $6)`,
        [company.id, picking, `PLAIN-${number.rows[0].last_value}`, warehouseId, customer.id, o.id],
      );
      await c.query(
        `insert into inventory_picking_line (company_id, id, picking_id, line_no, product_id, qty, location_id, origin_line_id)
         values ($1, $2, $3, 1, $4, 1, $5, $6)`,
        [company.id, line, picking, o.productId, b.location, o.lineId],
      );
      await c.query(
        `insert into inventory_reservation (company_id, id, balance_id, product_id, warehouse_id, qty, origin_type, origin_id,
           origin_line_id, picking_line_id) values ($1, $2, $3, $4, $5, 1, 'sales_order', $6, $7, $8)`,
        [company.id, newId(), b.id, o.productId, warehouseId, o.id, o.lineId, line],
      );
      await c.query(
        `update sales_order_line set qty_reserved = 1, expected_date = current_date, version = version + 1
          where company_id = $1 and id = $2`,
        [company.id, o.lineId],
      );
      await c.query(
        `update sales_order set state = 'confirmed', confirmed_at = now(), version = version + 1
          where company_id = $1 and id = $2`,
        [company.id, o.id],
      );
      await c.query(
        `insert into sales_order_history (company_id, id, order_id, from_state, to_state)
         values ($1, $2, $3, 'draft', 'confirmed')`,
        [company.id, newId(), o.id],
      );
      await c.query(
        `insert into platform_audit_log (company_id, id, entity, entity_id, action, changes)
         values ($1, $2, 'sales.order', $3, 'confirm', $4)`,
        [company.id, newId(), o.id, JSON.stringify({ state: { before: 'draft', after: 'confirmed' } })],
      );
      await c.query(
        `insert into platform_event (company_id, id, type, aggregate_type, aggregate_id, payload)
         values ($1, $2, 'stock.reserved', 'sales_order', $3, $4), ($1, $5, 'sales_order.confirmed', 'sales_order', $3, $6)`,
        [
          company.id,
          newId(),
          o.id,
          JSON.stringify({ originId: o.id, lines: [{ originLineId: o.lineId, reserved: '1' }] }),
          newId(),
          JSON.stringify({ orderId: o.id, customerId: customer.id }),
        ],
      );
      await c.query('commit');
    } catch (error) {
      await c.query('rollback');
      throw error;
    } finally {
      c.release();
    }
  };

  const server = (await admin.query('show server_version')).rows[0].server_version;
  console.log(`order-confirm — ${PER_RUN} orders per run, ${PRODUCTS} products, PostgreSQL ${server}`);
  console.log(
    `\n  ${'clients'.padEnd(8)} ${'HTTP orders/s'.padStart(14)} ${'SQL orders/s'.padStart(13)} ${'ratio'.padStart(6)}`,
  );
  // A short warm-up, so JIT-compiled code and pooled connections are in place before timing.
  const warm = await drafts(40);
  await throughput(warm.length, 4, async (i) => {
    await call('POST', `/api/v1/sales-orders/${warm[i].id}/confirm`, { version: warm[i].version });
  });
  // HTTP and plain SQL run in alternating rounds, so both see the same machine: a neighbour's load that
  // comes and goes during the run lands on both sides instead of skewing the ratio.
  for (const clients of CLIENTS) {
    let httpSeconds = 0;
    let plainSeconds = 0;
    const perRound = Math.ceil(PER_RUN / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      const viaHttp = await drafts(perRound);
      httpSeconds +=
        perRound /
        (await throughput(perRound, clients, async (i) => {
          const o = viaHttp[i];
          const res = await call('POST', `/api/v1/sales-orders/${o.id}/confirm`, { version: o.version });
          if (res.state !== 'confirmed') throw new Error(`order ${o.id} is ${res.state}`);
        }));
      const viaSql = await drafts(perRound);
      plainSeconds += perRound / (await throughput(perRound, clients, (i) => plainConfirm(viaSql[i])));
    }
    const http = (perRound * ROUNDS) / httpSeconds;
    const plain = (perRound * ROUNDS) / plainSeconds;
    console.log(
      `  ${String(clients).padEnd(8)} ${http.toFixed(0).padStart(14)} ${plain.toFixed(0).padStart(13)} ${(http / plain).toFixed(2).padStart(6)}`,
    );
  }
  await sqlPool.end();
  await app.close();
} finally {
  await db.close();
  if (process.env.BENCH_KEEP) console.log(`kept database ${dbName}`);
  else await admin.query(`drop database ${dbName} with (force)`);
  await admin.end();
}
