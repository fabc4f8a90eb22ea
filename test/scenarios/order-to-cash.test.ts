// Order to cash, as the people involved do it over HTTP, with every figure written out: the warehouse
// receives one product at two costs (moving average 23.00), sales sells 8 at 50.00 + 13 % VAT, the
// warehouse ships (cost of goods sold 8 × 23.00), finance invoices the delivery, takes a partial
// payment, credits one returned unit (红字发票), and invoices an export in USD paid at a better rate.
// After it all, the ledger's trial balance and balance sheet hold these amounts to the cent:
//
//   account            debit − credit   from
//   bank                     925.00     200.00 CNY + 100 USD × 7.25
//   receivable               195.50     452.00 − 200.00 − 56.50 (+ 710.00 − 710.00 for the USD invoice)
//   inventory                299.00     10 × 20 + 10 × 26 − 8 × 23 + 1 × 23
//   goods received (GRNI)   −460.00     the two receipts, no supplier bill yet
//   output VAT               −45.50     52.00 − 6.50
//   revenue                −1060.00     400.00 − 50.00 + 100 USD × 7.10
//   cost of goods sold       161.00     184.00 − 23.00
//   exchange gain            −15.00     100 USD × (7.25 − 7.10)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { accountForRole } from '../../src/modules/accounting/index.ts';
import { makeCustomer, makeProduct, ok, salesWorld } from '../../src/modules/sales/fixtures.ts';
import { rows } from '../../src/platform/db/tx.ts';
import { drainOutbox } from '../../src/platform/outbox/dispatcher.ts';
import { describeDb, signedIn } from '../kit/index.ts';

const FROM = '2020-01-01';
const TO = '2099-12-31';

