import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { addStock, makeCustomer, makeProduct, ok, salesWorld } from '../fixtures.ts';

function daysAgo(n: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

describeDb('overdue invoices block new orders (settings.sales.blockOverdueDays)', (ctx) => {
  test('off by default; on, an invoice open 40 days past due refuses the order with the figures; a manager approves it', async () => {
    const w = await salesWorld(ctx.db);
    const finance = await signedIn(ctx.db, await w.company.user('finance'));
    const product = await makeProduct(w.admin, { salePrice: '10', taxCode: null });
    await addStock(w.admin, w.warehouseId, product.id, '100');
    const customer = await makeCustomer(w.sales);
    // 1,130.00 invoiced 70 days ago, due 40 days ago, still open; 500.00 due 10 days ago.
    for (const [issued, due, price] of [
      [daysAgo(70), daysAgo(40), '1000'],
      [daysAgo(40), daysAgo(10), '500'],
    ]) {
      const draft = ok(
        await finance.post('/api/v1/invoices', {
          kind: 'customer_invoice',
          partnerId: customer.id,
          invoiceDate: issued,
          dueDate: due,
          lines: [
            {
              description: 'Old goods',
              quantity: '1',
              unitPrice: price,
              taxCode: price === '1000' ? 'VAT13-OUT' : null,
            },
          ],
        }),
        201,
      );
      ok(await finance.post(`/api/v1/invoices/${draft.id}/post`, { version: draft.version }));
    }
    const order = async () =>
      ok(
        await w.sales.post('/api/v1/sales-orders', {
          customerId: customer.id,
          lines: [{ productId: product.id, qty: '1' }],
        }),
        201,
      );

    const first = await order();
    ok(await w.sales.post(`/api/v1/sales-orders/${first.id}/confirm`, { version: first.version }));

    const settings = ok(await w.admin.get('/api/v1/company/settings'));
    const changed = ok(
      await w.admin.patch('/api/v1/company/settings/sales', {
        version: settings.version,
        values: { blockOverdueDays: 30 },
      }),
    );
    const sales = changed.sections.find((s: any) => s.section === 'sales');
    assert.equal(sales.values.blockOverdueDays, 30);

    const second = await order();
    const refused = await w.sales.post(`/api/v1/sales-orders/${second.id}/confirm`, {
      version: second.version,
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'sales.overdue_invoices');
    // Only the invoice more than 30 days past due counts: 1,000 + 13 % VAT.
    assert.deepEqual(refused.body.error.details, {
      days: 30,
      amount: '1130.00',
      invoices: 1,
      oldestDueDate: daysAgo(40),
    });
    const still = ok(await w.sales.get(`/api/v1/sales-orders/${second.id}`));
    assert.equal(still.state, 'draft', 'nothing changed on a refusal');

    const waiting = ok(
      await w.sales.post(`/api/v1/sales-orders/${second.id}/confirm`, {
        version: second.version,
        requestApproval: true,
        reason: 'They promised to pay on Friday',
      }),
    );
    assert.equal(waiting.state, 'awaiting_approval');
    const requests = ok(await w.manager.get('/api/v1/approval-requests?state=pending'));
    const request = requests.items.find((r: any) => r.subjectId === second.id);
    assert.ok(request, 'the manager sees the request');
    assert.match(request.summary, /1 invoice\(s\) of 1130\.00 more than 30 days overdue/);
    ok(await w.manager.post(`/api/v1/approval-requests/${request.id}/approve`, { version: request.version }));
    assert.equal(ok(await w.sales.get(`/api/v1/sales-orders/${second.id}`)).state, 'confirmed');

    // A tolerance of 45 days lets the next order through on its own.
    const now = ok(await w.admin.get('/api/v1/company/settings'));
    ok(
      await w.admin.patch('/api/v1/company/settings/sales', {
        version: now.version,
        values: { blockOverdueDays: 45 },
      }),
    );
    const third = await order();
    ok(await w.sales.post(`/api/v1/sales-orders/${third.id}/confirm`, { version: third.version }));
  });
});
