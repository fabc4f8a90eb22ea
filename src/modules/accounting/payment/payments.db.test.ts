import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { rows } from '../../../platform/db/tx.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { booksWorld, ok, postedInvoice } from '../invoice/fixtures.ts';

describeDb('payments: allocation, partial payment, overpayment credit, exchange difference', (ctx) => {
  test('one receipt pays one invoice in full and another in part; the rest is the customer’s credit', async () => {
    const w = await booksWorld(ctx.db);
    const customer = await w.customer();
    const bank = await w.account('bank');
    const a = await postedInvoice(w.finance, customer.id); // 113.00
    const b = await postedInvoice(w.finance, customer.id, {
      lines: [{ description: 'B', quantity: '2', unitPrice: '100', taxCode: 'VAT13-OUT' }],
    }); // 226.00
    const c = await postedInvoice(w.finance, customer.id, {
      lines: [{ description: 'C', quantity: '1', unitPrice: '50', taxCode: null }],
    }); // 50.00
    const tooMuch = await w.finance.post('/api/v1/payments', {
      direction: 'inbound',
      partnerId: customer.id,
      accountId: bank,
      amount: '500.00',
      allocations: [{ invoiceId: a.id, amount: '113.01' }],
    });
    assert.equal(tooMuch.status, 422);
    assert.equal(tooMuch.body.error.code, 'accounting.allocation_exceeds_residual');
    assert.equal(ok(await w.finance.get('/api/v1/payments')).items.length, 0, 'nothing kept');

    const pay = ok(
      await w.finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: customer.id,
        accountId: bank,
        amount: '300.00',
        reference: 'bank slip 778',
        allocations: [
          { invoiceId: a.id, amount: '113.00' },
          { invoiceId: b.id, amount: '126.00' },
        ],
      }),
      201,
    );
    assert.match(pay.number, /^RCV-\d{4}-000001$/);
    assert.deepEqual([pay.unallocated, pay.unallocatedCompany], ['61.00', '61.00']);
    const state = async (id: string) => {
      const inv = ok(await w.finance.get(`/api/v1/invoices/${id}`));
      return [inv.residual, inv.paymentState];
    };
    assert.deepEqual(await state(a.id), ['0.00', 'paid']);
    assert.deepEqual(await state(b.id), ['100.00', 'partial']);
    let bal = await w.balances();
    assert.deepEqual(
      [bal.get('bank'), bal.get('receivable'), bal.get('customer_advance')],
      ['300.00', '150.00', '-61.00'], // 389 invoiced − 239 settled; 61 owed back or to use
    );
    const summary = ok(await w.finance.get(`/api/v1/customers/${customer.id}/account-summary`));
    assert.deepEqual([summary.openReceivables, summary.unappliedPayments], ['89.00', '61.00']);
    assert.equal(summary.recentPayments[0].number, pay.number);

    // The credit is used later for invoice C (50.00) and 11.00 of B.
    const allocated = ok(
      await w.finance.post(`/api/v1/payments/${pay.id}/allocate`, {
        version: pay.version,
        allocations: [
          { invoiceId: c.id, amount: '50.00' },
          { invoiceId: b.id, amount: '11.00' },
        ],
      }),
    );
    assert.deepEqual([allocated.unallocated, allocated.allocations.length], ['0.00', 4]);
    assert.deepEqual(await state(c.id), ['0.00', 'paid']);
    assert.deepEqual(await state(b.id), ['89.00', 'partial']);
    bal = await w.balances();
    assert.deepEqual(
      [bal.get('bank'), bal.get('receivable'), bal.get('customer_advance') ?? '0.00'],
      ['300.00', '89.00', '0.00'],
    );
    const stale = await w.finance.post(`/api/v1/payments/${pay.id}/allocate`, {
      version: pay.version,
      allocations: [{ invoiceId: b.id, amount: '1.00' }],
    });
    assert.equal(stale.status, 409);

    await drainOutbox(ctx.db);
    const timeline = await rows<{ type: string; summary: string }>(
      ctx.db.orm,
      sql`select type, summary from crm_timeline_entry where company_id = ${w.company.id} and customer_id = ${customer.id}
           and type like 'payment.%'`,
    );
    assert.deepEqual(
      timeline.map((t) => t.type),
      ['payment.received'],
    );
    assert.match(timeline[0].summary, new RegExp(`Payment received ${pay.number}: CNY 300.00 for`));
  });

  test('a USD invoice paid at another rate books the exchange gain; a USD bill paid so books a loss', async () => {
    const w = await booksWorld(ctx.db);
    const customer = await w.customer({ currency: 'USD' });
    const bank = await w.account('bank');
    for (const [date, rate] of [
      ['2026-11-02', '7.1000'],
      ['2026-11-20', '7.2000'],
    ])
      ok(await w.admin.post('/api/v1/exchange-rates', { currency: 'USD', date, rate }), 201);
    const inv = await postedInvoice(w.finance, customer.id, {
      invoiceDate: '2026-11-05',
      lines: [{ description: 'Export goods', quantity: '10', unitPrice: '10', taxCode: 'VAT0-OUT' }],
    });
    assert.deepEqual(
      [inv.currency, inv.rate, inv.total, inv.totalCompany],
      ['USD', '7.1', '100.00', '710.00'],
    );
    const pay = ok(
      await w.finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: customer.id,
        paymentDate: '2026-11-21',
        accountId: bank,
        amount: '100.00',
        allocations: [{ invoiceId: inv.id, amount: '100.00' }],
      }),
      201,
    );
    assert.deepEqual([pay.currency, pay.rate, pay.amountCompany], ['USD', '7.2', '720.00']);
    assert.equal(pay.allocations[0].fxDifference, '10.00');
    const bill = ok(
      await w.finance.post('/api/v1/invoices', {
        kind: 'supplier_bill',
        partnerId: customer.id,
        invoiceDate: '2026-11-05',
        currency: 'USD',
        lines: [{ description: 'Parts', quantity: '5', unitPrice: '10', taxCode: null }],
      }),
      201,
    );
    const postedBill = ok(await w.finance.post(`/api/v1/invoices/${bill.id}/post`, {}));
    assert.match(postedBill.number, /^BILL-2026-000001$/);
    ok(
      await w.finance.post('/api/v1/payments', {
        direction: 'outbound',
        partnerId: customer.id,
        paymentDate: '2026-11-21',
        accountId: bank,
        amount: '50.00',
        allocations: [{ invoiceId: bill.id, amount: '50.00' }],
      }),
      201,
    );
    const bal = await w.balances();
    assert.deepEqual(
      [bal.get('bank'), bal.get('receivable'), bal.get('payable'), bal.get('grni')],
      ['360.00', '0.00', '0.00', '355.00'], // 720 in − 360 out; bill 50 × 7.10 on GRNI
    );
    assert.deepEqual([bal.get('fx_gain'), bal.get('fx_loss')], ['-10.00', '5.00']);
  });

  test('403 for a warehouse user, 404 for another company’s payment or bank account', async () => {
    const w = await booksWorld(ctx.db);
    const customer = await w.customer();
    const bank = await w.account('bank');
    const body = { direction: 'inbound', partnerId: customer.id, accountId: bank, amount: '10.00' };
    assert.equal((await w.warehouse.post('/api/v1/payments', body)).status, 403);
    const pay = ok(await w.finance.post('/api/v1/payments', body), 201);
    const stranger = await signedIn(ctx.db, (await newCompany(ctx.db)).admin);
    assert.equal((await stranger.get(`/api/v1/payments/${pay.id}`)).status, 404);
    const revenue = await w.account('revenue');
    const notBank = await w.finance.post('/api/v1/payments', { ...body, accountId: revenue });
    assert.equal(notBank.status, 422);
    assert.equal(notBank.body.error.code, 'accounting.payment_account_invalid');
  });
});
