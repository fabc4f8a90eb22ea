import { createHash } from 'node:crypto';
import { Decimal } from 'decimal.js';

// The printed 送货单 / delivery note and the return receipt: a server-rendered A4 page with no script
// and no external asset. Every value from the database goes through `e()`, and the page's own
// Content-Security-Policy allows nothing but its constant style sheet, so even a value that slipped
// through could not run.

export type PrintLang = 'zh-CN' | 'en';

const TEXT = {
  'zh-CN': {
    delivery: '送货单',
    return_in: '退货单',
    number: '单号',
    date: '日期',
    origin: '来源单据',
    customer: '客户',
    shipTo: '收货信息',
    carrier: '承运商',
    trackingNo: '运单号',
    reason: '退货原因',
    returnOf: '原送货单',
    lineNo: '序号',
    sku: '编码',
    name: '品名',
    qty: '数量',
    unit: '单位',
    lot: '批号',
    quality: '质量状态',
    ok: '合格入库',
    hold: '待检',
    scrap: '报废',
    total: '合计',
    signOut: '发货人',
    signIn: '收货人',
    signReturn: '退货人',
    signDate: '日期',
  },
  en: {
    delivery: 'Delivery note',
    return_in: 'Return receipt',
    number: 'No.',
    date: 'Date',
    origin: 'Origin',
    customer: 'Customer',
    shipTo: 'Ship to',
    carrier: 'Carrier',
    trackingNo: 'Tracking no.',
    reason: 'Reason',
    returnOf: 'Delivery',
    lineNo: '#',
    sku: 'SKU',
    name: 'Product',
    qty: 'Qty',
    unit: 'Unit',
    lot: 'Lot',
    quality: 'Condition',
    ok: 'Back to stock',
    hold: 'On hold',
    scrap: 'Scrapped',
    total: 'Total',
    signOut: 'Shipped by',
    signIn: 'Received by',
    signReturn: 'Returned by',
    signDate: 'Date',
  },
} as const;

const STYLE = `@page{size:A4;margin:14mm}
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif;color:#111;font-size:11pt;margin:0}
main{max-width:182mm;margin:0 auto}header{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:2px solid #111;padding-bottom:4mm}
h1{font-size:18pt;margin:0}.company{font-size:13pt;font-weight:600}
dl{display:grid;grid-template-columns:auto 1fr auto 1fr;gap:1.5mm 4mm;margin:5mm 0}dt{color:#555}dd{margin:0}
table{width:100%;border-collapse:collapse;margin-top:4mm}th,td{border:1px solid #444;padding:1.5mm 2mm;text-align:left;vertical-align:top}
th{background:#eee}td.n{text-align:right;white-space:nowrap}tfoot td{font-weight:600}
.signs{display:grid;grid-template-columns:1fr 1fr;gap:10mm;margin-top:14mm}.sign{border-top:1px solid #111;padding-top:2mm;min-height:18mm}
@media screen{body{background:#f3f3f3}main{background:#fff;padding:12mm;margin:6mm auto;box-shadow:0 0 4px rgba(0,0,0,.2)}}`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page's own policy: its style sheet by hash and nothing else (no script, no frame, no form). */
export const PRINT_CSP = [
  "default-src 'none'",
  `style-src ${hash(STYLE)}`,
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function e(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

export interface PrintLine {
  lineNo: number;
  sku: string;
  name: string;
  qty: string;
  unit: string;
  lots: string[];
  quality?: 'ok' | 'hold' | 'scrap' | null;
}

export interface PrintDoc {
  kind: 'delivery' | 'return_in';
  companyName: string;
  number: string;
  date: string;
  originNumber: string | null;
  customerName: string | null;
  shipTo: Record<string, string> | null;
  carrier: string;
  trackingNo: string;
  reason: string;
  returnOfNumber: string | null;
  lines: PrintLine[];
}

/** A quantity without trailing zeros: '12.5000' → '12.5'. */
function qty(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function field(label: string, value: string | null | undefined): string {
  return value ? `<dt>${e(label)}</dt><dd>${e(value)}</dd>` : '';
}

export function renderPrintPage(doc: PrintDoc, lang: PrintLang): string {
  const t = TEXT[lang];
  const isReturn = doc.kind === 'return_in';
  const shipTo = doc.shipTo
    ? Object.values(doc.shipTo)
        .filter((v) => typeof v === 'string' && v.trim())
        .join(' · ')
    : '';
  const head = [
    field(t.number, doc.number),
    field(t.date, doc.date),
    field(t.customer, doc.customerName),
    field(t.origin, doc.originNumber),
    field(t.shipTo, shipTo),
    field(isReturn ? t.returnOf : t.carrier, isReturn ? doc.returnOfNumber : doc.carrier),
    field(isReturn ? t.reason : t.trackingNo, isReturn ? doc.reason : doc.trackingNo),
  ].join('');
  const rows = doc.lines
    .map(
      (l) => `<tr><td class="n">${e(l.lineNo)}</td><td>${e(l.sku)}</td><td>${e(l.name)}</td>
<td class="n">${e(qty(l.qty))}</td><td>${e(l.unit)}</td><td>${e(l.lots.join(', '))}</td>${
        isReturn ? `<td>${e(l.quality ? t[l.quality] : '')}</td>` : ''
      }</tr>`,
    )
    .join('\n');
  const total = doc.lines.reduce((s, l) => s.add(l.qty), new Decimal(0));
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${e(t[doc.kind])} ${e(doc.number)}</title><style>${STYLE}</style></head>
<body><main>
<header><div class="company">${e(doc.companyName)}</div><h1>${e(t[doc.kind])}</h1></header>
<dl>${head}</dl>
<table><thead><tr><th>${e(t.lineNo)}</th><th>${e(t.sku)}</th><th>${e(t.name)}</th><th>${e(t.qty)}</th><th>${e(t.unit)}</th><th>${e(t.lot)}</th>${
    isReturn ? `<th>${e(t.quality)}</th>` : ''
  }</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="3">${e(t.total)}</td><td class="n">${e(qty(total.toFixed(4)))}</td><td colspan="${isReturn ? 3 : 2}"></td></tr></tfoot></table>
<div class="signs"><div class="sign">${e(isReturn ? t.signReturn : t.signOut)} / ${e(t.signDate)}</div><div class="sign">${e(t.signIn)} / ${e(t.signDate)}</div></div>
</main></body></html>
`;
}
