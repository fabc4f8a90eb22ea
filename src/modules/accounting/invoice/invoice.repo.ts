import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, staleVersion } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { plainDecimal } from '../../../platform/reference/decimal.ts';
import { visibleCustomerSql } from '../../crm/index.ts';
import type { InvoiceSummary, InvoiceView } from './contract.ts';
import type { CompanyLineAmounts, InvoiceKind, InvoiceTotals } from './invoice.ts';

export const INVOICE_ENTITY = 'accounting.invoice';

/**
 * The record rule on invoices follows their partner: whoever may see the customer (crm's rule: owner,
 * team, pool) may see its invoices; a company-wide role sees all.
 */
export function visibleInvoiceSql(actor: Actor, alias = sql`x`): SQL {
  if (actor.recordScope === 'company') return sql`true`;
  return sql`exists (select 1 from crm_customer c where c.company_id = ${alias}.company_id
                and c.id = ${alias}.partner_id and ${visibleCustomerSql(actor, sql`c`)})`;
}

export const selectInvoice = sql`select x.*, x.invoice_date::text as invoice_date_t, x.due_date::text as due_date_t,
    x.e_invoice_date::text as e_invoice_date_t, x.rate::text as rate_t, x.untaxed::text as untaxed_t, x.tax::text as tax_t,
    x.total::text as total_t, x.untaxed_company::text as untaxed_company_t, x.tax_company::text as tax_company_t,
    x.total_company::text as total_company_t, x.residual::text as residual_t, x.residual_company::text as residual_company_t,
    p.name as partner_name
  from accounting_invoice x left join crm_customer p on p.company_id = x.company_id and p.id = x.partner_id`;

