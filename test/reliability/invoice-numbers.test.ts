// Gap-free invoice numbers under concurrency (DESIGN.md invariants, SECURITY-CASES INV-SEQ-01, INV-IDEM-01):
// 20 drafts posted at the same time, each as its own HTTP request on its own pooled PostgreSQL
// connection, get exactly the numbers 1–20; the same Idempotency-Key sent twice at once posts once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { booksWorld, draftInvoice, ok } from '../../src/modules/accounting/invoice/fixtures.ts';
import { one } from '../../src/platform/db/tx.ts';
import { testDb } from '../kit/index.ts';

const INVOICES = 20;

if (!process.env.TEST_DATABASE_URL) {
  test('invoice numbers under concurrent posting (PostgreSQL only)', {
    skip: 'PGlite serves one connection at a time, so nothing runs concurrently there; set TEST_DATABASE_URL',
  }, () => {});
} else {
  describe('[postgres] invoice numbers under concurrent posting', () => {
    test(`${INVOICES} drafts posted at once get 1–${INVOICES}, no gap, no duplicate`, async () => {
      const db = await testDb('postgres');
      const w = await booksWorld(db);
      const customer = await w.customer();
      const drafts: any[] = [];
      for (let i = 0; i < INVOICES; i++)
        drafts.push(await draftInvoice(w.finance, customer.id, { invoiceDate: '2026-12-01' }));
      const results = await Promise.all(
        drafts.map((d) => w.finance.post(`/api/v1/invoices/${d.id}/post`, { version: d.version })),
      );
      assert.deepEqual(
        results.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body?.error?.code}`),
        [],
        'every posting succeeds (no deadlock or busy error surfacing)',
      );
      const numbers = results.map((r) => Number(r.body.number.slice(-6))).sort((x, y) => x - y);
      assert.deepEqual(
        numbers,
        Array.from({ length: INVOICES }, (_, i) => i + 1),
      );
      const entries = await one<{ n: number; unbalanced: number }>(
        db.orm,
        sql`select count(distinct e.id)::int as n,
                   count(*) filter (where t.d <> t.c)::int as unbalanced
              from accounting_entry e
              join (select entry_id, sum(debit) as d, sum(credit) as c from accounting_entry_line
                     where company_id = ${w.company.id} group by entry_id) t on t.entry_id = e.id
             where e.company_id = ${w.company.id} and e.source_type = 'accounting.invoice'`,
      );
      assert.deepEqual([entries?.n, entries?.unbalanced], [INVOICES, 0]);
    });

    test('the same Idempotency-Key on POST /invoices/{id}/post twice at once posts once', async () => {
      const db = await testDb('postgres');
      const w = await booksWorld(db);
      const customer = await w.customer();
      const draft = await draftInvoice(w.finance, customer.id, { invoiceDate: '2026-12-01' });
      const headers = { 'idempotency-key': `post-${draft.id}` };
      const [x, y] = await Promise.all([
        w.finance.post(`/api/v1/invoices/${draft.id}/post`, { version: draft.version }, { headers }),
        w.finance.post(`/api/v1/invoices/${draft.id}/post`, { version: draft.version }, { headers }),
      ]);
      ok(x);
      ok(y);
      assert.equal(x.body.number, 'INV-2026-000001');
      assert.deepEqual(y.body, x.body, 'the replay answers the first response');
      assert.ok([x, y].some((r) => r.headers['idempotent-replayed'] === 'true'));
      const counter = await one<{ last_value: number }>(
        db.orm,
        sql`select last_value from platform_sequence where company_id = ${w.company.id}
             and key = 'accounting.invoice:sales:2026'`,
      );
      assert.equal(Number(counter?.last_value), 1, 'one number taken');
    });
  });
}
