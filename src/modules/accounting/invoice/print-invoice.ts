// The printable A4 page of an invoice, credit note or bill: self-contained HTML, every value escaped
// (partner names, descriptions and notes are user text).

import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { InvoiceView } from './contract.ts';
import { loadInvoice } from './invoice.repo.ts';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const e = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
const plain = (v: string) => new Decimal(v).toFixed();

const TITLES = {
  'zh-CN': {
    customer_invoice: '销售发票',
    customer_credit_note: '红字发票（贷项通知单）',
    supplier_bill: '供应商账单',
    supplier_credit_note: '供应商红字发票',
  },
  en: {
    customer_invoice: 'Invoice',
    customer_credit_note: 'Credit note',
    supplier_bill: 'Supplier bill',
    supplier_credit_note: 'Supplier credit note',
  },
} as const;

const LABELS = {
  'zh-CN': [
    '发票号',
    '客户',
    '开票日期',
    '到期日',
    '币种',
    '数电票号码',
    '参考',
    '原发票',
    '序号',
    '编码',
    '品名 / 说明',
    '数量',
    '单价',
    '折扣%',
    '税码',
    '金额',
    '税额',
    '价税合计',
    '不含税合计',
    '税额合计',
    '总计',
    '未结金额',
    '备注',
    '草稿',
  ],
  en: [
    'Number',
    'Partner',
    'Invoice date',
    'Due date',
    'Currency',
    'E-invoice no.',
    'Reference',
    'Credits',
    '#',
    'SKU',
    'Item / description',
    'Qty',
    'Unit price',
    'Disc. %',
    'Tax',
    'Net',
    'Tax',
    'Total',
    'Subtotal',
    'Tax',
    'Total',
    'Amount due',
    'Notes',
    'DRAFT',
  ],
};

const STYLE = `@page{size:A4;margin:16mm}body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",Arial,sans-serif;font-size:11pt;color:#111}
h1{font-size:18pt;margin:0 0 4mm}header{border-bottom:2px solid #333;margin-bottom:5mm;padding-bottom:3mm;font-weight:bold;font-size:13pt}
dl{display:grid;grid-template-columns:max-content 1fr;gap:1mm 6mm;margin:0 0 5mm}dt{color:#555}dd{margin:0}
table{width:100%;border-collapse:collapse}th,td{border:1px solid #999;padding:1.5mm 2mm;vertical-align:top}th{background:#eee;text-align:left}
td.n{text-align:right;white-space:nowrap}.totals td{border:none}.totals td.n{font-weight:bold}.notes{margin-top:5mm;white-space:pre-wrap}`;

export function renderInvoice(
  inv: InvoiceView,
  company: string,
  lang: 'zh-CN' | 'en',
  credits: string | null,
): string {
  const [number, partner, date, due, currency, eInvoice, reference, creditsLabel, ...l] = LABELS[lang];
  const draft = l[15];
  const facts: Array<[string, string]> = [
    [number, inv.number ?? draft],
    [partner, inv.partnerName ?? ''],
    [date, inv.invoiceDate],
    [due, inv.dueDate],
    [currency, inv.currency],
  ];
  if (inv.eInvoiceNumber) facts.push([eInvoice, `${inv.eInvoiceNumber} (${inv.eInvoiceDate ?? ''})`]);
  if (inv.reference) facts.push([reference, inv.reference]);
  if (credits) facts.push([creditsLabel, credits]);
  const rows = inv.lines
    .map(
      (x) =>
        `<tr><td>${x.lineNo}</td><td>${e(x.sku ?? '')}</td><td>${e(x.description)}</td><td class="n">${e(plain(x.quantity))}</td><td class="n">${e(
          plain(x.unitPrice),
        )}</td><td class="n">${e(plain(x.discountPercent))}</td><td>${e(x.taxCode ?? '')}</td><td class="n">${e(x.net)}</td><td class="n">${e(
          x.tax,
        )}</td><td class="n">${e(x.total)}</td></tr>`,
    )
    .join('');
  const money = (v: string) => `${e(inv.currency)} ${e(v)}`;
  const total = (label: string, v: string) =>
    `<tr><td colspan="9" class="n">${e(label)}</td><td class="n">${money(v)}</td></tr>`;
  return `<!doctype html><html lang="${e(lang)}"><head><meta charset="utf-8"><title>${e(TITLES[lang][inv.kind])} ${e(inv.number ?? '')}</title>
<style>${STYLE}</style></head><body><header>${e(company)}</header><h1>${e(TITLES[lang][inv.kind])}</h1>
<dl>${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>
<table><thead><tr>${l
    .slice(0, 10)
    .map((h) => `<th>${e(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows}</tbody></table>
<table class="totals">${total(l[10], inv.untaxed)}${total(l[11], inv.tax)}${total(l[12], inv.total)}${
    inv.state === 'posted' ? total(l[13], inv.residual) : ''
  }</table>
${inv.notes ? `<div class="notes"><strong>${e(l[14])}:</strong> ${e(inv.notes)}</div>` : ''}</body></html>`;
}

/** The printable invoice as one HTML page, for whoever may read it. */
export async function printInvoice(tx: Tx, actor: Actor, id: string, lang: 'zh-CN' | 'en'): Promise<string> {
  requirePermission(actor, 'accounting.invoice.read');
  const inv = await loadInvoice(tx, actor, id);
  const company = await one<{ name: string }>(
    tx,
    sql`select name from platform_company where id = ${actor.companyId}`,
  );
  const credited = inv.creditNoteOf
    ? await one<{ number: string | null }>(
        tx,
        sql`select number from accounting_invoice where company_id = ${actor.companyId} and id = ${inv.creditNoteOf}`,
      )
    : undefined;
  return renderInvoice(inv, company?.name ?? '', lang, credited?.number ?? null);
}
