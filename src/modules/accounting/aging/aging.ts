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
 * 61–90, over 90; unapplied payments in their own column, subtracted in the total; the totals row.
 * One SQL statement that starts from what is open now, so the common case (today) is one pass over the
 * partial index of open documents in partner order, never the settlement history. A document's
 * `residual_company` is its amount less all its settlements (every path that settles or unsettles a
 * document writes it: settle-invoices, apply-credit-note, cancel-payment; cancel-invoice only when
 * nothing is settled), so what was open on `asOf` is the residual plus the settlements dated after
 * `asOf`, and a document cancelled after `asOf` (nothing was settled on it) was open for its whole
 * amount; a payment's open rest likewise from `unallocated_company`. A later payment thus does not
 * change an earlier aging; credit notes count negative in their own bucket. The cost grows with the
 * open items and the settlements after `asOf`, not with the history (test: aging-fast-path.db.test.ts).
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
  const list = await rows<Record<string, any>>(ex, agingSql(actor, side, asOf, query.partnerId));
  const figures = (r: Record<string, any>) =>
    Object.fromEntries(BUCKETS.map((k) => [k, r[k]])) as Record<(typeof BUCKETS)[number], string>;
  const items: AgingRow[] = list
    .filter((r) => !r.is_total)
    .map((r) => ({ partnerId: r.partner_id, partnerName: r.partner_name ?? null, ...figures(r) }));
  const totals = figures(list.find((r) => r.is_total)!);
  return { side, asOf, currency, items, totals };
}

/** The five buckets of `amount` by the document's due date `due` against `asOf` (null when none). */
function bucketSums(amount: SQL, due: SQL, asOf: string): SQL {
  const before = (days: number) => sql`(${asOf}::date - ${sql.raw(String(days))})`;
  return sql`sum(${amount}) filter (where ${due} >= ${asOf}::date) as current,
    sum(${amount}) filter (where ${due} < ${asOf}::date and ${due} >= ${before(30)}) as days1to30,
    sum(${amount}) filter (where ${due} < ${before(30)} and ${due} >= ${before(60)}) as days31to60,
    sum(${amount}) filter (where ${due} < ${before(60)} and ${due} >= ${before(90)}) as days61to90,
    sum(${amount}) filter (where ${due} < ${before(90)}) as over90`;
}

