import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { makeWorld, ok, refused } from '../fixtures.ts';
import { bomExplosionData } from './explosion-data.ts';

describeDb('BOMs: multi-level, scrap, substitutes, revisions with validity, cost roll-up', (ctx) => {
  test('a 2-level BOM rolls up its cost: bought parts at average cost, a made part at its own roll-up', async () => {
    const w = await makeWorld(ctx.db);
    const [table, top, leg, screw, spare] = [
      await w.product({ procureMethod: 'make' }),
      await w.product({ procureMethod: 'make' }),
      await w.product(),
      await w.product(),
      await w.product(),
    ];
    await w.stock(leg, '100', '2'); // legs average 2.00
    await w.stock(screw, '10', '4'); // screws average 4.00
    // The top: 3 legs make 2 tops (1.5 legs per top) + labour 1 + overhead 0.5 → 1.5 × 2 + 1.5 = 4.50 per top.
    const topBom = await w.bom({
      productId: top,
      outputQty: '2',
      labourCostPerUnit: '1',
      overheadCostPerUnit: '0.5',
      lines: [{ componentId: leg, qty: '3' }],
    });
    assert.equal(topBom.state, 'active');
    assert.equal(topBom.revision, 1);
    // The table: 2 tops with 10% scrap (2.2), 1 screw, a spare part that may replace the screw; labour 5, overhead 3.
    const tableBom = await w.bom({
      productId: table,
      labourCostPerUnit: '5',
      overheadCostPerUnit: '3',
      leadTimeDays: 2,
      lines: [
        { componentId: top, qty: '2', scrapPct: '10' },
        { componentId: screw, qty: '1' },
        { componentId: spare, qty: '1', substituteOfPosition: 2 },
      ],
    });
    assert.deepEqual(
      tableBom.lines.map((l: any) => [l.position, l.qtyPerUnit, l.substituteOfPosition]),
      [
        [1, '2.2', null],
        [2, '1', null],
        [3, '1', 2],
      ],
    );

    // Per table: 2.2 × 4.50 + 1 × 4.00 = 13.90 material + 5 + 3 = 21.90. For 10 tables: 139 + 50 + 30 = 219.
    const cost = ok(await w.production.get(`/api/v1/boms/${tableBom.id}/cost?qty=10`));
    assert.deepEqual(
      [cost.materialCost, cost.labourCost, cost.overheadCost, cost.totalCost, cost.unitCost],
      ['139.00', '50.00', '30.00', '219.00', '21.900000'],
    );
    assert.deepEqual(
      cost.nodes.map((n: any) => [
        n.level,
        n.productId,
        n.qty,
        n.unitCost,
        n.value,
        n.costSource,
        n.substitute,
      ]),
      [
        [0, table, '10.0000', '21.900000', '219.00', 'roll_up', false],
        [1, top, '22.0000', '4.500000', '99.00', 'roll_up', false],
        [2, leg, '33.0000', '2.000000', '66.00', 'average', false],
        [1, screw, '10.0000', '4.000000', '40.00', 'average', false],
        [1, spare, '10.0000', '0.000000', '0.00', 'none', true],
      ],
    );
    const tree = ok(await w.production.get(`/api/v1/boms/${tableBom.id}/tree?qty=4`));
    assert.deepEqual(
      tree.nodes.map((n: any) => [n.nodeId, n.parentId, n.productId, n.qty, n.bomId]),
      [
        ['n0', null, table, '4.0000', tableBom.id],
        ['n1', 'n0', top, '8.8000', topBom.id],
        ['n2', 'n1', leg, '13.2000', null],
        ['n3', 'n0', screw, '4.0000', null],
        ['n4', 'n0', spare, '4.0000', null],
      ],
    );

    // MRP's view: components per 1 unit, scrap included, substitutes left out.
    const data = await bomExplosionData(ctx.db.orm, w.company.id, '2026-06-01');
    const byProduct = new Map(data.map((d) => [d.productId, d]));
    assert.deepEqual(byProduct.get(table), {
      productId: table,
      bomId: tableBom.id,
      outputQty: '1.0000',
      leadTimeDays: 2,
      components: [
        { productId: top, qtyPerUnit: '2.2' },
        { productId: screw, qtyPerUnit: '1' },
      ],
    });
    assert.deepEqual(byProduct.get(top)?.components, [{ productId: leg, qtyPerUnit: '1.5' }]);

    // A loop through the sub-BOMs is refused: legs made of tables (leg → table → top → leg).
    const loop = refused(
      await w.production.post('/api/v1/boms', { productId: leg, lines: [{ componentId: table, qty: '1' }] }),
      422,
      'manufacturing.bom_cycle',
    );
    assert.deepEqual(loop.error.details.path, [leg, table, top, leg]);
    refused(
      await w.production.post('/api/v1/boms', {
        productId: screw,
        lines: [{ componentId: screw, qty: '1' }],
      }),
      422,
      'manufacturing.bom_cycle',
    );
    // Only drafts change their recipe.
    refused(
      await w.production.patch(`/api/v1/boms/${topBom.id}`, {
        version: topBom.version,
        lines: [{ componentId: leg, qty: '4' }],
      }),
      422,
      'manufacturing.bom_in_use',
    );
  });

  test('revisions: one active BOM per product and date; validity windows hand over', async () => {
    const w = await makeWorld(ctx.db);
    const [kit, a, b] = [await w.product({ procureMethod: 'make' }), await w.product(), await w.product()];
    const r1 = await w.bom({ productId: kit, lines: [{ componentId: a, qty: '1' }] });
    const r2 = await w.bom(
      { productId: kit, validFrom: '2030-01-01', lines: [{ componentId: b, qty: '2' }] },
      false,
    );
    assert.equal(r2.revision, 2);
    const clash = refused(
      await w.production.post(`/api/v1/boms/${r2.id}/activate`, { version: r2.version }),
      422,
      'manufacturing.bom_overlap',
    );
    assert.equal(clash.error.details.bomId, r1.id);
    // Revision 1 ends the day before revision 2 starts (an active BOM may change its validity).
    const ended = ok(
      await w.production.patch(`/api/v1/boms/${r1.id}`, { version: r1.version, validTo: '2029-12-31' }),
    );
    assert.equal(ended.validTo, '2029-12-31');
    ok(await w.production.post(`/api/v1/boms/${r2.id}/activate`, { version: r2.version }));
    // Stretching revision 1 back over 2030 is refused now.
    refused(
      await w.production.patch(`/api/v1/boms/${r1.id}`, { version: ended.version, validTo: null }),
      422,
      'manufacturing.bom_overlap',
    );
    const on = async (date: string) =>
      (await bomExplosionData(ctx.db.orm, w.company.id, date)).find((d) => d.productId === kit);
    assert.deepEqual((await on('2029-12-31'))?.components, [{ productId: a, qtyPerUnit: '1' }]);
    assert.deepEqual((await on('2030-01-01'))?.components, [{ productId: b, qtyPerUnit: '2' }]);
    const inForce = ok(
      await w.production.get(`/api/v1/boms?productId=${kit}&state=active&validOn=2030-06-01`),
    );
    assert.deepEqual(
      inForce.items.map((i: any) => i.revision),
      [2],
    );
    // Archived, revision 2 no longer applies; the product has no BOM in 2030.
    const current = ok(await w.production.get(`/api/v1/boms/${r2.id}`));
    ok(await w.production.post(`/api/v1/boms/${r2.id}/archive`, { version: current.version }));
    assert.equal(await on('2030-01-01'), undefined);
    refused(
      await w.production.post('/api/v1/boms', {
        productId: kit,
        validFrom: '2030-02-01',
        validTo: '2030-01-01',
        lines: [{ componentId: a, qty: '1' }],
      }),
      422,
      'manufacturing.bom_validity',
    );
  });

  test("company scope and permissions: another company's BOM is 404; sales may not read BOMs, viewers not costs", async () => {
    const w = await makeWorld(ctx.db);
    const [p, c] = [await w.product(), await w.product()];
    const bom = await w.bom({ productId: p, lines: [{ componentId: c, qty: '1' }] });
    const other = await newCompany(ctx.db);
    const stranger = await signedIn(ctx.db, other.admin);
    for (const path of [
      `/api/v1/boms/${bom.id}`,
      `/api/v1/boms/${bom.id}/tree`,
      `/api/v1/boms/${bom.id}/cost`,
    ])
      refused(await stranger.get(path), 404, 'not_found');
    refused(await stranger.post(`/api/v1/boms/${bom.id}/archive`, { version: bom.version }), 404);
    // Their products are not ours either.
    refused(
      await stranger.post('/api/v1/boms', { productId: p, lines: [{ componentId: c, qty: '1' }] }),
      422,
      'catalog.product_unknown',
    );
    const sales = await signedIn(ctx.db, await w.company.user('sales'));
    refused(await sales.get('/api/v1/boms'), 403, 'forbidden');
    const viewer = await signedIn(ctx.db, await w.company.user('viewer'));
    ok(await viewer.get(`/api/v1/boms/${bom.id}/tree`));
    refused(await viewer.get(`/api/v1/boms/${bom.id}/cost`), 403, 'forbidden');
    refused(await viewer.post('/api/v1/boms', { productId: p, lines: [{ componentId: c, qty: '1' }] }), 403);
  });
});