export function toInvoiceSummary(r: Record<string, any>): InvoiceSummary {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    number: r.number ?? null,
    partnerId: r.partner_id,
    partnerName: r.partner_name ?? null,
    invoiceDate: r.invoice_date_t,
    dueDate: r.due_date_t,
    paymentTermCode: r.payment_term_code ?? null,
    currency: r.currency,
    rate: plainDecimal(r.rate_t),
    untaxed: r.untaxed_t,
    tax: r.tax_t,
    total: r.total_t,
    untaxedCompany: r.untaxed_company_t,
    taxCompany: r.tax_company_t,
    totalCompany: r.total_company_t,
    residual: r.residual_t,
    residualCompany: r.residual_company_t,
    paymentState: r.payment_state,
    creditNoteOf: r.credit_note_of ?? null,
    eInvoiceNumber: r.e_invoice_number ?? null,
    eInvoiceDate: r.e_invoice_date_t ?? null,
    originType: r.origin_type ?? null,
    originId: r.origin_id ?? null,
    originNumber: r.origin_number ?? null,
    reference: r.reference,
    notes: r.notes,
    entryId: r.entry_id ?? null,
    reversalEntryId: r.reversal_entry_id ?? null,
    postedAt: isoOrNull(r.posted_at),
    cancelledAt: isoOrNull(r.cancelled_at),
    cancelReason: r.cancel_reason ?? null,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The invoice row if the actor may see it (404 otherwise: another company or outside the record rule). */
export async function findInvoice(ex: Executor, actor: Actor, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectInvoice} where x.company_id = ${actor.companyId} and x.id = ${id} and ${visibleInvoiceSql(actor)}
        ${lock ? sql`for update of x` : sql``}`,
  );
  if (!row) throw notFound('invoice', id);
  return row;
}

export function assertVersion(row: Record<string, any>, expected: number | undefined): void {
  if (expected !== undefined && row.version !== expected)
    throw staleVersion('invoice', expected, row.version);
}

export interface LineRow extends CompanyLineAmounts {
  productId: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxCode: string | null;
  taxRate: string;
  taxIncluded: boolean;
  accountId: string | null;
  originLineId: string | null;
}

export async function invoiceLineRows(ex: Executor, companyId: string, invoiceId: string) {
  return rows<Record<string, any>>(
    ex,
    sql`select l.*, l.quantity::text as quantity_t, l.unit_price::text as unit_price_t,
               l.discount_percent::text as discount_t, l.tax_rate::text as tax_rate_t, l.net::text as net_t,
               l.tax::text as tax_t, l.total::text as total_t, l.net_company::text as net_company_t,
               l.tax_company::text as tax_company_t, pr.sku
          from accounting_invoice_line l
          left join catalog_product pr on pr.company_id = l.company_id and pr.id = l.product_id
         where l.company_id = ${companyId} and l.invoice_id = ${invoiceId} order by l.line_no`,
  );
}

const plain = (v: string) => v;

export function toLineView(l: Record<string, any>) {
  return {
    id: l.id as string,
    lineNo: l.line_no as number,
    productId: (l.product_id ?? null) as string | null,
    sku: (l.sku ?? null) as string | null,
    description: l.description as string,
    quantity: plain(l.quantity_t),
    unitPrice: plain(l.unit_price_t),
    discountPercent: plain(l.discount_t),
    taxCode: (l.tax_code ?? null) as string | null,
    taxRate: plain(l.tax_rate_t),
    taxIncluded: l.tax_included as boolean,
    net: l.net_t as string,
    tax: l.tax_t as string,
    total: l.total_t as string,
    netCompany: l.net_company_t as string,
    taxCompany: l.tax_company_t as string,
    accountId: (l.account_id ?? null) as string | null,
    originLineId: (l.origin_line_id ?? null) as string | null,
  };
}

/** Settlements touching the invoice: payments and credit notes applied to it, or (a credit note) where it went. */
export async function settlementsOf(ex: Executor, companyId: string, invoiceId: string) {
  const list = await rows<Record<string, any>>(
    ex,
    sql`select a.id, a.allocation_date::text as date, a.payment_id, a.credit_note_id, a.invoice_id,
               a.amount::text as amount, a.fx_difference::text as fx, coalesce(p.number, cn.number, i.number) as number
          from accounting_payment_allocation a
          left join accounting_payment p on p.company_id = a.company_id and p.id = a.payment_id
          left join accounting_invoice cn on cn.company_id = a.company_id and cn.id = a.credit_note_id
                and a.invoice_id = ${invoiceId}
          left join accounting_invoice i on i.company_id = a.company_id and i.id = a.invoice_id
                and a.credit_note_id = ${invoiceId}
         where a.company_id = ${companyId} and (a.invoice_id = ${invoiceId} or a.credit_note_id = ${invoiceId})
         order by a.allocation_date, a.id`,
  );
  return list.map((a) => ({
    id: a.id,
    date: a.date,
    paymentId: a.payment_id ?? null,
    creditNoteId: a.credit_note_id ?? null,
    invoiceId: a.invoice_id,
    number: a.number ?? null,
    amount: a.amount,
    fxDifference: a.fx,
  }));
}

export async function invoiceView(
  ex: Executor,
  companyId: string,
  row: Record<string, any>,
): Promise<InvoiceView> {
  return {
    ...toInvoiceSummary(row),
    lines: (await invoiceLineRows(ex, companyId, row.id)).map(toLineView),
    settlements: await settlementsOf(ex, companyId, row.id),
  };
}

export async function loadInvoice(ex: Executor, actor: Actor, id: string): Promise<InvoiceView> {
  return invoiceView(ex, actor.companyId, await findInvoice(ex, actor, id));
}

export interface HeaderRow {
  kind: InvoiceKind;
  partnerId: string;
  invoiceDate: string;
  dueDate: string;
  paymentTermCode: string | null;
  currency: string;
  rate: string;
  reference: string;
  notes: string;
  creditNoteOf?: string | null;
  originType?: string | null;
  originId?: string | null;
  originNumber?: string | null;
}

export async function insertInvoice(
  tx: Tx,
  actor: Actor,
  h: HeaderRow,
  totals: InvoiceTotals,
): Promise<string> {
  const id = newId();
  await tx.execute(
    sql`insert into accounting_invoice (company_id, id, kind, partner_id, invoice_date, due_date, payment_term_code,
          currency, rate, untaxed, tax, total, untaxed_company, tax_company, total_company, credit_note_of,
          origin_type, origin_id, origin_number, reference, notes, created_by)
        values (${actor.companyId}, ${id}, ${h.kind}, ${h.partnerId}, ${h.invoiceDate}, ${h.dueDate}, ${h.paymentTermCode},
          ${h.currency}, ${h.rate}, ${totals.untaxed}, ${totals.tax}, ${totals.total}, ${totals.untaxedCompany},
          ${totals.taxCompany}, ${totals.totalCompany}, ${h.creditNoteOf ?? null}, ${h.originType ?? null},
          ${h.originId ?? null}, ${h.originNumber ?? null}, ${h.reference}, ${h.notes},
          ${actor.name === 'system' ? null : actor.userId})`,
  );
  return id;
}

/** Writes an invoice's lines in one statement (ids are new). */
export async function insertLines(
  tx: Tx,
  companyId: string,
  invoiceId: string,
  lines: LineRow[],
): Promise<void> {
  const list = lines.map((l, i) => ({ ...l, id: newId(), lineNo: i + 1 }));
  await tx.execute(
    sql`insert into accounting_invoice_line (company_id, id, invoice_id, line_no, product_id, description, quantity,
          unit_price, discount_percent, tax_code, tax_rate, tax_included, net, tax, total, net_company, tax_company,
          account_id, origin_line_id)
        select ${companyId}, r.id, ${invoiceId}, r."lineNo", r."productId", r.description, r.quantity, r."unitPrice",
               r."discountPercent", r."taxCode", r."taxRate", r."taxIncluded", r.net, r.tax, r.total, r."netCompany",
               r."taxCompany", r."accountId", r."originLineId"
          from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as r(id uuid, "lineNo" int, "productId" uuid,
            description text, quantity numeric, "unitPrice" numeric, "discountPercent" numeric, "taxCode" text,
            "taxRate" numeric, "taxIncluded" boolean, net numeric, tax numeric, total numeric, "netCompany" numeric,
            "taxCompany" numeric, "accountId" uuid, "originLineId" uuid)`,
  );
}

export async function deleteLines(tx: Tx, companyId: string, invoiceId: string): Promise<void> {
  await tx.execute(
    sql`delete from accounting_invoice_line where company_id = ${companyId} and invoice_id = ${invoiceId}`,
  );
}

/** Sets columns of one invoice and bumps its version. */
export async function setInvoice(tx: Tx, companyId: string, id: string, set: SQL): Promise<void> {
  await tx.execute(
    sql`update accounting_invoice set ${set}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
}

