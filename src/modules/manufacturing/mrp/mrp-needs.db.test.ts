// A sales order short of a make product → MRP → the planner confirms the proposal → the order line
// shows the production order's number and finish date, and its salesperson is told. Through HTTP and
// the outbox, on both databases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { one, rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { defaultWarehouse, listNeeds } from '../../inventory/index.ts';
import { addDays } from './days.ts';
import { mrpRunsSettled } from './run-mrp.ts';

function ok(res: { status: number; body: any }, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body)?.slice(0, 600));
  return res.body;
}

async function product(admin: Client, sku: string, procureMethod: 'make' | 'buy') {
  const body = {
    sku,
    name: { en: sku, 'zh-CN': sku },
    kind: 'stocked',
    uomCode: 'PCS',
    salePrice: '10',
    taxCode: 'VAT13-OUT',
    procureMethod,
  };
  return ok(await admin.post('/api/v1/products', body), 201).id as string;
}

describeDb('MRP plans the procurement needs of sales orders', (ctx) => {
  test('confirming a make proposal plans the need: the order line shows the date and the order number', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const planner = await signedIn(ctx.db, await company.user('production'));
    const salesUser = await company.user('sales');
    const sales = await signedIn(ctx.db, salesUser);
    await withTransaction(ctx.db, (tx) => defaultWarehouse(tx, company.id));
    const sku = newId().slice(-6);
    const [A, C] = [await product(admin, `A-${sku}`, 'make'), await product(admin, `C-${sku}`, 'buy')];
    // A = 2 C, made in 2 days.
    const bom = newId();
    await ctx.db.orm.execute(
      sql`insert into manufacturing_bom (company_id, id, product_id, code, state, lead_time_days)
          values (${company.id}, ${bom}, ${A}, ${`BOM-${sku}`}, 'active', 2)`,
    );
    await ctx.db.orm.execute(
      sql`insert into manufacturing_bom_line (company_id, id, bom_id, position, component_id, qty, scrap_pct)
          values (${company.id}, ${newId()}, ${bom}, 1, ${C}, 2, 0)`,
    );
    const { today } = (await one<{ today: string }>(
      ctx.db.orm,
      sql`select to_char((now() at time zone time_zone)::date, 'YYYY-MM-DD') as today
            from platform_company where id = ${company.id}`,
    ))!;
    const T = (n: number) => addDays(today, n);

    // 4 A wanted in 10 days, none in stock: the confirmation records a procurement need (make).
    const customer = ok(
      await sales.post('/api/v1/customers', { name: `MRP ${sku}`, ignoreDuplicates: true }),
      201,
    );
    const draft = ok(
      await sales.post('/api/v1/sales-orders', {
        customerId: customer.id,
        requestedDate: T(10),
        lines: [{ productId: A, qty: '4' }],
      }),
      201,
    );
    const order = ok(
      await sales.post(`/api/v1/sales-orders/${draft.id}/confirm`, { version: draft.version }),
    );
    const [need] = await listNeeds(ctx.db.orm, company.id, { productId: A });
    assert.deepEqual([need.qty, need.method, need.originLineId], ['4.0000', 'make', order.lines[0].id]);
    await drainOutbox(ctx.db);

    // The run pegs the make proposal to the order line and its need; the component pegs the proposal.
    const queued = ok(await planner.post('/api/v1/mrp-runs', {}), 202);
    await mrpRunsSettled();
    const list = ok(await planner.get(`/api/v1/mrp-proposals?runId=${queued.id}`)).items;
    const make = list.find((p: any) => p.productId === A);
    assert.deepEqual([make.kind, make.qty, make.releaseDate, make.needDate], ['make', '4.0000', T(8), T(10)]);
    assert.deepEqual(make.pegging, [
      {
        type: 'sales_order',
        id: order.id,
        number: order.number,
        qty: '4.0000',
        date: T(10),
        needId: need.id,
      },
    ]);
    const buy = list.find((p: any) => p.productId === C);
    assert.deepEqual(
      [buy.qty, buy.needDate, buy.pegging[0].type, buy.pegging[0].needId],
      ['8.0000', T(8), 'mrp_proposal', undefined],
    );

    // Confirmed: a production order finishing on the need date; the need planned by it.
    const [confirmed] = ok(await planner.post('/api/v1/mrp-proposals/confirm', { ids: [make.id] })).items;
    assert.equal(confirmed.documentType, 'production_order');
    const [planned] = await listNeeds(ctx.db.orm, company.id, { productId: A, state: 'planned' });
    assert.deepEqual(
      [planned.id, planned.expectedDate, planned.plannedBy],
      [
        need.id,
        T(10),
        { type: 'production_order', id: confirmed.documentId, number: confirmed.documentNumber },
      ],
    );
    await drainOutbox(ctx.db);
    const after = ok(await sales.get(`/api/v1/sales-orders/${order.id}`));
    assert.deepEqual(
      [after.lines[0].expectedDate, after.lines[0].plannedBy],
      [T(10), confirmed.documentNumber],
    );
    const notes = await rows<{ title: string }>(
      ctx.db.orm,
      sql`select title from platform_notification
           where company_id = ${company.id} and user_id = ${salesUser.id} and kind = 'sales.order.expected_date'`,
    );
    assert.deepEqual(
      notes.map((n) => n.title),
      [`${order.number}: A-${sku} expected ${T(10)} (${confirmed.documentNumber})`],
    );
  });
});
