import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, signedIn } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows } from '../../../platform/db/tx.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { accountForRole } from '../../accounting/index.ts';
import { purchasingWorld } from '../fixtures.ts';

type World = Awaited<ReturnType<typeof purchasingWorld>>;

/** A confirmed PO received in the given steps (per step: product → qty and lot). */
async function receivedOrder(
  db: Db,
  w: World,
  warehouse: Client,
  supplierId: string,
  lines: Array<{ productId: string; qty: string; unitPrice: string }>,
  steps: Array<Record<string, { qty: string; lotNo?: string }>>,
) {
  const created = await w.purchaser.post('/api/v1/purchase-orders', { supplierId, lines });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const po = (
    await w.purchaser.post(`/api/v1/purchase-orders/${created.body.id}/confirm`, {
      version: created.body.version,
    })
  ).body;
  let receiptId: string | null = po.receiptId;
  for (const step of steps) {
    const receipt = (await warehouse.get(`/api/v1/receipts/${receiptId}`)).body;
    const done = await warehouse.post(`/api/v1/receipts/${receiptId}/validate`, {
      version: receipt.version,
      lines: receipt.lines
        .filter((l: any) => step[l.productId])
        .map((l: any) => ({ lineId: l.id, ...step[l.productId] })),
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    receiptId = done.body.backorderId;
  }
  await drainOutbox(db);
  return (await w.purchaser.get(`/api/v1/purchase-orders/${po.id}`)).body;
}

describeDb('returns to supplier', (ctx) => {
  test('goods leave at the average cost; GRNI is debited at the receipt cost, the difference to adjustment', async () => {
    const w = await purchasingWorld(ctx.db);
    const warehouse = await signedIn(ctx.db, await w.company.user('warehouse'));
    const pipe = await w.product();
    const seal = await w.product({ lotTracked: true });
    const s = await w.supplier();
    // PO 1: 10 pipes at 12.00 and 10 seals at 2.00 (5 in lot A, then 5 in lot B). PO 2: 10 pipes at 15.00.
    const po1 = await receivedOrder(
      ctx.db,
      w,
      warehouse,
      s.id,
      [
        { productId: pipe, qty: '10', unitPrice: '12' },
        { productId: seal, qty: '10', unitPrice: '2' },
      ],
      [{ [pipe]: { qty: '10' }, [seal]: { qty: '5', lotNo: 'A' } }, { [seal]: { qty: '5', lotNo: 'B' } }],
    );
    assert.equal(po1.state, 'received');
    await receivedOrder(
      ctx.db,
      w,
      warehouse,
      s.id,
      [{ productId: pipe, qty: '10', unitPrice: '15' }],
      [{ [pipe]: { qty: '10' } }],
    );
    // Pipes: 20 on hand worth 120.00 + 150.00 = 270.00, average 13.50.
    const pipeLine = po1.lines.find((l: any) => l.productId === pipe);
    const sealLine = po1.lines.find((l: any) => l.productId === seal);

    const clerk = await signedIn(ctx.db, await w.company.user('sales'));
    const body = {
      version: po1.version,
      reason: 'leaking threads',
      lines: [
        { lineId: pipeLine.id, qty: '4' },
        { lineId: sealLine.id, qty: '3', lotNo: 'B' },
      ],
    };
    assert.equal((await clerk.post(`/api/v1/purchase-orders/${po1.id}/return`, body)).status, 403);
    const res = await w.purchaser.post(`/api/v1/purchase-orders/${po1.id}/return`, body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.body.return.number, /^RS-\d{4}-\d{5}$/);
    // 4 pipes × 13.50 = 54.00 + 3 seals × 2.00 = 6.00 left the stock.
    assert.equal(res.body.return.value, '60.00');
    assert.equal(res.body.state, 'received');
    assert.deepEqual(
      res.body.lines.map((l: any) => [l.qtyReceived, l.qtyReturned]),
      [
        ['10.0000', '4.0000'],
        ['10.0000', '3.0000'],
      ],
    );

    // Stock: 16 pipes worth 216.00 (average still 13.50); seals: lot A 5, lot B 2, worth 14.00.
    const stock = await rows<{ product_id: string; lot_no: string | null; on_hand: string }>(
      ctx.db.orm,
      sql`select b.product_id, lot.lot_no, sum(b.on_hand)::text as on_hand from inventory_balance b
            left join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
           where b.company_id = ${w.company.id} group by b.product_id, lot.lot_no
           order by b.product_id, lot.lot_no`,
    );
    assert.deepEqual(
      stock.map((r) => [r.product_id, r.lot_no, r.on_hand]),
      [
        [pipe, null, '16.0000'],
        [seal, 'A', '5.0000'],
        [seal, 'B', '2.0000'],
      ].sort((a, b) => (String(a[0]) === String(b[0]) ? 0 : String(a[0]) < String(b[0]) ? -1 : 1)),
    );
    const cost = await rows<{ product_id: string; qty: string; value: string }>(
      ctx.db.orm,
      sql`select product_id, qty::text as qty, value::text as value from inventory_cost
           where company_id = ${w.company.id} and product_id in (${pipe}, ${seal}) order by value desc`,
    );
    assert.deepEqual(
      cost.map((c) => [c.product_id, c.qty, c.value]),
      [
        [pipe, '16.0000', '216.00'],
        [seal, '7.0000', '14.00'],
      ],
    );

    // The entry: Dr GRNI 48.00 + 6.00 (the receipt cost), Dr adjustment 6.00 (13.50 − 12.00 on 4), Cr inventory 60.00.
    const role = (r: Parameters<typeof accountForRole>[2]) => accountForRole(ctx.db.orm, w.company.id, r);
    const [grni, inventory, adjustment] = [
      await role('grni'),
      await role('inventory'),
      await role('inventory_adjustment'),
    ];
    const entry = await rows<{ account_id: string; debit: string; credit: string }>(
      ctx.db.orm,
      sql`select l.account_id, sum(l.debit)::text as debit, sum(l.credit)::text as credit
            from accounting_entry e
            join accounting_entry_line l on l.company_id = e.company_id and l.entry_id = e.id
           where e.company_id = ${w.company.id} and e.source_type = 'inventory.picking' and e.source_id = ${res.body.return.id}
           group by l.account_id order by sum(l.debit) desc, sum(l.credit) desc`,
    );
    assert.deepEqual(
      entry.map((l) => [l.account_id, l.debit, l.credit]),
      [
        [grni, '54.00', '0.00'],
        [adjustment, '6.00', '0.00'],
        [inventory, '0.00', '60.00'],
      ],
    );

    // At most received − returned: 6 pipes and 7 seals are left to return; lot B holds only 2.
    const after = res.body;
    const tooMany = await w.purchaser.post(`/api/v1/purchase-orders/${po1.id}/return`, {
      version: after.version,
      reason: 'again',
      lines: [{ lineId: pipeLine.id, qty: '7' }],
    });
    assert.equal(tooMany.status, 422);
    assert.equal(tooMany.body.error.code, 'purchasing.return_exceeds_received');
    assert.equal(tooMany.body.error.details.returnable, '6.0000');
    const lotShort = await w.purchaser.post(`/api/v1/purchase-orders/${po1.id}/return`, {
      version: after.version,
      reason: 'again',
      lines: [{ lineId: sealLine.id, qty: '3', lotNo: 'B' }],
    });
    assert.equal(lotShort.status, 409);
    assert.equal(lotShort.body.error.code, 'inventory.insufficient_stock');
    const stale = await w.purchaser.post(`/api/v1/purchase-orders/${po1.id}/return`, {
      ...body,
      version: po1.version,
    });
    assert.equal(stale.status, 409);

    // The bill then covers what stayed: 6 pipes and 7 seals.
    const bill = await w.purchaser.post(`/api/v1/purchase-orders/${po1.id}/bill`, {});
    assert.equal(bill.status, 201, JSON.stringify(bill.body));
    assert.deepEqual(
      bill.body.lines.map((l: any) => l.qty),
      ['6.0000', '7.0000'],
    );

    const other = await purchasingWorld(ctx.db);
    const foreign = await other.purchaser.post(`/api/v1/purchase-orders/${po1.id}/return`, {
      ...body,
      version: after.version,
    });
    assert.equal(foreign.status, 404);
  });
});