describeDb('order to cash (scenario)', (ctx) => {
  test('receive at two costs → sell → ship → invoice → part payment → credit note → USD invoice paid at another rate', async () => {
    const w = await salesWorld(ctx.db);
    const finance = await signedIn(ctx.db, await w.company.user('finance'));
    const role = (r: Parameters<typeof accountForRole>[2]) => accountForRole(ctx.db.orm, w.company.id, r);
    const a = await makeProduct(w.admin, { salePrice: '50', taxCode: 'VAT13-OUT' });

    // 1. Two receipts: 10 at 20.00 and 10 at 26.00 → moving average 460.00 / 20 = 23.00.
    for (const unitCost of ['20', '26']) {
      const receipt = ok(
        await w.warehouse.post('/api/v1/receipts', {
          warehouseId: w.warehouseId,
          lines: [{ productId: a.id, qty: '10', unitCost }],
        }),
        201,
      );
      ok(await w.warehouse.post(`/api/v1/receipts/${receipt.id}/validate`, { version: receipt.version }));
    }

    // 2. Sales sells 8 at 50.00: 400.00 + 52.00 VAT = 452.00, confirmed and shipped in full.
    const customer = await makeCustomer(w.sales, { paymentTermCode: 'NET30' });
    const draft = ok(
      await w.sales.post('/api/v1/sales-orders', {
        customerId: customer.id,
        lines: [{ productId: a.id, qty: '8' }],
      }),
      201,
    );
    assert.deepEqual([draft.subtotal, draft.taxTotal, draft.total], ['400.00', '52.00', '452.00']);
    const order = ok(
      await w.sales.post(`/api/v1/sales-orders/${draft.id}/confirm`, { version: draft.version }),
    );
    const delivery = ok(await w.warehouse.get(`/api/v1/deliveries/${order.deliveries[0].id}`));
    const shipped = ok(
      await w.warehouse.post(`/api/v1/deliveries/${delivery.id}/ship`, { version: delivery.version }),
    );
    await drainOutbox(ctx.db);
    const moves = await rows<{ unit_cost: string; value: string }>(
      ctx.db.orm,
      sql`select unit_cost::text, value::text from inventory_move
           where company_id = ${w.company.id} and picking_id = ${delivery.id}`,
    );
    assert.deepEqual(moves, [{ unit_cost: '23.000000', value: '184.00' }]);

    // 3. Finance invoices what was delivered (the default policy): INV-…-000001, posted.
    const invoice = ok(await finance.post(`/api/v1/sales-orders/${order.id}/invoice`, {}), 201);
    assert.match(invoice.number, /^INV-\d{4}-000001$/);
    assert.deepEqual(
      [invoice.untaxed, invoice.tax, invoice.total, invoice.residual],
      ['400.00', '52.00', '452.00', '452.00'],
    );

    // 4. The customer pays 200.00 of it.
    const bank = await role('bank');
    const payment = ok(
      await finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: customer.id,
        accountId: bank,
        amount: '200.00',
        allocations: [{ invoiceId: invoice.id, amount: '200.00' }],
      }),
      201,
    );
    assert.equal(payment.unallocated, '0.00');

    // 5. One unit comes back (at the delivery's cost, 23.00) and is credited: 50.00 + 6.50 VAT.
    ok(
      await w.warehouse.post('/api/v1/returns', {
        deliveryId: delivery.id,
        lines: [{ deliveryLineId: shipped.lines[0].id, qty: '1', quality: 'ok' }],
        reason: 'wrong colour',
      }),
      201,
    );
    const credit = ok(
      await finance.post(`/api/v1/invoices/${invoice.id}/credit-note`, {
        reason: 'one unit returned',
        lines: [{ invoiceLineId: invoice.lines[0].id, quantity: '1' }],
        post: true,
      }),
      201,
    );
    assert.match(credit.number, /^RINV-\d{4}-000001$/);
    assert.deepEqual([credit.total, credit.residual], ['56.50', '0.00']);
    const settled = ok(await finance.get(`/api/v1/invoices/${invoice.id}`));
    assert.deepEqual([settled.residual, settled.paymentState], ['195.50', 'partial']); // 452 − 200 − 56.50

    // 6. An export in USD: 100.00 at 7.10 on 1 December, paid on 5 December at 7.25 → 15.00 gained.
    ok(
      await w.admin.post('/api/v1/exchange-rates', { currency: 'USD', date: '2026-12-01', rate: '7.10' }),
      201,
    );
    ok(
      await w.admin.post('/api/v1/exchange-rates', { currency: 'USD', date: '2026-12-05', rate: '7.25' }),
      201,
    );
    const buyer = await makeCustomer(w.sales, { currency: 'USD' });
    const usd = ok(
      await finance.post('/api/v1/invoices', {
        kind: 'customer_invoice',
        partnerId: buyer.id,
        invoiceDate: '2026-12-01',
        lines: [
          {
            productId: a.id,
            description: 'Export sample',
            quantity: '2',
            unitPrice: '50',
            taxCode: 'VAT0-OUT',
          },
        ],
      }),
      201,
    );
    const usdPosted = ok(await finance.post(`/api/v1/invoices/${usd.id}/post`, { version: usd.version }));
    assert.deepEqual([usdPosted.total, usdPosted.rate, usdPosted.totalCompany], ['100.00', '7.1', '710.00']);
    const usdPaid = ok(
      await finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: buyer.id,
        paymentDate: '2026-12-05',
        accountId: bank,
        amount: '100.00',
        allocations: [{ invoiceId: usd.id, amount: '100.00' }],
      }),
      201,
    );
    assert.deepEqual([usdPaid.amountCompany, usdPaid.allocations[0].fxDifference], ['725.00', '15.00']);

    // The trial balance: each account's closing balance, debit − credit.
    const tb = ok(await finance.get(`/api/v1/reports/trial-balance?from=${FROM}&to=${TO}`));
    const closing = async (r: Parameters<typeof accountForRole>[2]) => {
      const id = await role(r);
      const row = tb.rows.find((x: any) => x.accountId === id);
      return row ? new Decimal(row.closingDebit).minus(row.closingCredit).toFixed(2) : '0.00';
    };
    const figures: Record<string, string> = {};
    for (const r of [
      'bank',
      'receivable',
      'inventory',
      'grni',
      'output_vat',
      'revenue',
      'cogs',
      'fx_gain',
    ] as const)
      figures[r] = await closing(r);
    assert.deepEqual(figures, {
      bank: '925.00',
      receivable: '195.50',
      inventory: '299.00',
      grni: '-460.00',
      output_vat: '-45.50',
      revenue: '-1060.00',
      cogs: '161.00',
      fx_gain: '-15.00',
    });
    assert.equal(tb.totals.closingDebit, tb.totals.closingCredit, 'the trial balance balances');

    // The balance sheet: assets 925 + 195.50 + 299 = 1419.50 = liabilities 460 + 45.50 + profit 914.00.
    const bs = ok(await finance.get(`/api/v1/reports/balance-sheet?date=${TO}`));
    assert.deepEqual(
      [bs.totalAssets, bs.totalLiabilities, bs.unclosedProfit, bs.balanced],
      ['1419.50', '505.50', '914.00', true],
    );

    // The customer's account and timeline agree.
    const summary = ok(await finance.get(`/api/v1/customers/${customer.id}/account-summary`));
    assert.deepEqual([summary.openReceivables, summary.committedOrders], ['195.50', '0.00']);
    await drainOutbox(ctx.db);
    const timeline = await rows<{ type: string }>(
      ctx.db.orm,
      sql`select type from crm_timeline_entry where company_id = ${w.company.id} and customer_id = ${customer.id}
           and type in ('invoice.posted', 'payment.received', 'credit_note.posted') order by occurred_at, id`,
    );
    assert.deepEqual(
      timeline.map((t) => t.type),
      ['invoice.posted', 'payment.received', 'credit_note.posted'],
    );
  });
});
