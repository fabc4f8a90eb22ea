import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { seedDemo } from '../../../platform/demo/seed.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { makeCustomer, makeProduct, ok, salesWorld } from '../fixtures.ts';
import { expireQuotes } from '../jobs/expire-quotes.ts';

describeDb('sales quotes', (ctx) => {
  test('revise keeps the number, bumps the revision, supersedes the old one; only drafts are edited', async () => {
    const w = await salesWorld(ctx.db);
    const p = await makeProduct(w.admin, { salePrice: '12.5' });
    const customer = await makeCustomer(w.sales);
    const q1 = ok(
      await w.sales.post('/api/v1/quotes', {
        customerId: customer.id,
        lines: [{ productId: p.id, qty: '2' }],
      }),
      201,
    );
    assert.equal(q1.revision, 1);
    const edited = ok(
      await w.sales.patch(`/api/v1/quotes/${q1.id}`, {
        version: q1.version,
        lines: [{ productId: p.id, qty: '4', unitPrice: '11' }],
      }),
    );
    assert.deepEqual(
      [edited.lines[0].unitPrice, edited.lines[0].priceSource.kind, edited.subtotal],
      ['11.0000', 'manual', '44.00'],
    );
    const stale = await w.sales.patch(`/api/v1/quotes/${q1.id}`, { version: q1.version, notes: 'x' });
    assert.equal(stale.status, 409);
    const sent = ok(
      await w.sales.post(`/api/v1/quotes/${q1.id}/send`, { version: edited.version, to: 'a@example.com' }),
    );
    const locked = await w.sales.patch(`/api/v1/quotes/${q1.id}`, { version: sent.version, notes: 'x' });
    assert.equal(locked.status, 422);
    const q2 = ok(await w.sales.post(`/api/v1/quotes/${q1.id}/revise`, { version: sent.version }), 201);
    assert.deepEqual([q2.number, q2.revision, q2.previousId, q2.state], [q1.number, 2, q1.id, 'draft']);
    assert.equal(q2.subtotal, '44.00');
    const old = ok(await w.sales.get(`/api/v1/quotes/${q1.id}`));
    assert.equal(old.state, 'superseded');
    const again = await w.sales.post(`/api/v1/quotes/${q1.id}/accept`, { version: old.version });
    assert.equal(again.status, 422);
    assert.equal(again.body.error.code, 'sales.invalid_transition');
    const latest = ok(await w.sales.get(`/api/v1/quotes?customerId=${customer.id}`));
    assert.deepEqual(
      latest.items.map((q: any) => q.revision),
      [2],
    );
    const all = ok(await w.sales.get(`/api/v1/quotes?customerId=${customer.id}&allRevisions=true`));
    assert.equal(all.items.length, 2);
  });

  test('send needs a recipient; the contact’s email is used when none is given', async () => {
    const w = await salesWorld(ctx.db);
    const p = await makeProduct(w.admin);
    const customer = await makeCustomer(w.sales);
    const q = ok(
      await w.sales.post('/api/v1/quotes', {
        customerId: customer.id,
        lines: [{ productId: p.id, qty: '1' }],
      }),
      201,
    );
    const none = await w.sales.post(`/api/v1/quotes/${q.id}/send`, { version: q.version });
    assert.equal(none.status, 422);
    assert.equal(none.body.error.code, 'sales.no_recipient');
    const contact = ok(
      await w.sales.post('/api/v1/contacts', {
        customerId: customer.id,
        name: 'Buyer',
        email: 'buyer@example.com',
      }),
      201,
    );
    const withContact = ok(
      await w.sales.patch(`/api/v1/quotes/${q.id}`, { version: q.version, contactId: contact.id }),
    );
    const sent = ok(
      await w.sales.post(`/api/v1/quotes/${q.id}/send`, { version: withContact.version, lang: 'en' }),
    );
    assert.equal(sent.state, 'sent');
    const mail = await rows<{ to_address: string; subject: string }>(
      ctx.db.orm,
      sql`select to_address, subject from platform_mail where company_id = ${w.company.id}`,
    );
    assert.deepEqual(
      mail.map((m) => m.to_address),
      ['buyer@example.com'],
    );
    assert.match(mail[0].subject, new RegExp(`Quote ${q.number}`));
  });

  test('the print page is HTML with every value escaped', async () => {
    const w = await salesWorld(ctx.db);
    const p = await makeProduct(w.admin, { name: { en: '<b>Bold</b> & co' } });
    const customer = await makeCustomer(w.sales, { name: '<script>alert(1)</script> Ltd' });
    const q = ok(
      await w.sales.post('/api/v1/quotes', {
        customerId: customer.id,
        notes: '"quoted" <img src=x onerror=alert(1)>',
        lines: [{ productId: p.id, qty: '1', description: '<i>desc</i>' }],
      }),
      201,
    );
    const page = await w.sales.get(`/api/v1/quotes/${q.id}/print?lang=zh-CN`);
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    const html = String(page.body);
    assert.ok(!html.includes('<script>alert'), 'no raw script');
    assert.ok(!html.includes('<img src=x'), 'no raw img');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; Ltd'));
    assert.ok(html.includes('报价单'));
    assert.ok(html.includes(q.number));
    const en = await w.sales.get(`/api/v1/quotes/${q.id}/print?lang=en`);
    assert.ok(String(en.body).includes('Quotation'));
  });

  test('a quote past its validity reads as expired, cannot be accepted, and the daily job stores it', async () => {
    const w = await salesWorld(ctx.db);
    const p = await makeProduct(w.admin);
    const customer = await makeCustomer(w.sales);
    const q = ok(
      await w.sales.post('/api/v1/quotes', {
        customerId: customer.id,
        quoteDate: '2025-01-02',
        validUntil: '2025-02-01',
        lines: [{ productId: p.id, qty: '1' }],
      }),
      201,
    );
    assert.equal(q.state, 'expired');
    const refused = await w.sales.post(`/api/v1/quotes/${q.id}/accept`, { version: q.version });
    assert.equal(refused.status, 422);
    const listed = ok(await w.sales.get(`/api/v1/quotes?state=expired&customerId=${customer.id}`));
    assert.equal(listed.items.length, 1);
    await expireQuotes(ctx.db);
    const stored = await rows<{ state: string }>(
      ctx.db.orm,
      sql`select state from sales_quote where company_id = ${w.company.id} and id = ${q.id}`,
    );
    assert.equal(stored[0].state, 'expired');
    const bad = await w.sales.post('/api/v1/quotes', {
      customerId: customer.id,
      quoteDate: '2025-03-02',
      validUntil: '2025-03-01',
      lines: [{ productId: p.id, qty: '1' }],
    });
    assert.equal(bad.status, 422);
  });

  test('merging customers moves draft quotes and open orders; accepted quotes stay', async () => {
    const w = await salesWorld(ctx.db);
    const p = await makeProduct(w.admin);
    const merged = await makeCustomer(w.admin);
    const survivor = await makeCustomer(w.admin);
    const draft = ok(
      await w.admin.post('/api/v1/quotes', { customerId: merged.id, lines: [{ productId: p.id, qty: '1' }] }),
      201,
    );
    const done = ok(
      await w.admin.post('/api/v1/quotes', { customerId: merged.id, lines: [{ productId: p.id, qty: '1' }] }),
      201,
    );
    const accepted = ok(await w.admin.post(`/api/v1/quotes/${done.id}/accept`, { version: done.version }));
    const res = ok(
      await w.admin.post(`/api/v1/customers/${merged.id}/merge`, {
        survivorId: survivor.id,
        version: merged.version,
      }),
    );
    assert.equal(res.moved['sales.quote'], 1);
    assert.equal(res.moved['sales.order'], 1);
    assert.equal(ok(await w.admin.get(`/api/v1/quotes/${draft.id}`)).customerId, survivor.id);
    assert.equal(ok(await w.admin.get(`/api/v1/quotes/${done.id}`)).customerId, merged.id);
    assert.equal(ok(await w.admin.get(`/api/v1/sales-orders/${accepted.orderId}`)).customerId, survivor.id);
    const created = await w.admin.post('/api/v1/quotes', {
      customerId: merged.id,
      lines: [{ productId: p.id, qty: '1' }],
    });
    assert.equal(created.status, 409);
    assert.equal(created.body.error.code, 'sales.customer_merged');
  });

  test('demo data: quotes and orders in many states, made by the use cases', async () => {
    // The demo company is global (code DEMO): seed it once per database and look at what sales made.
    const { companyId } = await seedDemo(ctx.db);
    const states = await withTransaction(ctx.db, (tx) =>
      rows<{ kind: string; state: string }>(
        tx,
        sql`select 'quote' as kind, state from sales_quote where company_id = ${companyId}
            union select 'order', state from sales_order where company_id = ${companyId}`,
      ),
    );
    const has = (kind: string, state: string) => states.some((s) => s.kind === kind && s.state === state);
    for (const s of ['draft', 'sent', 'accepted', 'superseded', 'cancelled', 'expired'])
      assert.ok(has('quote', s), `quote ${s}`);
    for (const s of ['draft', 'confirmed', 'cancelled']) assert.ok(has('order', s), `order ${s}`);
    // The shipments reach the orders through the outbox, as on a running server.
    await drainOutbox(ctx.db);
    const after = await rows<{ state: string }>(
      ctx.db.orm,
      sql`select distinct state from sales_order where company_id = ${companyId}`,
    );
    for (const s of ['delivered', 'partly_delivered'])
      assert.ok(
        after.some((r) => r.state === s),
        `order ${s}`,
      );
  });
});
