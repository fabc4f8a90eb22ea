import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one } from '../../../platform/db/tx.ts';
import { booksWorld, ok, postedInvoice } from '../invoice/fixtures.ts';

const line = (unitPrice: string, taxCode: string | null = null) => [
  { description: 'Goods', quantity: '1', unitPrice, taxCode },
];

describeDb('month-end revaluation of open foreign-currency items', (ctx) => {
  test('residuals at the month-end rate, gains and losses booked, reversed on the 1st; once per month', async () => {
    const w = await booksWorld(ctx.db);
    for (const [currency, date, rate] of [
      ['USD', '2026-03-02', '7.1000'],
      ['USD', '2026-03-31', '7.2500'],
      ['EUR', '2026-03-02', '7.8000'],
      ['EUR', '2026-03-31', '7.7000'],
    ])
      ok(await w.admin.post('/api/v1/exchange-rates', { currency, date, rate }), 201);
    const usd = await w.customer({ currency: 'USD' });
    const eur = await w.customer({ currency: 'EUR' });
    const cny = await w.customer();
    const bank = await w.account('bank');
    // INV1 1,000 USD at 7.10 = 7,100.00, 400 paid on 03-20 at 7.20: open 600 USD booked at 4,260.00.
    const inv1 = await postedInvoice(w.finance, usd.id, {
      invoiceDate: '2026-03-05',
      lines: line('1000', 'VAT0-OUT'),
    });
    const pay = {
      direction: 'inbound',
      partnerId: usd.id,
      accountId: bank,
      currency: 'USD',
      rate: '7.2',
    };
    ok(
      await w.finance.post('/api/v1/payments', {
        ...pay,
        paymentDate: '2026-03-20',
        amount: '400.00',
        allocations: [{ invoiceId: inv1.id, amount: '400.00' }],
      }),
      201,
    );
    // BILL1 500 USD at 7.10 = 3,550.00; INV2 333.33 EUR at 7.80 = 2,599.97 (2,599.974).
    const bill = ok(
      await w.finance.post('/api/v1/invoices', {
        kind: 'supplier_bill',
        partnerId: usd.id,
        invoiceDate: '2026-03-06',
        currency: 'USD',
        lines: line('500'),
      }),
      201,
    );
    ok(await w.finance.post(`/api/v1/invoices/${bill.id}/post`, {}));
    const inv2 = await postedInvoice(w.finance, eur.id, {
      invoiceDate: '2026-03-07',
      lines: line('333.33', 'VAT0-OUT'),
    });
    // INV3 200 USD at 7.10 = 1,420.00, paid in full on 04-03: still open on 03-31.
    const inv3 = await postedInvoice(w.finance, usd.id, {
      invoiceDate: '2026-03-08',
      lines: line('200', 'VAT0-OUT'),
    });
    ok(
      await w.finance.post('/api/v1/payments', {
        ...pay,
        rate: '7.25',
        paymentDate: '2026-04-03',
        amount: '200.00',
        allocations: [{ invoiceId: inv3.id, amount: '200.00' }],
      }),
      201,
    );
    // Not revalued: a CNY invoice, and a USD invoice dated after the month end.
    await postedInvoice(w.finance, cny.id, { invoiceDate: '2026-03-09', lines: line('100') });
    await postedInvoice(w.finance, usd.id, { invoiceDate: '2026-04-02', lines: line('50', 'VAT0-OUT') });

    assert.equal(
      (await w.warehouse.post('/api/v1/accounting/revaluations', { date: '2026-03-31' })).status,
      403,
    );
    const rev = ok(await w.finance.post('/api/v1/accounting/revaluations', { date: '2026-03-31' }));
    assert.deepEqual(rev.rates, { USD: '7.25', EUR: '7.7' });
    assert.deepEqual(
      rev.documents.map((d: any) => [d.number, d.residual, d.bookedCompany, d.revaluedCompany, d.difference]),
      [
        [inv1.number, '600.00', '4260.00', '4350.00', '90.00'], // 600 × 7.25; a claim worth more: gain
        [
          bill.number ?? (await w.finance.get(`/api/v1/invoices/${bill.id}`)).body.number,
          '500.00',
          '3550.00',
          '3625.00',
          '-75.00',
        ], // a debt worth more: loss
        [inv2.number, '333.33', '2599.97', '2566.64', '-33.33'], // 333.33 × 7.70 = 2,566.641
        [inv3.number, '200.00', '1420.00', '1450.00', '30.00'],
      ],
    );
    assert.deepEqual([rev.totalGain, rev.totalLoss], ['120.00', '108.33']);
    const entry = ok(await w.finance.get(`/api/v1/journal-entries/${rev.entryId}`));
    assert.equal(entry.date, '2026-03-31');
    assert.deepEqual(
      entry.lines.map((l: any) => [l.accountId, l.debit, l.credit]),
      [
        [await w.account('receivable'), '90.00', '0.00'],
        [await w.account('payable'), '0.00', '75.00'],
        [await w.account('receivable'), '0.00', '33.33'],
        [await w.account('receivable'), '30.00', '0.00'],
        [await w.account('fx_gain'), '0.00', '120.00'],
        [await w.account('fx_loss'), '108.33', '0.00'],
      ],
    );
    const reversal = ok(await w.finance.get(`/api/v1/journal-entries/${rev.reversalEntryId}`));
    assert.deepEqual([reversal.date, reversal.reversalOf], ['2026-04-01', rev.entryId]);

    // On 03-31 the ledger holds the open items at the month-end rate (4,350.00 + 2,566.64 + 1,450.00)
    // and the CNY invoice's 100.00.
    const march = ok(await w.finance.get('/api/v1/reports/trial-balance?from=2026-03-01&to=2026-03-31'));
    const tb = async (role: 'receivable' | 'payable' | 'fx_gain' | 'fx_loss') => {
      const id = await w.account(role);
      const r = march.rows.find((x: any) => x.accountId === id);
      return [r.closingDebit, r.closingCredit];
    };
    assert.deepEqual(await tb('receivable'), ['8466.64', '0.00']);
    assert.deepEqual(await tb('payable'), ['0.00', '3625.00']);
    assert.deepEqual(await tb('fx_gain'), ['0.00', '160.00']); // 40.00 realised on 03-20 (400 × 0.10) + 120.00
    assert.deepEqual(await tb('fx_loss'), ['108.33', '0.00']);

    // Once per month: another date of March answers the same revaluation and books nothing.
    const count = async () =>
      Number(
        (await one<{ n: number }>(
          ctx.db.orm,
          sql`select count(*)::int as n from accounting_entry where company_id = ${w.company.id}`,
        ))!.n,
      );
    const before = await count();
    const again = ok(await w.finance.post('/api/v1/accounting/revaluations', { date: '2026-03-15' }));
    assert.deepEqual([again.id, again.entryId, again.date], [rev.id, rev.entryId, '2026-03-31']);
    assert.equal(await count(), before);

    // A month with nothing foreign open is marked done without an entry.
    const jan = ok(await w.finance.post('/api/v1/accounting/revaluations', { date: '2026-01-31' }));
    assert.deepEqual([jan.entryId, jan.documents], [null, []]);
    const list = ok(await w.finance.get('/api/v1/accounting/revaluations?year=2026'));
    assert.deepEqual(
      list.items.map((r: any) => r.month),
      ['2026-03', '2026-01'],
    );
  });

  test('a closed month is refused and nothing is kept; a currency without a rate is refused', async () => {
    const w = await booksWorld(ctx.db);
    ok(
      await w.admin.post('/api/v1/exchange-rates', { currency: 'USD', date: '2026-05-04', rate: '7.0' }),
      201,
    );
    const usd = await w.customer({ currency: 'USD' });
    await postedInvoice(w.finance, usd.id, { invoiceDate: '2026-05-04', lines: line('10', 'VAT0-OUT') });
    const gbpRate = ok(
      await w.admin.post('/api/v1/exchange-rates', { currency: 'GBP', date: '2026-05-04', rate: '9.0' }),
      201,
    );
    const gbp = await w.customer({ currency: 'GBP' });
    await postedInvoice(w.finance, gbp.id, { invoiceDate: '2026-05-04', lines: line('10', 'VAT0-OUT') });
    const period = ok(await w.finance.get('/api/v1/fiscal-periods?date=2026-05-15')).items.find(
      (p: any) => p.startDate === '2026-05-01',
    );
    ok(await w.finance.post(`/api/v1/fiscal-periods/${period.id}/close`, { version: period.version }));
    const closed = await w.finance.post('/api/v1/accounting/revaluations', { date: '2026-05-31' });
    assert.equal(closed.status, 422, JSON.stringify(closed.body));
    assert.equal(closed.body.error.code, 'accounting.period_closed');
    const kept = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from accounting_revaluation where company_id = ${w.company.id}`,
    );
    assert.equal(Number(kept!.n), 0);
    // Without the GBP rate, June cannot be revalued: the open GBP invoice has no rate.
    assert.equal((await w.admin.delete(`/api/v1/exchange-rates/${gbpRate.id}`)).status, 204);
    const noRate = await w.finance.post('/api/v1/accounting/revaluations', { date: '2026-06-30' });
    assert.equal(noRate.status, 422, JSON.stringify(noRate.body));
    assert.equal(noRate.body.error.code, 'accounting.no_exchange_rate');
    const still = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from accounting_revaluation where company_id = ${w.company.id}`,
    );
    assert.equal(Number(still!.n), 0);
  });
});
