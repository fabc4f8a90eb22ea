import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { booksWorld, ok } from '../invoice/fixtures.ts';

function day(offset: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

describeDb('credit profile: risk band and suggested limit from payment behaviour', (ctx) => {
  test('a customer paying a little late with most of its balance overdue is band C; finance accepts 15,000', async () => {
    const w = await booksWorld(ctx.db);
    const bank = await w.account('bank');
    const customer = await w.customer({ creditLimit: '5000.00' });
    const invoice = async (issued: number, due: number, amount: string) => {
      const draft = ok(
        await w.finance.post('/api/v1/invoices', {
          kind: 'customer_invoice',
          partnerId: customer.id,
          invoiceDate: day(issued),
          dueDate: day(due),
          lines: [{ description: 'Goods', quantity: '1', unitPrice: amount, taxCode: null }],
        }),
        201,
      );
      return ok(await w.finance.post(`/api/v1/invoices/${draft.id}/post`, { version: draft.version }));
    };
    const pay = async (inv: any, on: number) =>
      ok(
        await w.finance.post('/api/v1/payments', {
          direction: 'inbound',
          partnerId: customer.id,
          accountId: bank,
          paymentDate: day(on),
          amount: inv.total,
          allocations: [{ invoiceId: inv.id, amount: inv.total }],
        }),
        201,
      );

    const fresh = ok(await w.finance.get(`/api/v1/customers/${customer.id}/credit-profile`));
    assert.equal(fresh.band, 'new');
    assert.equal(fresh.suggestedLimit, null);

    // A: 10,000 due 170 days ago, paid 10 days late. B: 20,000 paid on its due date.
    // C: 30,000 due 10 days ago, open. D: 10,000 due in 10 days, open.
    await pay(await invoice(-200, -170, '10000'), -160);
    await pay(await invoice(-100, -70, '20000'), -70);
    await invoice(-40, -10, '30000');
    await invoice(-20, 10, '10000');

    const profile = ok(await w.finance.get(`/api/v1/customers/${customer.id}/credit-profile`));
    // Days late 10 × 10,000 / 30,000 = 3.3 → −3.3; overdue 30,000 / 40,000 = 75 % → −37.5;
    // score 59.2 → 59 → band C. Last 90 days 40,000 against 20,000 before: growing 100 %.
    // Monthly: (20,000 + 30,000 + 10,000) / 6 = 10,000; limit 10,000 × (30/30 + 0.5) = 15,000.
    assert.deepEqual(
      [profile.band, profile.score, profile.averageDaysLate, profile.overdueShare, profile.suggestedLimit],
      ['C', 59, 3.3, 75, '15000.00'],
    );
    assert.deepEqual(
      profile.reasons.map((r: any) => r.code),
      ['pays_late', 'overdue_share', 'orders_growing', 'monthly_volume'],
    );
    assert.equal(profile.creditLimit, '5000.00');

    const sales = await signedIn(ctx.db, await w.company.user('sales'));
    const version = ok(await w.admin.get(`/api/v1/customers/${customer.id}`)).version;
    assert.equal(
      (
        await sales.post(`/api/v1/customers/${customer.id}/credit-profile/accept`, {
          version,
          expected: '15000.00',
        })
      ).status,
      403,
    );
    const moved = await w.finance.post(`/api/v1/customers/${customer.id}/credit-profile/accept`, {
      version,
      expected: '16000.00',
    });
    assert.equal(moved.status, 422);
    assert.equal(moved.body.error.code, 'accounting.suggestion_changed');
    assert.equal(ok(await w.admin.get(`/api/v1/customers/${customer.id}`)).creditLimit, '5000.00');

    const accepted = ok(
      await w.finance.post(`/api/v1/customers/${customer.id}/credit-profile/accept`, {
        version,
        expected: '15000.00',
      }),
    );
    assert.equal(accepted.creditLimit, '15000.00');
    const after = ok(await w.admin.get(`/api/v1/customers/${customer.id}`));
    assert.equal(after.creditLimit, '15000.00');
    assert.equal(after.version, version + 1);
    const audit = ok(await w.admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${customer.id}`));
    const row = audit.items.find((a: any) => a.action === 'set_credit_limit');
    assert.ok(row, 'the change is audited');
    assert.match(row.reason, /band C, score 59/);

    const stale = await w.finance.post(`/api/v1/customers/${customer.id}/credit-profile/accept`, {
      version,
      expected: '15000.00',
    });
    assert.equal(stale.status, 409, 'a second click with the old version is stale');
  });

  test('another company’s customer is not found', async () => {
    const a = await booksWorld(ctx.db);
    const b = await booksWorld(ctx.db);
    const theirs = await b.customer();
    assert.equal((await a.finance.get(`/api/v1/customers/${theirs.id}/credit-profile`)).status, 404);
    const v = ok(await b.admin.get(`/api/v1/customers/${theirs.id}`)).version;
    assert.equal(
      (
        await a.finance.post(`/api/v1/customers/${theirs.id}/credit-profile/accept`, {
          version: v,
          expected: '0',
        })
      ).status,
      404,
    );
  });
});
