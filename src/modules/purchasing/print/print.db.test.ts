import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { withTransaction } from '../../../platform/db/tx.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { purchasingWorld } from '../fixtures.ts';

describeDb('printed purchase order and goods receipt note (入库单)', (ctx) => {
  test('PO and GRN pages: number, supplier, lines, totals, 大写; user text escaped; other company 404', async () => {
    const w = await purchasingWorld(ctx.db);
    const valve = await w.product({ lotTracked: true });
    const hose = await w.product();
    await withTransaction(ctx.db, (tx) =>
      tx.execute(
        sql`update catalog_product set name = ${JSON.stringify({ 'zh-CN': '阀门<script>alert(1)</script>', en: 'Valve <b>x</b>' })}::jsonb
             where company_id = ${w.company.id} and id = ${valve}`,
      ),
    );
    const s = await w.supplier({
      party: { name: '苏州精工<img src=x onerror=alert(1)>', ignoreDuplicates: true },
    });
    const created = await w.purchaser.post('/api/v1/purchase-orders', {
      supplierId: s.id,
      orderDate: '2031-03-02',
      notes: 'deliver to gate 2 <script>steal()</script>',
      lines: [
        { productId: valve, qty: '10', unitPrice: '12.50', taxCode: 'VAT13-IN' },
        { productId: hose, qty: '5', unitPrice: '20', description: 'hose "DN20"' },
      ],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const po = created.body;
    // 10 × 12.50 = 125.00 + 13 % = 16.25; 5 × 20.00 = 100.00 without VAT → 241.25.
    assert.deepEqual([po.subtotal, po.taxTotal, po.total], ['225.00', '16.25', '241.25']);

    const rfq = await w.purchaser.get(`/api/v1/purchase-orders/${po.id}/print?lang=zh-CN`);
    assert.equal(rfq.status, 200);
    assert.match(String(rfq.headers['content-type']), /^text\/html/);
    assert.match(String(rfq.headers['content-security-policy']), /default-src 'none'/);
    const html = String(rfq.body);
    assert.ok(html.includes('询价单'), 'a draft prints as an RFQ');
    for (const text of [
      po.number,
      '2031-03-02',
      `苏州精工&lt;img src=x onerror=alert(1)&gt; (${s.code})`,
      '阀门&lt;script&gt;alert(1)&lt;/script&gt;',
      'hose &quot;DN20&quot;',
      '<td class="n">12.5</td>',
      'VAT13-IN',
      '<td class="n">125.00</td><td class="n">16.25</td><td class="n">141.25</td>',
      'CNY 225.00',
      'CNY 16.25',
      'CNY 241.25',
      '贰佰肆拾壹元贰角伍分',
      'deliver to gate 2 &lt;script&gt;steal()&lt;/script&gt;',
    ])
      assert.ok(html.includes(text), `the page shows ${text}`);
    assert.ok(!/<script|<img/i.test(html), 'no raw markup from user text');

    const confirmed = await w.purchaser.post(`/api/v1/purchase-orders/${po.id}/confirm`, {
      version: po.version,
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    const en = String((await w.purchaser.get(`/api/v1/purchase-orders/${po.id}/print?lang=en`)).body);
    assert.ok(en.includes('Purchase order') && en.includes('Valve &lt;b&gt;x&lt;/b&gt;'));
    assert.ok(!en.includes('贰佰'), 'capital numerals only in Chinese');

    // Receive 6 valves (lot L-<1>) and all 5 hoses; the GRN shows what the ledger took in.
    const warehouse = await signedIn(ctx.db, await w.company.user('warehouse'));
    const receipt = (await warehouse.get(`/api/v1/receipts/${confirmed.body.receiptId}`)).body;
    const lineOf = (p: string) => receipt.lines.find((l: any) => l.productId === p).id;
    const validated = await warehouse.post(`/api/v1/receipts/${receipt.id}/validate`, {
      version: receipt.version,
      lines: [
        { lineId: lineOf(valve), qty: '6', lotNo: 'L-<1>' },
        { lineId: lineOf(hose), qty: '5' },
      ],
    });
    assert.equal(validated.status, 200, JSON.stringify(validated.body));
    await drainOutbox(ctx.db);

    const grn = await warehouse.get(
      `/api/v1/purchase-orders/${po.id}/receipts/${receipt.id}/print?lang=zh-CN`,
    );
    assert.equal(grn.status, 200, String(grn.body));
    const note = String(grn.body);
    for (const text of [
      '入库单',
      receipt.number,
      po.number,
      '已入库',
      '苏州精工&lt;img',
      '阀门&lt;script&gt;',
      'L-&lt;1&gt;',
      // valve: ordered 10, received 6 at 12.50 = 75.00; hose 5 at 20.00 = 100.00; total 11 units, 175.00.
      '<td class="n">10</td><td class="n">6</td>',
      '<td class="n">75.00</td>',
      '<td class="n">100.00</td>',
      '<td class="n">11</td>',
      'CNY 175.00',
      '壹佰柒拾伍元整',
    ])
      assert.ok(note.includes(text), `the GRN shows ${text}`);
    assert.ok(!/<script|<img/i.test(note));

    // The backorder receipt prints as expected goods (4 valves at 12.50 = 50.00).
    const back = validated.body.backorderId;
    const expected = String(
      (await warehouse.get(`/api/v1/purchase-orders/${po.id}/receipts/${back}/print?lang=en`)).body,
    );
    assert.ok(expected.includes('Goods receipt note') && expected.includes('Expected'));
    assert.ok(expected.includes('CNY 50.00'));

    // Another company, another order's receipt, a seller without the permission: refused.
    const other = await purchasingWorld(ctx.db);
    assert.equal((await other.purchaser.get(`/api/v1/purchase-orders/${po.id}/print`)).status, 404);
    assert.equal(
      (await other.purchaser.get(`/api/v1/purchase-orders/${po.id}/receipts/${receipt.id}/print`)).status,
      404,
    );
    const otherPo = (
      await w.purchaser.post('/api/v1/purchase-orders', {
        supplierId: s.id,
        lines: [{ productId: hose, qty: '1', unitPrice: '1' }],
      })
    ).body;
    assert.equal(
      (await w.purchaser.get(`/api/v1/purchase-orders/${otherPo.id}/receipts/${receipt.id}/print`)).status,
      404,
    );
    const seller = await signedIn(ctx.db, await w.company.user('sales'));
    assert.equal((await seller.get(`/api/v1/purchase-orders/${po.id}/print`)).status, 403);
    assert.equal((await w.purchaser.get(`/api/v1/purchase-orders/${po.id}/print?lang=fr`)).status, 400);
  });
});
