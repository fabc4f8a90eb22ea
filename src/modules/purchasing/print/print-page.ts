// The printed purchase order and goods receipt note (入库单): one self-contained A4 HTML page with no
// script and no external asset. Every value that came from the database goes through `e()` (supplier
// names, product names, descriptions, notes, lot numbers are user text); the route adds a policy that
// allows nothing but this page's own style sheet.

import { createHash } from 'node:crypto';

export type PrintLang = 'zh-CN' | 'en';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function e(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

const STYLE = `@page{size:A4;margin:14mm}
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",Arial,sans-serif;font-size:10.5pt;color:#111;margin:0}
main{max-width:182mm;margin:0 auto}header{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:2px solid #111;padding-bottom:3mm}
h1{font-size:18pt;margin:0}.company{font-size:13pt;font-weight:600}
dl{display:grid;grid-template-columns:auto 1fr auto 1fr;gap:1.5mm 4mm;margin:5mm 0}dt{color:#555}dd{margin:0}
table{width:100%;border-collapse:collapse;margin-top:3mm}th,td{border:1px solid #444;padding:1.5mm 2mm;text-align:left;vertical-align:top}
th{background:#eee}td.n{text-align:right;white-space:nowrap}tfoot td{font-weight:600}.desc{color:#555;font-size:9pt}
.notes{margin-top:4mm;white-space:pre-wrap}.signs{display:grid;grid-auto-flow:column;grid-auto-columns:1fr;gap:8mm;margin-top:14mm}
.sign{border-top:1px solid #111;padding-top:2mm;min-height:16mm}
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

export interface Column {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
}

/** A table cell: plain text, or a main text with a smaller second line (a description). */
export type Cell = string | { text: string; sub: string };

export interface PrintSheet {
  lang: PrintLang;
  title: string;
  /** The document's number, in the browser's title (and the saved file's name). */
  number: string;
  company: string;
  /** Label → value pairs under the title; empty values are left out. */
  facts: Array<[string, string | null]>;
  columns: Column[];
  rows: Cell[][];
  /** Footer rows: a label spanning the first columns, then values aligned to the last columns. */
  totals: Array<{ label: string; values: string[] }>;
  /** The total in Chinese capital numerals (大写), when printed. */
  inWords: { label: string; text: string } | null;
  notes: { label: string; text: string } | null;
  signatures: string[];
}

function cell(c: Cell, numeric: boolean | undefined): string {
  const cls = numeric ? ' class="n"' : '';
  if (typeof c === 'string') return `<td${cls}>${e(c)}</td>`;
  return `<td${cls}>${e(c.text)}${c.sub && c.sub !== c.text ? `<div class="desc">${e(c.sub)}</div>` : ''}</td>`;
}

function footer(sheet: PrintSheet): string {
  const width = sheet.columns.length;
  const lines = sheet.totals.map((t) => {
    const span = width - t.values.length;
    return `<tr><td colspan="${span}">${e(t.label)}</td>${t.values.map((v) => `<td class="n">${e(v)}</td>`).join('')}</tr>`;
  });
  if (sheet.inWords)
    lines.push(`<tr><td colspan="${width}">${e(sheet.inWords.label)}: ${e(sheet.inWords.text)}</td></tr>`);
  return lines.length ? `<tfoot>${lines.join('\n')}</tfoot>` : '';
}

/** The whole document as one HTML page. */
export function renderSheet(sheet: PrintSheet): string {
  const facts = sheet.facts
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`)
    .join('');
  const head = sheet.columns.map((c) => `<th>${e(c.label)}</th>`).join('');
  const body = sheet.rows
    .map((r) => `<tr>${r.map((c, i) => cell(c, sheet.columns[i]?.numeric)).join('')}</tr>`)
    .join('\n');
  const notes = sheet.notes?.text
    ? `<div class="notes"><strong>${e(sheet.notes.label)}:</strong> ${e(sheet.notes.text)}</div>`
    : '';
  const signs = sheet.signatures.map((s) => `<div class="sign">${e(s)}</div>`).join('');
  return `<!doctype html>
<html lang="${e(sheet.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${e(sheet.title)} ${e(sheet.number)}</title><style>${STYLE}</style></head>
<body><main>
<header><div class="company">${e(sheet.company)}</div><h1>${e(sheet.title)}</h1></header>
<dl>${facts}</dl>
<table><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
${footer(sheet)}</table>
${notes}
<div class="signs">${signs}</div>
</main></body></html>
`;
}

/** A quantity or price without trailing zeros: '12.5000' → '12.5'. */
export function plain(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
