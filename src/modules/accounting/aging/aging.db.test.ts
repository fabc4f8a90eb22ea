import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { booksWorld, ok, postedInvoice } from '../invoice/fixtures.ts';

const ASOF = '2026-12-31';

describeDb('AR / AP aging and the customer statement', (ctx) => {
  test('open items land in the bucket of their days past due on the chosen day', async () => {
    const w = await booksWorld(ctx.db);
    const acme = await w.customer({ name: `Acme ${Date.now()}` });
    const zeta = await w.customer({ name: `Zeta ${Date.now()}` });
    const bank = await w.account('bank');
    const invoice = (partnerId: string, invoiceDate: string, dueDate: string, amount: string) =>
      postedInvoice(w.finance, partnerId, {
        invoiceDate,
        dueDate,
        lines: [{ description: `due ${dueDate}`, quantity: '1', unitPrice: amount, taxCode: null }],
      });
    // Days past due on 2026-12-31 in brackets.
    await invoice(acme.id, '2026-12-20', '2027-01-10', '100'); // not due yet → current
    await invoice(acme.id, '2026-12-01', '2026-12-31', '200'); // (0) → current
    await invoice(acme.id, '2026-12-01', '2026-12-30', '10'); // (1) → 1–30
    await invoice(acme.id, '2026-11-01', '2026-12-01', '20'); // (30) → 1–30
    await invoice(acme.id, '2026-11-01', '2026-11-30', '1000'); // (31) → 31–60
    const partly = await invoice(acme.id, '2026-10-01', '2026-11-01', '2000'); // (60) → 31–60
    await invoice(acme.id, '2026-10-01', '2026-10-31', '3'); // (61) → 61–90
    await invoice(acme.id, '2026-09-01', '2026-10-02', '4'); // (90) → 61–90
    const oldest = await invoice(acme.id, '2026-09-01', '2026-10-01', '5000'); // (91) → over 90
    await invoice(zeta.id, '2026-12-01', '2026-12-15', '70'); // (16) → 1–30
    const pay = (invoiceId: string, paymentDate: string, amount: string, allocations = true) =>
      w.finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: acme.id,
        accountId: bank,
        paymentDate,
        amount,
        allocations: allocations ? [{ invoiceId, amount }] : [],
      });
    ok(await pay(partly.id, '2026-12-15', '500.00'), 201); // before the day: 1500 left
    ok(await pay(oldest.id, '2027-01-05', '5000.00'), 201); // after the day: still open then
    ok(await pay('', '2026-12-20', '40.00', false), 201); // unapplied credit

    const report = ok(await w.finance.get(`/api/v1/reports/ar-aging?asOf=${ASOF}`));
    assert.equal(report.currency, 'CNY');
    const row = (id: string) => report.items.find((r: any) => r.partnerId === id);
    const buckets = (r: any) => [
      r.current,
      r.days1to30,
      r.days31to60,
      r.days61to90,
      r.over90,
      r.unapplied,
      r.total,
    ];
    assert.deepEqual(buckets(row(acme.id)), [
      '300.00',
      '30.00',
      '2500.00',
      '7.00',
      '5000.00',
      '40.00',
      '7797.00',
    ]);
    assert.deepEqual(buckets(row(zeta.id)), ['0.00', '70.00', '0.00', '0.00', '0.00', '0.00', '70.00']);
    assert.deepEqual(buckets(report.totals), [
      '300.00',
      '100.00',
      '2500.00',
      '7.00',
      '5000.00',
      '40.00',
      '7867.00',
    ]);

    // The same report as a spreadsheet: one row per customer and the totals row, the figures as above.
    const csv = await w.finance.get(`/api/v1/reports/ar-aging?asOf=${ASOF}&format=csv`);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.raw.body, /Partner.*Current.*Over 90/);
    assert.match(csv.raw.body, /Total.*7867(\.00)?/);

    const one = ok(await w.finance.get(`/api/v1/reports/ar-aging?asOf=${ASOF}&partnerId=${zeta.id}`));
    assert.deepEqual(
      one.items.map((r: any) => r.partnerId),
      [zeta.id],
    );
    // On an earlier day, later invoices do not exist yet and the December payment has not come.
    const earlier = ok(await w.finance.get(`/api/v1/reports/ar-aging?asOf=2026-11-15&partnerId=${acme.id}`));
    assert.deepEqual(buckets(earlier.items[0]), [
      '1020.00',
      '2003.00',
      '5004.00',
      '0.00',
      '0.00',
      '0.00',
      '8027.00',
    ]);
    const ap = ok(await w.finance.get(`/api/v1/reports/ap-aging?asOf=${ASOF}`));
    assert.deepEqual(ap.items, []);

    const seller = await signedIn(ctx.db, await w.company.user('sales'));
    assert.equal((await seller.get('/api/v1/reports/ar-aging')).status, 403);

    const statement = ok(
      await w.finance.get(
        `/api/v1/reports/customer-statement?customerId=${acme.id}&from=2026-12-01&to=2026-12-31`,
      ),
    );
    // Before December: the invoices of September to November (1000 + 2000 + 3 + 4 + 5000 + 20).
    assert.equal(statement.openingBalance, '8027.00');
    // December: 100 + 200 + 10 invoiced, 500 and 40 received.
    assert.equal(statement.closingBalance, '7797.00');
    assert.equal(statement.items.length, 5);
  });
});
