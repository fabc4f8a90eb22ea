import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import { describeDb } from '../../../../test/kit/index.ts';
import { booksWorld, ok, postedInvoice } from '../invoice/fixtures.ts';
import { dayBefore } from '../report/balances.ts';
import { accountingSettings } from '../settings.ts';

describeDb('tax report: VAT by rate, reconciled with the VAT accounts', (ctx) => {
  test('output and input VAT per rate, credit notes and a later cancellation negative, payable to the cent', async () => {
    const w = await booksWorld(ctx.db);
    const { today } = await accountingSettings(ctx.db.orm, w.company.id);
    const monthStart = `${today.slice(0, 8)}01`;
    const lastMonth = dayBefore(monthStart);
    const customer = await w.customer();
    const usd = await w.customer({ currency: 'USD' });
    ok(
      await w.admin.post('/api/v1/exchange-rates', { currency: 'USD', date: monthStart, rate: '7.1000' }),
      201,
    );

    // Invoice A: 3 × 33.33 = 99.99 at 13 % → 13.00 (12.9987 rounded); 200 at 9 % → 18.00;
    // 1,000 at 6 % → 60.00; 500 export at 0 %; 80 exempt.
    const a = await postedInvoice(w.finance, customer.id, {
      invoiceDate: today,
      lines: [
        { description: 'Goods', quantity: '3', unitPrice: '33.33', taxCode: 'VAT13-OUT' },
        { description: 'Freight', quantity: '1', unitPrice: '200', taxCode: 'VAT9-OUT' },
        { description: 'Service', quantity: '1', unitPrice: '1000', taxCode: 'VAT6-OUT' },
        { description: 'Export', quantity: '1', unitPrice: '500', taxCode: 'VAT0-OUT' },
        { description: 'Exempt', quantity: '1', unitPrice: '80', taxCode: 'EXEMPT-OUT' },
      ],
    });
    assert.deepEqual([a.untaxed, a.tax], ['1879.99', '91.00']);
    // Credit note for one of the three goods: −33.33 and −4.33 (4.3329).
    const goodsLine = a.lines.find((l: { description: string }) => l.description === 'Goods').id;
    const credit = ok(
      await w.finance.post(`/api/v1/invoices/${a.id}/credit-note`, {
        reason: 'one broken',
        lines: [{ invoiceLineId: goodsLine, quantity: '1' }],
        post: true,
      }),
      201,
    );
    assert.deepEqual([credit.untaxed, credit.tax], ['33.33', '4.33']);
    // Invoice B was posted last month (10.00 + 1.30) and is cancelled now: this month it counts negative.
    const b = await postedInvoice(w.finance, customer.id, {
      invoiceDate: lastMonth,
      lines: [{ description: 'Sample', quantity: '1', unitPrice: '10', taxCode: 'VAT13-OUT' }],
    });
    ok(await w.finance.post(`/api/v1/invoices/${b.id}/cancel`, { reason: 'wrong customer' }));
    // A USD invoice: 100 USD at 7.10 → 710.00, tax 13 USD → 92.30 in company currency.
    const c = await postedInvoice(w.finance, usd.id, {
      invoiceDate: today,
      lines: [{ description: 'Export goods', quantity: '1', unitPrice: '100', taxCode: 'VAT13-OUT' }],
    });
    assert.deepEqual([c.untaxedCompany, c.taxCompany], ['710.00', '92.30']);
    // A bill: 10 × 45.50 at 13 % → 455.00 + 59.15; 300 at 6 % → 18.00; 50 without a tax code.
    const bill = ok(
      await w.finance.post('/api/v1/invoices', {
        kind: 'supplier_bill',
        partnerId: customer.id,
        invoiceDate: today,
        lines: [
          { description: 'Material', quantity: '10', unitPrice: '45.50', taxCode: 'VAT13-IN' },
          { description: 'Consulting', quantity: '1', unitPrice: '300', taxCode: 'VAT6-IN' },
          { description: 'Stamps', quantity: '1', unitPrice: '50', taxCode: null },
        ],
      }),
      201,
    );
    ok(await w.finance.post(`/api/v1/invoices/${bill.id}/post`, {}));
    // A draft counts nowhere.
    await w.finance.post('/api/v1/invoices', {
      kind: 'customer_invoice',
      partnerId: customer.id,
      lines: [{ description: 'Draft', quantity: '1', unitPrice: '999', taxCode: 'VAT13-OUT' }],
    });

    const report = ok(await w.finance.get(`/api/v1/reports/tax?from=${monthStart}&to=${today}`));
    assert.deepEqual(
      report.output.map((r: { rate: string; base: string; tax: string }) => [r.rate, r.base, r.tax]),
      [
        ['13', '766.66', '99.67'], // 99.99 − 33.33 − 10.00 + 710.00; 13.00 − 4.33 − 1.30 + 92.30
        ['9', '200.00', '18.00'],
        ['6', '1000.00', '60.00'],
        ['0', '500.00', '0.00'],
        ['exempt', '80.00', '0.00'],
      ],
    );
    assert.deepEqual(
      report.input.map((r: { rate: string; base: string; tax: string }) => [r.rate, r.base, r.tax]),
      [
        ['13', '455.00', '59.15'],
        ['6', '300.00', '18.00'],
        ['none', '50.00', '0.00'],
      ],
    );
    assert.deepEqual(
      [report.outputBase, report.outputTax, report.inputBase, report.inputTax, report.payable],
      ['2546.66', '177.67', '805.00', '77.15', '100.52'],
    );

    // The same range in the trial balance: the VAT accounts moved by exactly these amounts.
    const tb = ok(await w.finance.get(`/api/v1/reports/trial-balance?from=${monthStart}&to=${today}`));
    const row = async (role: 'output_vat' | 'input_vat') => {
      const id = await w.account(role);
      return tb.rows.find((r: { accountId: string }) => r.accountId === id);
    };
    const out = await row('output_vat');
    const inp = await row('input_vat');
    assert.equal(new Decimal(out.periodCredit).minus(out.periodDebit).toFixed(2), report.outputTax);
    assert.equal(new Decimal(inp.periodDebit).minus(inp.periodCredit).toFixed(2), report.inputTax);

    const previous = ok(await w.finance.get(`/api/v1/reports/tax?from=${lastMonth}&to=${lastMonth}`));
    assert.deepEqual(previous.output, [{ rate: '13', base: '10.00', tax: '1.30' }]);
    assert.equal(previous.payable, '1.30');

    const csv = await w.finance.get(`/api/v1/reports/tax?from=${monthStart}&to=${today}&format=csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.raw.body, /Taxable base/);
    assert.match(csv.raw.body, /VAT payable,,,100\.52/);
    assert.equal((await w.warehouse.get(`/api/v1/reports/tax?from=${monthStart}&to=${today}`)).status, 403);
    const backwards = await w.finance.get(`/api/v1/reports/tax?from=${today}&to=${lastMonth}`);
    assert.equal(backwards.status, 422);
  });
});