/** What the audit log keeps of an invoice: business fields, not joined names or stamps. */
export function auditableInvoice(v: InvoiceSummary & { lines?: unknown[] }) {
  const { partnerName: _p, createdAt: _c, updatedAt: _u, version: _v, ...rest } = v as any;
  delete rest.settlements;
  return rest as Record<string, unknown>;
}

/** An invoice's open amount after a settlement (payment state follows); the row is locked by the caller. */
export async function writeResidual(
  tx: Tx,
  companyId: string,
  id: string,
  residual: { residual: string; residualCompany: string; paymentState: string },
): Promise<void> {
  await setInvoice(
    tx,
    companyId,
    id,
    sql`residual = ${residual.residual}, residual_company = ${residual.residualCompany},
        payment_state = ${residual.paymentState}`,
  );
}

/** Locks posted invoices (in id order, so concurrent allocations never deadlock) of the company. */
export async function lockOpenInvoices(tx: Tx, companyId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, Record<string, any>>();
  const list = await rows<Record<string, any>>(
    tx,
    sql`${selectInvoice} where x.company_id = ${companyId} and x.id in (${sql.join(
      [...new Set(ids)].map((i) => sql`${i}::uuid`),
      sql`, `,
    )}) order by x.id for update of x`,
  );
  return new Map(list.map((r) => [r.id as string, r]));
}
