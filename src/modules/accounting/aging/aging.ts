import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { visibleInvoiceSql } from '../invoice/invoice.repo.ts';
import { accountingSettings } from '../settings.ts';

export type AgingSide = 'receivable' | 'payable';

const SIDES = {
  receivable: { debit: 'customer_invoice', credit: 'customer_credit_note', direction: 'inbound' },
  payable: { debit: 'supplier_bill', credit: 'supplier_credit_note', direction: 'outbound' },
} as const;

export interface AgingRow {
  partnerId: string;
  partnerName: string | null;
  current: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  over90: string;
  /** Payments not allocated yet (the partner's credit), subtracted from the total. */
  unapplied: string;
  total: string;
}

const BUCKETS = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90', 'unapplied', 'total'] as const;

/**
 * Open items per partner on `asOf`, in company currency, by days past due: not yet due, 1–30, 31–60,
 * 61–90, over 90. One SQL statement: what was open on that day is the document's amount less its
 * settlements dated up to then, so a later payment does not change an earlier aging; credit notes count
 * negative in their own bucket; a document cancelled after `asOf` was still open then. (Longer than
 * most functions: it is that one statement, kept whole so the buckets read in one place.)
 */
export async function aging(
  ex: Executor,
  actor: Actor,
  side: AgingSide,
  query: { asOf?: string; partnerId?: string },
) {
  requirePermission(actor, 'accounting.report.read');
  const { currency, today } = await accountingSettings(ex, actor.companyId);
  const asOf = query.asOf ?? today;
  const s = SIDES[side];
  const c = actor.companyId;
  const partner = query.partnerId ? sql`and x.partner_id = ${query.partnerId}` : sql``;
  // One partner's aging sums only that partner's settlements (the documents by their index).
  const settledOf = (doc: SQL, table = sql`accounting_invoice`) =>
    query.partnerId
      ? sql`and exists (select 1 from ${table} i where i.company_id = ${c} and i.id = ${doc}
                          and i.partner_id = ${query.partnerId})`
      : sql``;
  const list = await rows<Record<string, any>>(
    ex,
    sql`with tz as (select time_zone from platform_company where id = ${c}),
        -- Settlements up to asOf per document (and below, per payment), summed once and hash-joined
        -- (helper D, bench/accounting-reports.ts): a correlated subquery with "invoice_id = x.id or
        -- credit_note_id = x.id" scanned the allocations once per document (49 s for 20,000 open items).
        settled as (
          select doc_id, sum(amount) as amount
            from (select a.invoice_id as doc_id, a.invoice_amount_company as amount from accounting_payment_allocation a
                   where a.company_id = ${c} and a.allocation_date <= ${asOf}::date ${settledOf(sql`a.invoice_id`)}
                  union all
                  select a.credit_note_id, a.invoice_amount_company from accounting_payment_allocation a
                   where a.company_id = ${c} and a.credit_note_id is not null and a.allocation_date <= ${asOf}::date
                     ${settledOf(sql`a.credit_note_id`)}) s
           group by doc_id
        ),
        items as (
          select x.partner_id, (${asOf}::date - x.due_date) as late,
                 (case when x.kind = ${s.credit} then -1 else 1 end) * (x.total_company - coalesce(st.amount, 0)) as open
            from accounting_invoice x left join settled st on st.doc_id = x.id
           where x.company_id = ${c} and x.kind in (${s.debit}, ${s.credit}) and x.invoice_date <= ${asOf}::date
             and x.posted_at is not null
             and (x.state = 'posted'
                  or (x.state = 'cancelled' and (x.cancelled_at at time zone (select time_zone from tz))::date > ${asOf}::date))
             and ${visibleInvoiceSql(actor)} ${partner}
        ),
        used as (
          select a.payment_id, sum(a.payment_amount_company) as amount from accounting_payment_allocation a
           where a.company_id = ${c} and a.payment_id is not null and a.allocation_date <= ${asOf}::date
             ${settledOf(sql`a.payment_id`, sql`accounting_payment`)}
           group by a.payment_id
        ),
        credits as (
          select x.partner_id, x.amount_company - coalesce(u.amount, 0) as open
            from accounting_payment x left join used u on u.payment_id = x.id
           where x.company_id = ${c} and x.direction = ${s.direction} and x.payment_date <= ${asOf}::date
             and x.state = 'posted' and ${visibleInvoiceSql(actor)} ${partner}
        ),
        per_partner as (
          select partner_id,
                 sum(case when late <= 0 then open else 0 end) as current,
                 sum(case when late between 1 and 30 then open else 0 end) as days1to30,
                 sum(case when late between 31 and 60 then open else 0 end) as days31to60,
                 sum(case when late between 61 and 90 then open else 0 end) as days61to90,
                 sum(case when late > 90 then open else 0 end) as over90,
                 0::numeric as unapplied
            from items where open <> 0 group by partner_id
          union all
          select partner_id, 0, 0, 0, 0, 0, sum(open) from credits where open <> 0 group by partner_id
        )
        select b.partner_id, p.name as partner_name,
               sum(b.current)::numeric(18, 2)::text as current, sum(b.days1to30)::numeric(18, 2)::text as days1to30,
               sum(b.days31to60)::numeric(18, 2)::text as days31to60,
               sum(b.days61to90)::numeric(18, 2)::text as days61to90, sum(b.over90)::numeric(18, 2)::text as over90,
               sum(b.unapplied)::numeric(18, 2)::text as unapplied,
               sum(b.current + b.days1to30 + b.days31to60 + b.days61to90 + b.over90 - b.unapplied)::numeric(18, 2)::text
                 as total
          from per_partner b left join crm_customer p on p.company_id = ${c} and p.id = b.partner_id
         group by b.partner_id, p.name
         order by p.name, b.partner_id`,
  );
  const items: AgingRow[] = list.map((r) => ({
    partnerId: r.partner_id,
    partnerName: r.partner_name ?? null,
    current: r.current,
    days1to30: r.days1to30,
    days31to60: r.days31to60,
    days61to90: r.days61to90,
    over90: r.over90,
    unapplied: r.unapplied,
    total: r.total,
  }));
  const totals = Object.fromEntries(
    BUCKETS.map((k) => [k, items.reduce((sum, r) => sum.plus(r[k]), new Decimal(0)).toFixed(2)]),
  ) as Record<(typeof BUCKETS)[number], string>;
  return { side, asOf, currency, items, totals };
}
