import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { rows } from '../../../platform/db/tx.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { accountForRole } from '../../accounting/index.ts';
import { purchasingWorld } from '../fixtures.ts';

describeDb('supplier bills: the 3-way match', (ctx) => {
  test('a bill 10 % over the PO price with a 2 % tolerance is blocked; approved, it posts', async () => {
    const w = await purchasingWorld(ctx.db);
    await w.settings({ matchTolerancePct: '2' });
    const pump = await w.product();
    const s = await w.supplier();
    await w.price({ supplierId: s.id, productId: pump, price: '100' });

    // PO: 10 pumps at 100.00 + 13 % input VAT; all 10 received (Dr inventory 1000.00 / Cr GRNI 1000.00).
    const created = await w.purchaser.post('/api/v1/purchase-orders', {
      supplierId: s.id,
      lines: [{ productId: pump, qty: '10', taxCode: 'VAT13-IN' }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    let po = (
      await w.purchaser.post(`/api/v1/purchase-orders/${created.body.id}/confirm`, {
        version: created.body.version,
      })
    ).body;
    const warehouse = await signedIn(ctx.db, await w.company.user('warehouse'));
    const receipt = (await warehouse.get(`/api/v1/receipts/${po.receiptId}`)).body;
    assert.equal(
      (await warehouse.post(`/api/v1/receipts/${receipt.id}/validate`, { version: receipt.version })).status,
      200,
    );
    await drainOutbox(ctx.db);
    po = (await w.purchaser.get(`/api/v1/purchase-orders/${po.id}`)).body;
    assert.equal(po.state, 'received');

    // The supplier bills 110.00 a pump: 10 % over the PO price → blocked.
    const bill = await w.purchaser.post(`/api/v1/purchase-orders/${po.id}/bill`, {
      reference: 'INV-77',
      lines: [{ orderLineId: po.lines[0].id, qty: '10', unitPrice: '110' }],
    });
    assert.equal(bill.status, 201, JSON.stringify(bill.body));
    assert.equal(bill.body.state, 'match_blocked');
    assert.deepEqual(
      [bill.body.lines[0].orderPrice, bill.body.lines[0].qtyBillable, bill.body.lines[0].priceDiffPct],
      ['100.0000', '10.0000', '10.0000'],
    );
    assert.equal(bill.body.lines[0].withinTolerance, false);
    assert.deepEqual([bill.body.subtotal, bill.body.total], ['1100.00', '1243.00']);

    const refused = await w.purchaser.post(`/api/v1/supplier-bills/${bill.body.id}/post`, {
      version: bill.body.version,
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'purchasing.match_blocked');

    // A warehouse clerk may not release it; the admin does, with a reason.
    const clerk = await warehouse.post(`/api/v1/supplier-bills/${bill.body.id}/approve-variance`, {
      version: bill.body.version,
      reason: 'price rise agreed',
    });
    assert.equal(clerk.status, 403);
    const approved = await w.admin.post(`/api/v1/supplier-bills/${bill.body.id}/approve-variance`, {
      version: bill.body.version,
      reason: 'copper surcharge agreed by phone',
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.state, 'variance_approved');

    const posted = await w.purchaser.post(`/api/v1/supplier-bills/${bill.body.id}/post`, {
      version: approved.body.version,
    });
    assert.equal(posted.status, 200, JSON.stringify(posted.body));
    assert.equal(posted.body.state, 'posted');
    assert.match(posted.body.invoiceNumber, /^BILL-\d{4}-\d{6}$/);

    // The entry: Dr GRNI 1100.00, Dr input VAT 143.00, Cr payable 1243.00.
    const role = (r: Parameters<typeof accountForRole>[2]) => accountForRole(ctx.db.orm, w.company.id, r);
    const [grni, vat, payable] = [await role('grni'), await role('input_vat'), await role('payable')];
    const lines = await rows<{ account_id: string; debit: string; credit: string }>(
      ctx.db.orm,
      sql`select l.account_id, l.debit::text as debit, l.credit::text as credit
            from accounting_invoice i
            join accounting_entry_line l on l.company_id = i.company_id and l.entry_id = i.entry_id
           where i.company_id = ${w.company.id} and i.id = ${posted.body.invoiceId}
           order by l.debit desc, l.credit desc`,
    );
    assert.deepEqual(
      lines.map((l) => [l.account_id, l.debit, l.credit]),
      [
        [grni, '1100.00', '0.00'],
        [vat, '143.00', '0.00'],
        [payable, '0.00', '1243.00'],
      ],
    );
    po = (await w.purchaser.get(`/api/v1/purchase-orders/${po.id}`)).body;
    assert.deepEqual([po.state, po.lines[0].qtyBilled], ['billed', '10.0000']);

    // Nothing is left to bill; another company's bill is not found.
    const again = await w.purchaser.post(`/api/v1/purchase-orders/${po.id}/bill`, {});
    assert.equal(again.status, 422);
    const other = await purchasingWorld(ctx.db);
    assert.equal((await other.purchaser.get(`/api/v1/supplier-bills/${bill.body.id}`)).status, 404);
  });

  test('a bill within the tolerance posts at once', async () => {
    const w = await purchasingWorld(ctx.db);
    const pump = await w.product();
    const s = await w.supplier();
    const created = (
      await w.purchaser.post('/api/v1/purchase-orders', {
        supplierId: s.id,
        lines: [{ productId: pump, qty: '4', unitPrice: '50' }],
      })
    ).body;
    const po = (
      await w.purchaser.post(`/api/v1/purchase-orders/${created.id}/confirm`, { version: created.version })
    ).body;
    const receipt = (await w.admin.get(`/api/v1/receipts/${po.receiptId}`)).body;
    await w.admin.post(`/api/v1/receipts/${receipt.id}/validate`, { version: receipt.version });
    await drainOutbox(ctx.db);
    const bill = await w.purchaser.post(`/api/v1/purchase-orders/${po.id}/bill`, {
      lines: [{ orderLineId: po.lines[0].id, qty: '4', unitPrice: '50.90' }],
    });
    assert.equal(bill.body.state, 'matched');
    assert.equal(bill.body.lines[0].priceDiffPct, '1.8000');
    const posted = await w.purchaser.post(`/api/v1/supplier-bills/${bill.body.id}/post`, {
      version: bill.body.version,
    });
    assert.equal(posted.status, 200, JSON.stringify(posted.body));
  });
});
