import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { amountInChineseWords } from '../../../platform/text/chinese-amount.ts';
import { findOrder, orderLines } from '../order/order.repo.ts';
import { type PrintLang, plain, renderSheet } from './print-page.ts';

const TEXT = {
  'zh-CN': {
    title: '采购订单',
    draft: '询价单',
    number: '订单号',
    supplier: '供应商',
    orderDate: '订单日期',
    expected: '要求到货日期',
    terms: '付款条件',
    currency: '币种',
    deliverTo: '收货仓库',
    columns: ['序号', '编码', '品名 / 说明', '数量', '单位', '单价', '税码', '金额', '税额', '价税合计'],
    subtotal: '不含税合计',
    tax: '税额合计',
    total: '总计',
    words: '大写',
    notes: '备注',
    signs: ['采购员 / 日期', '审核 / 日期', '供应商确认（盖章） / 日期'],
  },
  en: {
    title: 'Purchase order',
    draft: 'Request for quotation',
    number: 'Order no.',
    supplier: 'Supplier',
    orderDate: 'Order date',
    expected: 'Delivery date',
    terms: 'Payment terms',
    currency: 'Currency',
    deliverTo: 'Deliver to',
    columns: ['#', 'SKU', 'Item / description', 'Qty', 'Unit', 'Unit price', 'Tax', 'Net', 'Tax', 'Total'],
    subtotal: 'Subtotal',
    tax: 'Tax',
    total: 'Total',
    words: 'In words',
    notes: 'Notes',
    signs: ['Buyer / date', 'Approved by / date', 'Accepted by the supplier / date'],
  },
} as const;

/** Columns of figures (right-aligned): #, qty, unit price, net, tax, total. */
const FIGURES = new Set([0, 3, 5, 7, 8, 9]);

/**
 * The printable purchase order (an RFQ while draft or sent) in the asked language: supplier, dates,
 * the delivery warehouse, lines with prices and tax, totals and, for CNY in Chinese, the total in
 * capital numerals (大写). 404 for another company's order.
 */
export async function printPurchaseOrder(
  ex: Executor,
  actor: Actor,
  id: string,
  lang: PrintLang,
): Promise<string> {
  requirePermission(actor, 'purchasing.order.read');
  const order = await findOrder(ex, actor.companyId, id);
  const lines = await orderLines(ex, actor.companyId, id, lang);
  const place = await one<{ company: string; warehouse: string; address: string }>(
    ex,
    sql`select c.name as company, coalesce(w.name->>${lang}, w.name->>'zh-CN', w.name->>'en', w.code) as warehouse,
               w.address
          from platform_company c
          join inventory_warehouse w on w.company_id = c.id and w.id = ${order.warehouseId}
         where c.id = ${actor.companyId}`,
  );
  const t = TEXT[lang];
  const rfq = order.state === 'draft' || order.state === 'sent';
  const money = (v: string) => `${order.currency} ${v}`;
  const words = lang === 'zh-CN' && order.currency === 'CNY' ? amountInChineseWords(order.total) : null;
  return renderSheet({
    lang,
    title: rfq ? t.draft : t.title,
    number: order.number,
    company: place?.company ?? '',
    facts: [
      [t.number, order.number],
      [t.orderDate, order.orderDate],
      [t.supplier, `${order.supplierName} (${order.supplierCode})`],
      [t.expected, order.expectedDate],
      [t.deliverTo, [place?.warehouse, place?.address].filter(Boolean).join(' · ')],
      [t.terms, order.paymentTermCode],
      [t.currency, order.currency],
    ],
    columns: t.columns.map((label, i) => ({ label, numeric: FIGURES.has(i) })),
    rows: lines.map((l) => [
      String(l.lineNo),
      l.sku,
      { text: l.productName, sub: l.description },
      plain(l.qty),
      l.uomCode,
      plain(l.unitPrice),
      l.taxCode ?? '',
      l.subtotal,
      l.tax,
      l.total,
    ]),
    totals: [
      { label: t.subtotal, values: [money(order.subtotal)] },
      { label: t.tax, values: [money(order.taxTotal)] },
      { label: t.total, values: [money(order.total)] },
    ],
    inWords: words ? { label: t.words, text: words } : null,
    notes: { label: t.notes, text: order.notes },
    signatures: [...t.signs],
  });
}
