import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { booksWorld, draftInvoice, ok, postedInvoice } from './fixtures.ts';

describeDb('invoices: draft, post, e-invoice, cancel, credit note over HTTP', (ctx) => {
  test('a draft with per-line tax posts with the next number and a balanced entry', async () => {
    const w = await booksWorld(ctx.db);
    const customer = await w.customer({ paymentTermCode: 'NET30' });
    ok(
      await w.admin.post('/api/v1/tax-codes', {
        code: 'VAT13-INC',
        name: { en: 'VAT 13 % included' },
        kind: 'output',
        rate: '0.13',
        priceIncluded: true,
      }),
      201,
    );
    const draft = await draftInvoice(w.finance, customer.id, {
      invoiceDate: '2026-11-10',
      lines: [
        // 3 × 33.33 = 99.99 net, tax round(12.9987) = 13.00, total 112.99
        { description: 'Widgets', quantity: '3', unitPrice: '33.33', taxCode: 'VAT13-OUT' },
        // 113.00 inclusive: tax round(113 × 0.13 / 1.13) = 13.00, net 100.00
        { description: 'Service', quantity: '1', unitPrice: '113', taxCode: 'VAT13-INC' },
        // 10 % off 50: 45.00, no VAT
        {
          description: 'Exempt item',
          quantity: '1',
          unitPrice: '50',
          discountPercent: '10',
          taxCode: 'EXEMPT-OUT',
        },
      ],
    });
    assert.equal(draft.state, 'draft');
    assert.equal(draft.number, null);
    assert.equal(draft.dueDate, '2026-12-10', 'NET30 from the customer');
    assert.deepEqual(
      draft.lines.map((l: any) => [l.net, l.tax, l.total]),
      [
        ['99.99', '13.00', '112.99'],
        ['100.00', '13.00', '113.00'],
        ['45.00', '0.00', '45.00'],
      ],
    );
    assert.deepEqual([draft.untaxed, draft.tax, draft.total], ['244.99', '26.00', '270.99']);

    const posted = ok(await w.finance.post(`/api/v1/invoices/${draft.id}/post`, { version: draft.version }));
    assert.equal(posted.state, 'posted');
    assert.equal(posted.number, 'INV-2026-000001');
    assert.deepEqual([posted.residual, posted.paymentState], ['270.99', 'not_paid']);
    const b = await w.balances();
    assert.deepEqual(
      [b.get('receivable'), b.get('revenue'), b.get('output_vat')],
      ['270.99', '-244.99', '-26.00'],
    );
    const entry = await one<{ source_type: string; memo: string }>(
      ctx.db.orm,
      sql`select source_type, memo from accounting_entry where company_id = ${w.company.id} and id = ${posted.entryId}`,
    );
    assert.equal(entry?.source_type, 'accounting.invoice');
    assert.match(entry!.memo, /INV-2026-000001/);
    // Posting again is refused; nothing changes.
    const again = await w.finance.post(`/api/v1/invoices/${draft.id}/post`, {});
    assert.equal(again.status, 422);
    assert.equal(again.body.error.code, 'accounting.invalid_transition');

    const bad = await w.finance.request('PATCH', `/api/v1/invoices/${draft.id}/e-invoice`, {
      version: posted.version,
      eInvoiceNumber: 'ABC',
      eInvoiceDate: '2026-11-11',
    });
    assert.equal(bad.status, 400);
    const e = ok(
      await w.finance.request('PATCH', `/api/v1/invoices/${draft.id}/e-invoice`, {
        version: posted.version,
        eInvoiceNumber: '26332000000012345678',
        eInvoiceDate: '2026-11-11',
      }),
    );
    assert.deepEqual([e.eInvoiceNumber, e.eInvoiceDate], ['26332000000012345678', '2026-11-11']);

    const page = await w.finance.request('GET', `/api/v1/invoices/${draft.id}/print?lang=zh-CN`);
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.raw.body, /销售发票/);
    assert.match(page.raw.body, /INV-2026-000001/);
    assert.match(page.raw.body, /26332000000012345678/);

    const list = ok(
      await w.finance.get(`/api/v1/invoices?partnerId=${customer.id}&state=posted&paymentState=not_paid`),
    );
    assert.deepEqual(
      list.items.map((i: any) => i.id),
      [draft.id],
    );
    assert.equal(ok(await w.finance.get('/api/v1/invoices?kind=supplier_bill')).items.length, 0);
  });

  test('403 for a warehouse user, 404 for another company’s invoice, 409 for a stale draft edit', async () => {
    const w = await booksWorld(ctx.db);
    const customer = await w.customer();
    const draft = await draftInvoice(w.finance, customer.id);

    const denied = await w.warehouse.post('/api/v1/invoices', {
      kind: 'customer_invoice',
      partnerId: customer.id,
      lines: [{ quantity: '1', unitPrice: '1' }],
    });
    assert.equal(denied.status, 403);
    assert.equal((await w.warehouse.get(`/api/v1/invoices/${draft.id}`)).status, 403);
    assert.equal((await w.warehouse.post(`/api/v1/invoices/${draft.id}/post`, {})).status, 403);

    const other = await newCompany(ctx.db);
    const stranger = await signedIn(ctx.db, other.admin);
    assert.equal((await stranger.get(`/api/v1/invoices/${draft.id}`)).status, 404);
    assert.equal((await stranger.post(`/api/v1/invoices/${draft.id}/post`, {})).status, 404);
    const foreign = await stranger.post('/api/v1/invoices', {
      kind: 'customer_invoice',
      partnerId: customer.id,
      lines: [{ quantity: '1', unitPrice: '1' }],
    });
    assert.equal(foreign.status, 404, 'another company’s customer');

    const edited = ok(
      await w.finance.request('PATCH', `/api/v1/invoices/${draft.id}`, {
        version: draft.version,
        notes: 'first edit',
        lines: [{ description: 'Two', quantity: '2', unitPrice: '100', taxCode: 'VAT13-OUT' }],
      }),
    );
    assert.equal(edited.total, '226.00');
    const stale = await w.finance.request('PATCH', `/api/v1/invoices/${draft.id}`, {
      version: draft.version,
      notes: 'stale edit',
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'stale_version');
    const after = ok(await w.finance.get(`/api/v1/invoices/${draft.id}`));
    assert.deepEqual([after.notes, after.total, after.version], ['first edit', '226.00', edited.version]);

    const wrongTax = await w.finance.request('PATCH', `/api/v1/invoices/${draft.id}`, {
      version: edited.version,
      lines: [{ quantity: '1', unitPrice: '1', taxCode: 'VAT13-IN' }],
    });
    assert.equal(wrongTax.status, 422);
    assert.equal(wrongTax.body.error.code, 'accounting.tax_code_invalid');
    const audit = await rows<{ action: string }>(
      ctx.db.orm,
      sql`select action from platform_audit_log where company_id = ${w.company.id} and entity_id = ${draft.id}
           order by at, id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['create', 'update'],
    );
  });

  test('cancel: a paid invoice is refused, an unpaid one is reversed and keeps its number', async () => {
    const w = await booksWorld(ctx.db);
    const customer = await w.customer();
    const bank = await w.account('bank');
    const paid = await postedInvoice(w.finance, customer.id);
    ok(
      await w.finance.post('/api/v1/payments', {
        direction: 'inbound',
        partnerId: customer.id,
        accountId: bank,
        amount: '50.00',
        allocations: [{ invoiceId: paid.id, amount: '50.00' }],
      }),
      201,
    );
    const refused = await w.finance.post(`/api/v1/invoices/${paid.id}/cancel`, { reason: 'wrong customer' });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'accounting.invoice_settled');
    const still = ok(await w.finance.get(`/api/v1/invoices/${paid.id}`));
    assert.deepEqual([still.state, still.residual, still.paymentState], ['posted', '63.00', 'partial']);

    const unpaid = await postedInvoice(w.finance, customer.id);
    const cancelled = ok(
      await w.finance.post(`/api/v1/invoices/${unpaid.id}/cancel`, { reason: 'duplicate' }),
    );
    assert.deepEqual(
      [cancelled.state, cancelled.number, cancelled.residual],
      ['cancelled', unpaid.number, '0.00'],
    );
    assert.ok(cancelled.reversalEntryId);
    const b = await w.balances();
    // Only the first invoice (113.00) less its 50.00 payment is left on the receivable.
    assert.equal(b.get('receivable'), '63.00');
    assert.equal(b.get('revenue'), '-100.00');
    const next = await postedInvoice(w.finance, customer.id);
    assert.equal(Number(next.number.slice(-6)), 3, 'a cancelled invoice keeps its number');
  });

  test('a credit note (红字发票) for part of an invoice settles it; more than the invoice is refused', async () => {
    const w = await booksWorld(ctx.db);
    const customer = await w.customer();
    const inv = await postedInvoice(w.finance, customer.id, {
      lines: [{ description: 'Boxes', quantity: '10', unitPrice: '20', taxCode: 'VAT13-OUT' }],
    });
    assert.equal(inv.total, '226.00');
    const note = ok(
      await w.finance.post(`/api/v1/invoices/${inv.id}/credit-note`, {
        reason: '2 boxes returned',
        lines: [{ invoiceLineId: inv.lines[0].id, quantity: '2' }],
        post: true,
      }),
      201,
    );
    assert.equal(note.kind, 'customer_credit_note');
    assert.match(note.number, /^RINV-\d{4}-000001$/);
    assert.deepEqual([note.total, note.residual, note.paymentState], ['45.20', '0.00', 'paid']);
    const after = ok(await w.finance.get(`/api/v1/invoices/${inv.id}`));
    assert.deepEqual([after.residual, after.paymentState], ['180.80', 'partial']);
    assert.equal(after.settlements[0].creditNoteId, note.id);
    const b = await w.balances();
    assert.deepEqual(
      [b.get('receivable'), b.get('revenue'), b.get('output_vat')],
      ['180.80', '-160.00', '-20.80'],
    );
    const tooMuch = await w.finance.post(`/api/v1/invoices/${inv.id}/credit-note`, { reason: 'all of it' });
    assert.equal(tooMuch.status, 422);
    assert.equal(tooMuch.body.error.code, 'accounting.credit_exceeds_invoice');
    const notes = ok(
      await w.finance.get(`/api/v1/invoices?kind=customer_credit_note&partnerId=${customer.id}`),
    );
    assert.equal(notes.items.length, 1, 'the refused credit note was not kept');
  });

  test('a posting that fails after taking its number gives the number back (INV-SEQ-02)', async () => {
    const w = await booksWorld(ctx.db);
    const customer = await w.customer();
    const first = await postedInvoice(w.finance, customer.id, { invoiceDate: '2026-11-10' });
    assert.equal(first.number, 'INV-2026-000001');
    const period = ok(await w.finance.get('/api/v1/fiscal-periods?date=2026-11-20')).items.find(
      (p: any) => p.startDate === '2026-11-01',
    );
    ok(await w.finance.post(`/api/v1/fiscal-periods/${period.id}/close`, { version: period.version }));
    const late = await draftInvoice(w.finance, customer.id, { invoiceDate: '2026-11-20' });
    const refused = await w.finance.post(`/api/v1/invoices/${late.id}/post`, { version: late.version });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'accounting.period_closed');
    const kept = ok(await w.finance.get(`/api/v1/invoices/${late.id}`));
    assert.deepEqual([kept.state, kept.number, kept.version], ['draft', null, late.version]);
    const next = await postedInvoice(w.finance, customer.id, { invoiceDate: '2026-12-01' });
    assert.equal(next.number, 'INV-2026-000002', 'no gap after the failed posting');
  });

  test('a salesperson reads the invoices of its own customers only', async () => {
    const w = await booksWorld(ctx.db);
    const mine = await w.company.user('sales');
    const other = await w.company.user('sales');
    const seller = await signedIn(ctx.db, mine);
    const customer = ok(
      await seller.post('/api/v1/customers', { name: `Own ${Date.now()}`, ignoreDuplicates: true }),
      201,
    );
    const inv = await postedInvoice(w.finance, customer.id);
    assert.equal(ok(await seller.get(`/api/v1/invoices/${inv.id}`)).number, inv.number);
    assert.deepEqual(
      ok(await seller.get('/api/v1/invoices')).items.map((i: any) => i.id),
      [inv.id],
    );
    assert.equal((await seller.post(`/api/v1/invoices/${inv.id}/cancel`, { reason: 'x' })).status, 403);
    const stranger = await signedIn(ctx.db, other);
    assert.equal((await stranger.get(`/api/v1/invoices/${inv.id}`)).status, 404);
    assert.deepEqual(ok(await stranger.get('/api/v1/invoices')).items, []);
    assert.equal((await stranger.get(`/api/v1/customers/${customer.id}/account-summary`)).status, 404);
    const summary = ok(await seller.get(`/api/v1/customers/${customer.id}/account-summary`));
    assert.equal(summary.openReceivables, '113.00');
  });
});
