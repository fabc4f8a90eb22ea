import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { one, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { createDelivery, defaultWarehouse } from '../../inventory/index.ts';
import { addDays } from './days.ts';
import { mrpRunsSettled } from './run-mrp.ts';

function ok(res: { status: number; body: any }, status = 200) {
  assert.equal(res.status, status, JSON.stringify(res.body)?.slice(0, 600));
  return res.body;
}

async function product(admin: Client, sku: string, procureMethod: 'make' | 'buy') {
  const body = { sku, name: { en: sku }, kind: 'stocked', uomCode: 'PCS', salePrice: '10', procureMethod };
  return ok(await admin.post('/api/v1/products', body), 201).id as string;
}

describeDb('MRP runs on the database', (ctx) => {
  test('the worked example through HTTP: run in the background, proposals, confirm the buys', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const planner = await signedIn(ctx.db, await company.user('production'));
    const actor = await company.actor(company.admin);
    const wh = await withTransaction(ctx.db, (tx) => defaultWarehouse(tx, company.id));
    // Day by day, as the worked example is written (the default plans in 7-day periods).
    await ctx.db.orm.execute(
      sql`update platform_company set settings = coalesce(settings, '{}'::jsonb) || '{"mrp": {"periodDays": 1}}'::jsonb
           where id = ${company.id}`,
    );
    const sku = newId().slice(-6);
    const [A, B, C, D] = [
      await product(admin, `A-${sku}`, 'make'),
      await product(admin, `B-${sku}`, 'make'),
      await product(admin, `C-${sku}`, 'buy'),
      await product(admin, `D-${sku}`, 'buy'),
    ];
    // A = 2 B + 1 C + 1 D (2 days), B = 1.5 D (3 days): 1.25 D per unit with 20 % scrap.
    await withTransaction(ctx.db, async (tx) => {
      for (const [p, lead, lines] of [
        [
          A,
          2,
          [
            [B, '2', '0'],
            [C, '1', '0'],
            [D, '1', '0'],
          ],
        ],
        [B, 3, [[D, '1.25', '20']]],
      ] as const) {
        const bom = newId();
        await tx.execute(
          sql`insert into manufacturing_bom (company_id, id, product_id, code, state, lead_time_days)
              values (${company.id}, ${bom}, ${p}, ${`BOM-${p.slice(-6)}`}, 'active', ${lead})`,
        );
        let position = 0;
        for (const [component, qty, scrap] of lines)
          await tx.execute(
            sql`insert into manufacturing_bom_line (company_id, id, bom_id, position, component_id, qty, scrap_pct)
                values (${company.id}, ${newId()}, ${bom}, ${++position}, ${component}, ${qty}, ${scrap})`,
          );
      }
    });
    for (const [p, qty] of [
      [A, '5'],
      [B, '4'],
      [D, '20'],
    ])
      ok(
        await admin.post('/api/v1/stock/adjustments', {
          warehouseId: wh.id,
          productId: p,
          qty,
          unitCost: '1',
          reason: 'opening stock',
        }),
        201,
      );
    const { today } = (await one<{ today: string }>(
      ctx.db.orm,
      sql`select to_char((now() at time zone time_zone)::date, 'YYYY-MM-DD') as today from platform_company where id = ${company.id}`,
    ))!;
    const T = (n: number) => addDays(today, n);
    for (const [p, qty, day] of [
      [C, '10', 0],
      [D, '30', 2],
    ] as const)
      ok(
        await admin.post('/api/v1/receipts', {
          warehouseId: wh.id,
          scheduledDate: T(day),
          lines: [{ productId: p, qty, unitCost: '1' }],
        }),
        201,
      );
    const customer = ok(
      await admin.post('/api/v1/customers', { name: `MRP ${sku}`, ignoreDuplicates: true }),
      201,
    );
    for (const [number, qty, day] of [
      ['SO-1', '15', 10],
      ['SO-2', '10', 15],
    ] as const)
      await withTransaction(ctx.db, (tx) =>
        createDelivery(tx, actor, {
          warehouseId: wh.id,
          partyId: customer.id,
          originType: 'sales_order',
          originId: newId(),
          originNumber: `${number}-${sku}`,
          scheduledDate: T(day),
          shipTo: null,
          lines: [{ originLineId: newId(), productId: A, qty }],
        }),
      );
    const rule = ok(
      await planner.post('/api/v1/reorder-rules', {
        productId: D,
        warehouseId: wh.id,
        minQty: '10',
        maxQty: '40',
        multiple: '25',
      }),
      201,
    );

    const queued = ok(await planner.post('/api/v1/mrp-runs', {}), 202);
    assert.equal(queued.state, 'queued');
    await mrpRunsSettled();
    const run = ok(await planner.get(`/api/v1/mrp-runs/${queued.id}`));
    assert.deepEqual([run.state, run.progress, run.planDate, run.error], ['done', 100, today, null]);

    /*
     * The pure worked example (mrp.test.ts) with the company's default purchase lead time, 7 days, for C and
     * D, and today T. A: 5 on hand, needs 15 on T+10 and 10 on T+15 → make 10 (T+8 → T+10), 10 (T+13 → T+15).
     * B: 4 on hand, 20 on T+8 and T+13 → make 16 (T+5 → T+8) and 20 (T+10 → T+13); 1.5 D each (1.25 + 20 %).
     * C: receipt of 10 today covers T+8; T+13 needs 10 → buy 10 (T+6 → T+13).
     * D: 20 + 30 (T+2) = 50; −24 (T+5) = 26; −10 (T+8) = 16; −30 (T+10) = −14 < min 10 → refill to max 40:
     *    54, in multiples of 25 → buy 75 (T+3 → T+10); −10 (T+13) leaves 51.
     */
    const list = ok(await planner.get(`/api/v1/mrp-proposals?runId=${run.id}&limit=200`));
    const names = new Map([
      [A, 'A'],
      [B, 'B'],
      [C, 'C'],
      [D, 'D'],
    ]);
    const got = list.items
      .map((p: any) => [names.get(p.productId), p.kind, p.qty, p.releaseDate, p.needDate, p.late])
      .sort((x: any[], y: any[]) => `${x[0]}${x[4]}`.localeCompare(`${y[0]}${y[4]}`));
    assert.deepEqual(got, [
      ['A', 'make', '10.0000', T(8), T(10), false],
      ['A', 'make', '10.0000', T(13), T(15), false],
      ['B', 'make', '16.0000', T(5), T(8), false],
      ['B', 'make', '20.0000', T(10), T(13), false],
      ['C', 'buy', '10.0000', T(6), T(13), false],
      ['D', 'buy', '75.0000', T(3), T(10), false],
    ]);
    assert.equal(run.proposalCount, 6);
    const d = list.items.find((p: any) => p.productId === D);
    assert.deepEqual(
      d.pegging.map((g: any) => [g.type, g.qty]),
      [
        ['mrp_proposal', '24.0000'],
        ['reorder_rule', '30.0000'],
      ],
    );
    assert.equal(d.pegging[1].id, rule.id);
    const a1 = list.items.find((p: any) => p.productId === A && p.needDate === T(10));
    assert.deepEqual(a1.pegging, [
      { type: 'sales_order', id: a1.pegging[0].id, number: `SO-1-${sku}`, qty: '10.0000', date: T(10) },
    ]);

    // Filters; the buys confirmed in bulk become requisitions; a second confirmation is refused.
    const buys = ok(await planner.get(`/api/v1/mrp-proposals?kind=buy`)).items;
    assert.equal(buys.length, 2);
    const confirmed = ok(
      await planner.post('/api/v1/mrp-proposals/confirm', { ids: buys.map((p: any) => p.id) }),
    ).items;
    assert.deepEqual(
      confirmed.map((p: any) => [p.state, p.documentType, /^PR-\d{4}-\d{5}$/.test(p.documentNumber)]),
      [
        ['confirmed', 'purchase_requisition', true],
        ['confirmed', 'purchase_requisition', true],
      ],
    );
    const req = await one<{ qty: string; needed_by: string; origin_type: string }>(
      ctx.db.orm,
      sql`select qty::text as qty, to_char(needed_by, 'YYYY-MM-DD') as needed_by, origin_type
            from purchasing_requisition where company_id = ${company.id} and product_id = ${D}`,
    );
    assert.deepEqual(req, { qty: '75.0000', needed_by: T(10), origin_type: 'mrp_proposal' });
    const again = await planner.post('/api/v1/mrp-proposals/confirm', { ids: [buys[0].id] });
    assert.equal(again.status, 422);
    assert.equal(again.body.error.code, 'manufacturing.proposal_state');
    const makeA = list.items.find((p: any) => p.productId === A);
    ok(await planner.post('/api/v1/mrp-proposals/dismiss', { ids: [makeA.id] }));
    // The B makes become production orders planned from release to need date.
    const makesB = list.items.filter((p: any) => p.productId === B).map((p: any) => p.id);
    const made = ok(await planner.post('/api/v1/mrp-proposals/confirm', { ids: makesB })).items;
    assert.deepEqual(
      made.map((p: any) => [p.state, p.documentType, typeof p.documentNumber]),
      [
        ['confirmed', 'production_order', 'string'],
        ['confirmed', 'production_order', 'string'],
      ],
    );
    const mo = await one<{ qty: string; planned_start: string; planned_finish: string }>(
      ctx.db.orm,
      sql`select qty::text as qty, to_char(planned_start, 'YYYY-MM-DD') as planned_start,
                 to_char(planned_finish, 'YYYY-MM-DD') as planned_finish
            from manufacturing_production_order where company_id = ${company.id} and id = ${made[0].documentId}`,
    );
    assert.deepEqual(mo, { qty: '16.0000', planned_start: T(5), planned_finish: T(8) });

    // A second run supersedes what the first still proposes; the confirmed requisitions now count as supply.
    const second = ok(await planner.post('/api/v1/mrp-runs', {}), 202);
    await mrpRunsSettled();
    const states = ok(await planner.get(`/api/v1/mrp-proposals?runId=${run.id}&state=superseded`)).items;
    assert.equal(states.length, 1, 'the second A make: the other was dismissed, the B makes confirmed');
    const next = ok(await planner.get(`/api/v1/mrp-proposals?runId=${second.id}&kind=buy`)).items;
    assert.deepEqual(next, [], 'C and D are covered by the requisitions');
  });

  test('one run at a time; ids of another company are 404', async () => {
    const company = await newCompany(ctx.db);
    const other = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const stranger = await signedIn(ctx.db, other.admin);
    const sales = await signedIn(ctx.db, await company.user('sales'));
    assert.equal((await sales.post('/api/v1/mrp-runs', {})).status, 403);
    const first = ok(await admin.post('/api/v1/mrp-runs', {}), 202);
    const busy = await admin.post('/api/v1/mrp-runs', {});
    if (busy.status !== 202) assert.equal(busy.body.error.code, 'manufacturing.mrp_running');
    await mrpRunsSettled();
    assert.equal((await stranger.get(`/api/v1/mrp-runs/${first.id}`)).status, 404);
    assert.equal((await stranger.get(`/api/v1/mrp-proposals?runId=${first.id}`)).status, 404);
    const done = ok(await admin.get(`/api/v1/mrp-runs/${first.id}`));
    assert.equal(done.state, 'done');
    // A proposal without its run item (product and warehouse the run netted) is refused by the database.
    const wh = await withTransaction(ctx.db, (tx) => defaultWarehouse(tx, company.id));
    await assert.rejects(
      ctx.db.orm.execute(
        sql`insert into manufacturing_mrp_proposal (company_id, id, run_id, product_id, warehouse_id, kind, qty,
              release_date, need_date)
            values (${company.id}, ${newId()}, ${first.id}, ${newId()}, ${wh.id}, 'buy', 1, current_date, current_date)`,
      ),
      (error: any) => /no run item/.test(String(error?.cause?.message ?? error?.message)),
    );
  });
});
