import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one } from '../../../platform/db/tx.ts';
import { booksWorld, ok, postedInvoice } from '../invoice/fixtures.ts';

describeDb('bank statement import and matching', (ctx) => {
  test('imported lines get suggestions by reference or by partner and amount; a match records the payment', async () => {
    const w = await booksWorld(ctx.db);
    const bank = await w.account('bank');
    const code = (await one<{ code: string }>(
      ctx.db.orm,
      sql`select code from accounting_account where company_id = ${w.company.id} and id = ${bank}`,
    ))!.code;
    const lakeside = await w.customer({ name: '杭州湖畔工具有限公司' });
    const other = await w.customer();
    const a = await postedInvoice(w.finance, lakeside.id); // 113.00
    await postedInvoice(w.finance, lakeside.id, {
      lines: [{ description: 'Other', quantity: '1', unitPrice: '200', taxCode: 'VAT13-OUT' }],
    }); // 226.00 of the same partner: not the amount of line 1
    const b = await postedInvoice(w.finance, other.id, {
      lines: [{ description: 'B', quantity: '2', unitPrice: '100', taxCode: 'VAT13-OUT' }],
    }); // 226.00
    const out = ok(
      await w.finance.post('/api/v1/payments', {
        direction: 'outbound',
        partnerId: other.id,
        accountId: bank,
        amount: '50.00',
      }),
      201,
    );
    const csv = [
      'date,amount,counterparty,reference,account',
      `2026-12-01,113.00,杭州湖畔工具有限公司,货款,${code}`,
      `2026-12-02,"226.00",Unknown payer,payment for ${b.number.toLowerCase()},${code}`,
      `2026-12-03,-50.00,${other.name},,${code}`,
      '2026-12-04,10.00,Nobody,,9999',
      `2026-12-05,0,Nobody,,${code}`,
    ].join('\n');
    const upload = (client: typeof w.finance) =>
      client.request(
        'POST',
        '/api/v1/imports?entity=accounting.bank_statement_line&fileName=bank.csv',
        undefined,
        {
          raw: csv,
          contentType: 'text/csv',
        },
      );
    assert.equal((await upload(w.warehouse)).status, 403);
    const batch = ok(await upload(w.finance), 201);
    assert.deepEqual([batch.okRows, batch.errorRows], [3, 2]);

    assert.equal((await w.warehouse.get('/api/v1/bank-statement-lines')).status, 403);
    const open = ok(await w.finance.get('/api/v1/bank-statement-lines?state=unmatched')).items;
    assert.deepEqual(
      open.map((l: any) => [l.amount, l.suggestions.map((s: any) => [s.number, s.reason, s.allocate])]),
      [
        ['113.00', [[a.number, 'partner_and_amount', '113.00']]],
        ['226.00', [[b.number, 'reference', '226.00']]],
        ['-50.00', []],
      ],
    );

    const matched = ok(
      await w.finance.post(`/api/v1/bank-statement-lines/${open[0].id}/match`, {
        version: open[0].version,
        invoiceId: a.id,
      }),
    );
    assert.equal(matched.state, 'matched');
    assert.match(matched.paymentNumber, /^RCV-\d{4}-\d{6}$/);
    const pay = ok(await w.finance.get(`/api/v1/payments/${matched.paymentId}`));
    assert.deepEqual(
      [pay.partnerId, pay.paymentDate, pay.amount, pay.allocations[0].invoiceId],
      [lakeside.id, '2026-12-01', '113.00', a.id],
    );
    assert.equal(ok(await w.finance.get(`/api/v1/invoices/${a.id}`)).paymentState, 'paid');
    const twice = await w.finance.post(`/api/v1/bank-statement-lines/${open[0].id}/match`, {
      invoiceId: a.id,
    });
    assert.equal(twice.status, 409);

    // The outbound line is the payment recorded already; the 226.00 line cannot be that payment.
    const wrong = await w.finance.post(`/api/v1/bank-statement-lines/${open[1].id}/match`, {
      paymentId: out.id,
    });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.code, 'accounting.bank_line_mismatch');
    ok(await w.finance.post(`/api/v1/bank-statement-lines/${open[2].id}/match`, { paymentId: out.id }));
    const left = ok(await w.finance.get('/api/v1/bank-statement-lines?state=unmatched')).items;
    assert.deepEqual(
      left.map((l: any) => l.id),
      [open[1].id],
    );
    const both = await w.finance.post(`/api/v1/bank-statement-lines/${open[1].id}/match`, {
      invoiceId: b.id,
      paymentId: out.id,
    });
    assert.equal(both.status, 400);

    // Cancelling the payment opens its line again; undoing the import is refused while a line is matched.
    const undo = await w.finance.post(`/api/v1/imports/${batch.id}/undo`, { version: batch.version });
    assert.equal(undo.status, 409);
    ok(await w.finance.post(`/api/v1/payments/${matched.paymentId}/cancel`, { reason: 'matched wrongly' }));
    const again = ok(await w.finance.get('/api/v1/bank-statement-lines?state=unmatched')).items;
    assert.deepEqual(
      again.map((l: any) => l.id),
      [open[0].id, open[1].id],
    );
  });
});