function agingSql(actor: Actor, side: AgingSide, asOf: string, partnerId?: string): SQL {
  const s = SIDES[side];
  const c = actor.companyId;
  const partner = partnerId ? sql`and x.partner_id = ${partnerId}` : sql``;
  const onDay = sql`x.kind in (${s.debit}, ${s.credit}) and x.invoice_date <= ${asOf}::date
                    and ${visibleInvoiceSql(actor)} ${partner}`;
  const signed = (amount: SQL) => sql`case when x.kind = ${s.credit} then -${amount} else ${amount} end`;
  const figure = (k: string, of = sql`b`) =>
    sql`coalesce(${of}.${sql.raw(k)}, 0)::numeric(18, 2)::text as ${sql.raw(k)}`;
  const sum = (k: string) => sql`sum(${sql.raw(k)}) as ${sql.raw(k)}`;
  return sql`with
        -- What is open now, per partner: the partial index accounting_invoice_open_idx read in partner order.
        open_now as (
          select x.partner_id, ${bucketSums(signed(sql`x.residual_company`), sql`x.due_date`, asOf)}
            from accounting_invoice x
           where x.company_id = ${c} and x.state = 'posted' and x.residual_company <> 0 and ${onDay}
           group by x.partner_id
        ),
        -- Open on asOf but not now: settlements dated after asOf (payments, refunds and credit notes, on
        -- both documents) and documents cancelled since (cancelling refuses a settled document).
        since as (
          select x.partner_id, x.due_date, ${signed(sql`a.invoice_amount_company`)} as open
            from accounting_payment_allocation a
            join accounting_invoice x on x.company_id = a.company_id and x.id = a.invoice_id
           where a.company_id = ${c} and a.allocation_date > ${asOf}::date and a.invoice_amount_company <> 0
             and x.state = 'posted' and ${onDay}
          union all
          -- A credit note's own application is dated on the credit note, so today this adds nothing; it
          -- keeps the report right should an application ever be dated later.
          select x.partner_id, x.due_date, ${signed(sql`a.invoice_amount_company`)}
            from accounting_payment_allocation a
            join accounting_invoice x on x.company_id = a.company_id and x.id = a.credit_note_id
           where a.company_id = ${c} and a.allocation_date > ${asOf}::date and a.invoice_amount_company <> 0
             and x.state = 'posted' and ${onDay}
          union all
          select x.partner_id, x.due_date, ${signed(sql`x.total_company`)}
            from accounting_invoice x
           where x.company_id = ${c} and x.state = 'cancelled' and x.posted_at is not null and x.total_company <> 0
             and x.cancelled_at >= ((${asOf}::date + 1)::timestamp
                                    at time zone (select time_zone from platform_company where id = ${c}))
             and ${onDay}
        ),
        ${openCreditsSql(actor, side, asOf, partner)},
        small as (
          select partner_id, ${bucketSums(sql`open`, sql`due_date`, asOf)}, null::numeric as unapplied
            from since group by partner_id
          union all
          select partner_id, null, null, null, null, null, sum(open) from credits where open <> 0 group by partner_id
        ),
        per_partner as (
          select coalesce(o.partner_id, s.partner_id) as partner_id,
                 ${sql.join(
                   BUCKETS.slice(0, 5).map(
                     (k) => sql`coalesce(o.${sql.raw(k)}, 0) + coalesce(s.${sql.raw(k)}, 0) as ${sql.raw(k)}`,
                   ),
                   sql`, `,
                 )},
                 coalesce(s.unapplied, 0) as unapplied
            from open_now o
            full join (select partner_id, ${sql.join(BUCKETS.slice(0, 6).map(sum), sql`, `)} from small
                        group by partner_id) s on s.partner_id = o.partner_id
        ),
        figures as (
          select *, current + days1to30 + days31to60 + days61to90 + over90 - unapplied as total from per_partner
        )
        select * from (
          select false as is_total, b.partner_id, p.name as partner_name,
                 ${sql.join(
                   BUCKETS.map((k) => figure(k)),
                   sql`, `,
                 )}
            from figures b left join crm_customer p on p.company_id = ${c} and p.id = b.partner_id
          union all
          select true, null, null, ${sql.join(
            BUCKETS.map((k) => figure(k, sql`t`)),
            sql`, `,
          )}
            from (select ${sql.join(BUCKETS.map(sum), sql`, `)} from figures) t
        ) r
        order by is_total, partner_name, partner_id`;
}

/** `credits`: per posted payment of the side made by `asOf`, what was not allocated yet on that day. */
function openCreditsSql(actor: Actor, side: AgingSide, asOf: string, partner: SQL) {
  const c = actor.companyId;
  const onDay = sql`x.direction = ${SIDES[side].direction} and x.payment_date <= ${asOf}::date
                    and x.state = 'posted' and ${visibleInvoiceSql(actor)} ${partner}`;
  return sql`used_later as (
          select a.payment_id, sum(a.payment_amount_company) as amount from accounting_payment_allocation a
           where a.company_id = ${c} and a.payment_id is not null and a.allocation_date > ${asOf}::date
           group by a.payment_id
        ),
        credits as (
          select x.partner_id, x.unallocated_company + coalesce(u.amount, 0) as open
            from accounting_payment x left join used_later u on u.payment_id = x.id
           where x.company_id = ${c} and x.unallocated_company <> 0 and ${onDay}
          union all
          select x.partner_id, u.amount
            from used_later u join accounting_payment x on x.company_id = ${c} and x.id = u.payment_id
           where x.unallocated_company = 0 and ${onDay}
        )`;
}
