// The aging report starts from the maintained residuals (aging.ts); this test recomputes every figure
// from the documents' totals and all their settlements instead, for a company whose history has partial
// payments, a payment allocated later (one dated after today), credit notes (one larger than what its
// invoice still owed), a cancelled payment and a cancelled invoice, and compares both on several days.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows } from '../../../platform/db/tx.ts';
import { type BooksWorld, booksWorld, ok, postedInvoice } from '../invoice/fixtures.ts';
import { accountingSettings } from '../settings.ts';

const KEYS = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90', 'unapplied', 'total'] as const;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * The aging by its definition: per document its total less every settlement dated up to `asOf` (a
 * document cancelled after `asOf` still counts), per payment its amount less its allocations up to then.
 */
async function recomputed(db: Db, companyId: string, side: 'receivable' | 'payable', asOf: string) {
  const [debit, credit, direction] =
    side === 'receivable'
      ? ['customer_invoice', 'customer_credit_note', 'inbound']
      : ['supplier_bill', 'supplier_credit_note', 'outbound'];
  const docs = await rows<{ partner_id: string; kind: string; late: number; open: string }>(
    db.orm,
    sql`select x.partner_id, x.kind, (${asOf}::date - x.due_date) as late,
               (x.total_company - coalesce((select sum(a.invoice_amount_company) from accounting_payment_allocation a
                  where a.company_id = x.company_id and (a.invoice_id = x.id or a.credit_note_id = x.id)
                    and a.allocation_date <= ${asOf}::date), 0))::text as open
          from accounting_invoice x join platform_company co on co.id = x.company_id
         where x.company_id = ${companyId} and x.kind in (${debit}, ${credit}) and x.posted_at is not null
           and x.invoice_date <= ${asOf}::date
           and (x.state = 'posted' or (x.state = 'cancelled' and (x.cancelled_at at time zone co.time_zone)::date > ${asOf}::date))`,
  );
  const payments = await rows<{ partner_id: string; open: string }>(
    db.orm,
    sql`select x.partner_id, (x.amount_company - coalesce((select sum(a.payment_amount_company)
               from accounting_payment_allocation a where a.company_id = x.company_id and a.payment_id = x.id
                and a.allocation_date <= ${asOf}::date), 0))::text as open
          from accounting_payment x
         where x.company_id = ${companyId} and x.direction = ${direction} and x.state = 'posted'
           and x.payment_date <= ${asOf}::date`,
  );
  const out = new Map<string, Record<(typeof KEYS)[number], Decimal>>();
  const of = (partnerId: string) => {
    if (!out.has(partnerId))
      out.set(partnerId, Object.fromEntries(KEYS.map((k) => [k, new Decimal(0)])) as any);
    return out.get(partnerId)!;
  };
  for (const d of docs) {
    if (new Decimal(d.open).isZero()) continue;
    const open = new Decimal(d.open).mul(d.kind === credit ? -1 : 1);
    const late = Number(d.late);
    const key =
      late <= 0
        ? 'current'
        : late <= 30
          ? 'days1to30'
          : late <= 60
            ? 'days31to60'
            : late <= 90
              ? 'days61to90'
              : 'over90';
    const r = of(d.partner_id);
    r[key] = r[key].plus(open);
    r.total = r.total.plus(open);
  }
  for (const p of payments) {
    if (new Decimal(p.open).isZero()) continue;
    const r = of(p.partner_id);
    r.unapplied = r.unapplied.plus(p.open);
    r.total = r.total.minus(p.open);
  }
  return new Map([...out].map(([id, r]) => [id, KEYS.map((k) => r[k].toFixed(2))] as [string, string[]]));
}

async function assertSame(w: BooksWorld, side: 'receivable' | 'payable', asOf: string, partnerId?: string) {
  const url = `/api/v1/reports/${side === 'receivable' ? 'ar' : 'ap'}-aging?asOf=${asOf}${partnerId ? `&partnerId=${partnerId}` : ''}`;
  const report = ok(await w.finance.get(url));
  const ours = new Map<string, string[]>(
    report.items.map((r: any) => [r.partnerId, KEYS.map((k) => r[k])] as [string, string[]]),
  );
  const expected = await recomputed(w.db, w.company.id, side, asOf);
  if (partnerId) for (const id of [...expected.keys()]) if (id !== partnerId) expected.delete(id);
  assert.deepEqual(ours, expected, `${side} aging on ${asOf}${partnerId ? ` for ${partnerId}` : ''}`);
  return report;
}

