import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, signedIn } from '../../../../test/kit/index.ts';
import { one } from '../../../platform/db/tx.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { addStock, makeCustomer, makeProduct, ok, salesWorld } from '../../sales/fixtures.ts';
import { accountForRole } from '../index.ts';
import { sendCollectionReminders } from './remind-collections.ts';

function day(offset: number): string {
  const d = new Date(Date.now() + 8 * 3600_000); // the test company's zone: Asia/Shanghai
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

describeDb('collection plans (回款计划)', (ctx) => {
  test('a contract plan: receipts pay the earliest instalments; the owner is reminded once before and once after', async () => {
    const w = await salesWorld(ctx.db);
    const finance = await signedIn(ctx.db, await w.company.user('finance'));
    const customer = await makeCustomer(w.sales);
    const plan = ok(
      await w.sales.post('/api/v1/collection-plans', {
        customerId: customer.id,
        originType: 'contract',
        originNumber: 'HT-2026-018',
        lines: [
          { dueDate: day(-2), amount: '1000' },
          { dueDate: day(2), amount: '1000' },
          { dueDate: day(30), amount: '1000.50', note: 'final' },
        ],
      }),
      201,
    );
    assert.equal(plan.ownerUserId, w.salesUser.id, 'the customer’s owner chases it');
    assert.deepEqual([plan.total, plan.collected, plan.remaining], ['3000.50', '0.00', '3000.50']);
    assert.deepEqual(
      plan.lines.map((l: any) => l.status),
      ['overdue', 'due', 'due'],
    );

    const bank = await accountForRole(ctx.db.orm, w.company.id, 'bank');
    ok(
      await finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: customer.id,
        accountId: bank,
        amount: '1500.00',
      }),
      201,
    );
    const paid = ok(await w.sales.get(`/api/v1/collection-plans/${plan.id}`));
    assert.deepEqual(
      paid.lines.map((l: any) => [l.collected, l.remaining, l.status]),
      [
        ['1000.00', '0.00', 'collected'],
        ['500.00', '500.00', 'partly'],
        ['0.00', '1000.50', 'due'],
      ],
    );
    assert.equal(paid.nextDueDate, day(2));

    // The first instalment is covered: no overdue notice; the second is due within 3 days.
    assert.equal(await sendCollectionReminders(ctx.db), 1);
    assert.equal(await sendCollectionReminders(ctx.db), 0, 'once only');
    const notes = ok(await w.sales.get('/api/v1/notifications?limit=20')).items.filter((n: any) =>
      n.kind.startsWith('accounting.collection'),
    );
    assert.equal(notes.length, 1);
    assert.equal(notes[0].kind, 'accounting.collection.due');
    assert.match(notes[0].body, /500|1000\.00/);
    assert.equal(notes[0].link, `/accounting/collections/${plan.id}`);

    const due = ok(await w.sales.get(`/api/v1/collection-plans?customerId=${customer.id}&dueBy=${day(3)}`));
    assert.deepEqual(
      due.items.map((p: any) => p.id),
      [plan.id],
    );
    const notDue = ok(
      await w.sales.get(`/api/v1/collection-plans?customerId=${customer.id}&dueBy=${day(-3)}`),
    );
    assert.equal(notDue.items.length, 0, 'nothing was to be collected by then');

    const cancelled = ok(
      await w.sales.post(`/api/v1/collection-plans/${plan.id}/cancel`, {
        version: paid.version,
        reason: 'renegotiated',
      }),
    );
    assert.equal(cancelled.state, 'cancelled');
    const again = await w.sales.patch(`/api/v1/collection-plans/${plan.id}`, {
      version: cancelled.version,
      notes: 'x',
    });
    assert.equal(again.status, 422);
    assert.equal(again.body.error.code, 'accounting.plan_not_open');
  });

  test('a sales-order plan counts the payments on that order’s invoices only', async () => {
    const w = await salesWorld(ctx.db);
    const finance = await signedIn(ctx.db, await w.company.user('finance'));
    const product = await makeProduct(w.admin, { salePrice: '100', taxCode: null });
    await addStock(w.admin, w.warehouseId, product.id, '10');
    const customer = await makeCustomer(w.sales);
    const draft = ok(
      await w.sales.post('/api/v1/sales-orders', {
        customerId: customer.id,
        lines: [{ productId: product.id, qty: '5' }],
      }),
      201,
    );
    const order = ok(
      await w.sales.post(`/api/v1/sales-orders/${draft.id}/confirm`, { version: draft.version }),
    );
    const delivery = ok(await w.warehouse.get(`/api/v1/deliveries/${order.deliveries[0].id}`));
    ok(await w.warehouse.post(`/api/v1/deliveries/${delivery.id}/ship`, { version: delivery.version }));
    await drainOutbox(ctx.db);
    const invoice = ok(await finance.post(`/api/v1/sales-orders/${order.id}/invoice`, {}), 201);
    const plan = ok(
      await w.sales.post('/api/v1/collection-plans', {
        customerId: customer.id,
        originType: 'sales_order',
        originId: order.id,
        originNumber: order.number,
        lines: [
          { dueDate: day(10), amount: '300' },
          { dueDate: day(40), amount: '200' },
        ],
      }),
      201,
    );
    const bank = await accountForRole(ctx.db.orm, w.company.id, 'bank');
    // 100 on account (no invoice) does not count; 350 on the order's invoice does.
    ok(
      await finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: customer.id,
        accountId: bank,
        amount: '100.00',
      }),
      201,
    );
    ok(
      await finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: customer.id,
        accountId: bank,
        amount: '350.00',
        allocations: [{ invoiceId: invoice.id, amount: '350.00' }],
      }),
      201,
    );
    const now = ok(await w.sales.get(`/api/v1/collection-plans/${plan.id}`));
    assert.deepEqual([now.collected, now.remaining], ['350.00', '150.00']);
    assert.deepEqual(
      now.lines.map((l: any) => l.status),
      ['collected', 'partly'],
    );
  });

  test('refusals: bad input, other roles and other companies change nothing', async () => {
    const w = await salesWorld(ctx.db);
    const other = await salesWorld(ctx.db);
    const customer = await makeCustomer(w.sales);
    const count = async () =>
      Number(
        (await one<{ n: string }>(
          ctx.db.orm,
          sql`select count(*)::text as n from accounting_collection_plan where company_id = ${w.company.id}`,
        ))!.n,
      );
    for (const body of [
      { customerId: customer.id, lines: [] },
      { customerId: customer.id, lines: [{ dueDate: '2026-02-30', amount: '10' }] },
      { customerId: customer.id, lines: [{ dueDate: day(1), amount: '-10' }] },
      { customerId: customer.id, lines: [{ dueDate: day(1), amount: '10' }], surprise: 1 },
      { customerId: customer.id, originType: 'sales_order', lines: [{ dueDate: day(1), amount: '10' }] },
    ]) {
      const res = await w.sales.post('/api/v1/collection-plans', body);
      assert.ok([400, 422].includes(res.status), `${JSON.stringify(body)} → ${res.status}`);
      assert.ok(res.body.error.code);
    }
    assert.equal(
      (
        await w.warehouse.post('/api/v1/collection-plans', {
          customerId: customer.id,
          lines: [{ dueDate: day(1), amount: '10' }],
        })
      ).status,
      403,
    );
    const theirs = await makeCustomer(other.sales);
    assert.equal(
      (
        await w.sales.post('/api/v1/collection-plans', {
          customerId: theirs.id,
          lines: [{ dueDate: day(1), amount: '10' }],
        })
      ).status,
      404,
    );
    assert.equal(await count(), 0);
    const mine = ok(
      await w.sales.post('/api/v1/collection-plans', {
        customerId: customer.id,
        lines: [{ dueDate: day(1), amount: '10' }],
      }),
      201,
    );
    assert.equal((await other.sales.get(`/api/v1/collection-plans/${mine.id}`)).status, 404);
    assert.equal((await other.admin.get(`/api/v1/collection-plans/${mine.id}`)).status, 404);
  });
});
