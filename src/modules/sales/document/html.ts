// The printable A4 page of a quote or an order: plain HTML with its own small stylesheet, every value
// escaped (names, notes and descriptions are user text).

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

export interface PrintLine {
  lineNo: number;
  sku: string;
  name: string;
  description: string;
  qty: string;
  uomCode: string;
  unitPrice: string;
  discountPercent: string;
  taxCode: string;
  subtotal: string;
  tax: string;
  total: string;
}

export interface PrintPage {
  lang: 'zh-CN' | 'en';
  title: string;
  company: string;
  /** Label → value pairs under the title (number, dates, customer …). */
  facts: Array<[string, string]>;
  lines: PrintLine[];
  currency: string;
  totals: { subtotal: string; taxTotal: string; total: string };
  totalInWords: string | null;
  notes: string;
}

const LABELS = {
  'zh-CN': {
    no: '序号',
    sku: '编码',
    item: '品名 / 说明',
    qty: '数量',
    unit: '单位',
    price: '单价',
    discount: '折扣%',
    taxCode: '税码',
    net: '金额',
    tax: '税额',
    total: '价税合计',
    subtotal: '不含税合计',
    taxTotal: '税额合计',
    grand: '总计',
    words: '大写',
    notes: '备注',
  },
  en: {
    no: '#',
    sku: 'SKU',
    item: 'Item / description',
    qty: 'Qty',
    unit: 'Unit',
    price: 'Unit price',
    discount: 'Disc. %',
    taxCode: 'Tax',
    net: 'Net',
    tax: 'Tax',
    total: 'Total',
    subtotal: 'Subtotal',
    taxTotal: 'Tax',
    grand: 'Total',
    words: 'In words',
    notes: 'Notes',
  },
};

export function labels(lang: 'zh-CN' | 'en') {
  return LABELS[lang];
}

const STYLE = `@page{size:A4;margin:16mm}body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",Arial,sans-serif;font-size:11pt;color:#111}
h1{font-size:18pt;margin:0 0 4mm}header{border-bottom:2px solid #333;margin-bottom:5mm;padding-bottom:3mm}
.company{font-size:13pt;font-weight:bold}dl{display:grid;grid-template-columns:max-content 1fr;gap:1mm 6mm;margin:0 0 5mm}
dt{color:#555}dd{margin:0}table{width:100%;border-collapse:collapse}th,td{border:1px solid #999;padding:1.5mm 2mm;vertical-align:top}
th{background:#eee;text-align:left}td.n{text-align:right;white-space:nowrap}.desc{color:#555;font-size:9pt}
.totals td{border:none}.totals td.n{font-weight:bold}.notes{margin-top:5mm;white-space:pre-wrap}`;

/** The whole document as one self-contained HTML page. */
export function renderPrintPage(page: PrintPage): string {
  const l = labels(page.lang);
  const e = escapeHtml;
  const facts = page.facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('');
  const rows = page.lines
    .map(
      (x) =>
        `<tr><td>${x.lineNo}</td><td>${e(x.sku)}</td><td>${e(x.name)}${
          x.description && x.description !== x.name ? `<div class="desc">${e(x.description)}</div>` : ''
        }</td><td class="n">${e(x.qty)}</td><td>${e(x.uomCode)}</td><td class="n">${e(x.unitPrice)}</td><td class="n">${e(
          x.discountPercent,
        )}</td><td>${e(x.taxCode)}</td><td class="n">${e(x.subtotal)}</td><td class="n">${e(x.tax)}</td><td class="n">${e(x.total)}</td></tr>`,
    )
    .join('');
  const money = (v: string) => `${e(page.currency)} ${e(v)}`;
  const words = page.totalInWords
    ? `<tr><td colspan="10">${e(l.words)}: ${e(page.totalInWords)}</td><td></td></tr>`
    : '';
  return `<!doctype html><html lang="${e(page.lang)}"><head><meta charset="utf-8"><title>${e(page.title)}</title>
<style>${STYLE}</style></head><body><header><div class="company">${e(page.company)}</div></header>
<h1>${e(page.title)}</h1><dl>${facts}</dl>
<table><thead><tr><th>${e(l.no)}</th><th>${e(l.sku)}</th><th>${e(l.item)}</th><th>${e(l.qty)}</th><th>${e(l.unit)}</th><th>${e(
    l.price,
  )}</th><th>${e(l.discount)}</th><th>${e(l.taxCode)}</th><th>${e(l.net)}</th><th>${e(l.tax)}</th><th>${e(l.total)}</th></tr></thead>
<tbody>${rows}</tbody></table>
<table class="totals"><tr><td colspan="10" class="n">${e(l.subtotal)}</td><td class="n">${money(page.totals.subtotal)}</td></tr>
<tr><td colspan="10" class="n">${e(l.taxTotal)}</td><td class="n">${money(page.totals.taxTotal)}</td></tr>
<tr><td colspan="10" class="n">${e(l.grand)}</td><td class="n">${money(page.totals.total)}</td></tr>${words}</table>
${page.notes ? `<div class="notes"><strong>${e(l.notes)}:</strong> ${e(page.notes)}</div>` : ''}
</body></html>`;
}