describeDb('aging from the residuals equals the aging from the settlements', (ctx) => {
  test('partial payments, later allocations, credit notes, cancelled payment and invoice, any day', async () => {
    const w = await booksWorld(ctx.db);
    const { today } = await accountingSettings(ctx.db.orm, w.company.id);
    const day = (n: number) => addDays(today, n);
    const acme = await w.customer({ name: `Acme ${Date.now()}` });
    const zeta = await w.customer({ name: `Zeta ${Date.now()}` });
    const supplier = await w.customer({ name: `Supplier ${Date.now()}` });
    const bank = await w.account('bank');
    const invoice = (partnerId: string, d: number, due: number, qty: string, price: string, kind?: string) =>
      postedInvoice(w.finance, partnerId, {
        ...(kind ? { kind } : {}),
        invoiceDate: day(d),
        dueDate: day(due),
        lines: [
          {
            description: 'Valves',
            quantity: qty,
            unitPrice: price,
            taxCode: kind === 'supplier_bill' ? 'VAT13-IN' : 'VAT13-OUT',
          },
        ],
      });
    const pay = async (
      partnerId: string,
      d: number,
      amount: string,
      allocations: Array<{ invoiceId: string; amount: string }>,
      direction = 'inbound',
    ) =>
      ok(
        await w.finance.post('/api/v1/payments', {
          direction,
          partnerId,
          accountId: bank,
          paymentDate: day(d),
          amount,
          allocations,
        }),
        201,
        'POST /payments',
      );

    const a1 = await invoice(acme.id, -150, -120, '10', '100'); // 1130.00, over 90 today
    const a2 = await invoice(acme.id, -80, -50, '4', '250'); // 1130.00
    const a3 = await invoice(acme.id, -40, -10, '1', '1000'); // 1130.00
    await invoice(acme.id, -20, 10, '2', '50'); // 113.00, not due yet
    const z1 = await invoice(zeta.id, -100, -70, '3', '200'); // 678.00
    const z2 = await invoice(zeta.id, -30, 0, '1', '300'); // 339.00, cancelled below
    const b1 = await invoice(supplier.id, -70, -40, '5', '100', 'supplier_bill'); // 565.00

    // Partial payments before and between the days looked at.
    await pay(acme.id, -100, '500.00', [{ invoiceId: a1.id, amount: '500.00' }]);
    await pay(acme.id, -30, '300.00', [
      { invoiceId: a1.id, amount: '200.00' },
      { invoiceId: a2.id, amount: '100.00' },
    ]);
    // A payment partly used at once, the rest allocated later: once in the past, once after today.
    const advance = await pay(acme.id, -60, '800.00', [{ invoiceId: a2.id, amount: '150.00' }]);
    ok(
      await w.finance.post(`/api/v1/payments/${advance.id}/allocate`, {
        date: day(-15),
        allocations: [{ invoiceId: a3.id, amount: '400.00' }],
      }),
    );
    ok(
      await w.finance.post(`/api/v1/payments/${advance.id}/allocate`, {
        date: day(5),
        allocations: [{ invoiceId: a3.id, amount: '100.00' }],
      }),
    );
    // A payment allocated to two invoices, then cancelled: both are open again, as if never paid.
    const cancelled = await pay(zeta.id, -50, '700.00', [{ invoiceId: z1.id, amount: '600.00' }]);
    ok(await w.finance.post(`/api/v1/payments/${cancelled.id}/cancel`, { reason: 'Bounced cheque' }));
    await pay(zeta.id, -20, '100.00', []); // unapplied credit
    // An invoice posted and cancelled today: open on every earlier day.
    ok(await w.finance.post(`/api/v1/invoices/${z2.id}/cancel`, { reason: 'Issued twice' }));
    // Credit notes (dated today): one quarter of a2; all of a1, more than the 430.00 it still owes.
    const a2Line = a2.lines[0].id;
    ok(
      await w.finance.post(`/api/v1/invoices/${a2.id}/credit-note`, {
        reason: 'One valve returned',
        lines: [{ invoiceLineId: a2Line, quantity: '1' }],
        post: true,
      }),
      201,
    );
    ok(
      await w.finance.post(`/api/v1/invoices/${a1.id}/credit-note`, {
        reason: 'Whole order returned',
        post: true,
      }),
      201,
    );
    // A bill paid in part.
    await pay(supplier.id, -10, '200.00', [{ invoiceId: b1.id, amount: '200.00' }], 'outbound');

    // Spot figures today: a1 settled (its credit note left open for 1130 − 430 = 700), a2 1130 − 250 − 282.50,
    // a3 1130 − 400 (the 100.00 allocated in five days not yet).
    const now = await assertSame(w, 'receivable', today);
    const acmeRow = now.items.find((r: any) => r.partnerId === acme.id);
    assert.equal(acmeRow.over90, '0.00');
    assert.equal(acmeRow.current, '-587.00'); // a4 113.00, the credit note's 700.00 left, dated today
    assert.equal(acmeRow.days31to60, '597.50');
    assert.equal(acmeRow.days1to30, '730.00');
    for (const d of [-200, -120, -90, -61, -51, -50, -31, -30, -16, -15, -1, 4, 5, 30])
      await assertSame(w, 'receivable', day(d));
    for (const d of [-50, -15, -1]) {
      await assertSame(w, 'receivable', day(d), zeta.id);
      await assertSame(w, 'receivable', day(d), acme.id);
    }
    for (const d of [-70, -10, -1, 0]) await assertSame(w, 'payable', day(d));
    // The cancelled invoice was open yesterday and is not today.
    const yesterday = ok(
      await w.finance.get(`/api/v1/reports/ar-aging?asOf=${day(-1)}&partnerId=${zeta.id}`),
    );
    assert.equal(yesterday.items[0].current, '339.00');
    assert.equal(yesterday.items[0].unapplied, '100.00');
  });
});
