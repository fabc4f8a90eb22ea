import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { booksWorld, ok, postedInvoice } from '../invoice/fixtures.ts';

describeDb('payment cancellation', (ctx) => {
  test('entries reversed and linked, allocations removed, invoices reopened; audited, event; twice is 409', async () => {
    const w = await booksWorld(ctx.db);
    const customer = await w.customer();
    const bank = await w.account('bank');
    const a = await postedInvoice(w.finance, customer.id); // 113.00
    const b = await postedInvoice(w.finance, customer.id, {
      lines: [{ description: 'B', quantity: '2', unitPrice: '100', taxCode: 'VAT13-OUT' }],
    }); // 226.00
    const pay = ok(
      await w.finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: customer.id,
        accountId: bank,
        amount: '300.00',
        allocations: [
          { invoiceId: a.id, amount: '113.00' },
          { invoiceId: b.id, amount: '126.00' },
        ],
      }),
      201,
    );
    // 50.00 of the 61.00 left is allocated later to B: a second entry of the payment.
    const allocated = ok(
      await w.finance.post(`/api/v1/payments/${pay.id}/allocate`, {
        allocations: [{ invoiceId: b.id, amount: '50.00' }],
      }),
    );
    const laterEntry = allocated.allocations.find((x: any) => x.entryId).entryId;
    const sales = await w.warehouse.post(`/api/v1/payments/${pay.id}/cancel`, { reason: 'bounced' });
    assert.equal(sales.status, 403);
    assert.equal(
      ok(await w.finance.get(`/api/v1/payments/${pay.id}`)).allocations.length,
      3,
      'nothing changed',
    );

    const cancelled = ok(
      await w.finance.post(`/api/v1/payments/${pay.id}/cancel`, {
        version: allocated.version,
        reason: 'cheque bounced',
      }),
    );
    assert.deepEqual(
      [cancelled.state, cancelled.allocations, cancelled.unallocated],
      ['cancelled', [], '0.00'],
    );
    const invoice = async (id: string) => {
      const inv = ok(await w.finance.get(`/api/v1/invoices/${id}`));
      return [inv.residual, inv.residualCompany, inv.paymentState];
    };
    assert.deepEqual(await invoice(a.id), ['113.00', '113.00', 'not_paid']);
    assert.deepEqual(await invoice(b.id), ['226.00', '226.00', 'not_paid']);
    const bal = await w.balances();
    assert.deepEqual(
      [bal.get('bank'), bal.get('receivable'), bal.get('customer_advance')],
      ['0.00', '339.00', '0.00'],
    );
    const reversals = await rows<{ reversal_of: string; memo: string }>(
      ctx.db.orm,
      sql`select reversal_of, memo from accounting_entry where company_id = ${w.company.id}
           and reversal_of in (${pay.entryId}::uuid, ${laterEntry}::uuid) and state = 'posted'`,
    );
    assert.deepEqual(reversals.map((r) => r.reversal_of).sort(), [pay.entryId, laterEntry].sort());
    assert.match(reversals[0].memo, /cheque bounced/);
    const audit = await one<{ reason: string }>(
      ctx.db.orm,
      sql`select reason from platform_audit_log where company_id = ${w.company.id} and entity = 'accounting.payment'
           and entity_id = ${pay.id} and action = 'cancel'`,
    );
    assert.equal(audit?.reason, 'cheque bounced');
    const event = await one<{ payload: any }>(
      ctx.db.orm,
      sql`select payload from platform_event where company_id = ${w.company.id} and type = 'payment.cancelled'`,
    );
    assert.deepEqual(
      [event?.payload.number, event?.payload.reversalEntryIds.length, event?.payload.invoices.length],
      [pay.number, 2, 2],
    );
    const summary = ok(await w.finance.get(`/api/v1/customers/${customer.id}/account-summary`));
    assert.deepEqual([summary.openReceivables, summary.unappliedPayments], ['339.00', '0.00']);

    const again = await w.finance.post(`/api/v1/payments/${pay.id}/cancel`, { reason: 'again' });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'accounting.payment_cancelled');
  });

  test('a payment of a closed month is reversed on the first day of the next open month', async () => {
    const w = await booksWorld(ctx.db);
    const customer = await w.customer();
    const inv = await postedInvoice(w.finance, customer.id, { invoiceDate: '2026-10-02' });
    const pay = ok(
      await w.finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: customer.id,
        paymentDate: '2026-10-05',
        accountId: await w.account('bank'),
        amount: '113.00',
        allocations: [{ invoiceId: inv.id, amount: '113.00' }],
      }),
      201,
    );
    const october = ok(await w.finance.get('/api/v1/fiscal-periods?date=2026-10-15')).items.find(
      (p: any) => p.startDate === '2026-10-01',
    );
    ok(await w.finance.post(`/api/v1/fiscal-periods/${october.id}/close`, { version: october.version }));
    const cancelled = ok(
      await w.finance.post(`/api/v1/payments/${pay.id}/cancel`, { reason: 'duplicate', date: '2026-10-20' }),
    );
    assert.equal(cancelled.state, 'cancelled');
    const reversal = await one<{ date: string }>(
      ctx.db.orm,
      sql`select entry_date::text as date from accounting_entry where company_id = ${w.company.id}
           and reversal_of = ${pay.entryId}`,
    );
    assert.equal(reversal?.date, '2026-11-01');
    assert.deepEqual((await w.finance.get(`/api/v1/invoices/${inv.id}`)).body.paymentState, 'not_paid');
  });
});
