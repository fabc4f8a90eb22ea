import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { plain } from './amounts.ts';
import type { LineView } from './contract.ts';
import { type PrintPage, renderPrintPage } from './html.ts';
import { amountInChineseWords } from './words.ts';

export interface PrintableDocument {
  number: string;
  customerName: string | null;
  currency: string;
  subtotal: string;
  taxTotal: string;
  total: string;
  notes: string;
  lines: LineView[];
}

const nameIn = (names: Record<string, string>, lang: string) =>
  names[lang] ?? names['zh-CN'] ?? names.en ?? Object.values(names)[0] ?? '';

/** The A4 page of a document: the company's name on top, the facts given, lines, totals, in words for CNY. */
export async function printDocument(
  tx: Tx,
  companyId: string,
  doc: PrintableDocument,
  options: { lang: 'zh-CN' | 'en'; title: string; facts: Array<[string, string]> },
): Promise<string> {
  const company = await one<{ name: string }>(
    tx,
    sql`select name from platform_company where id = ${companyId}`,
  );
  const page: PrintPage = {
    lang: options.lang,
    title: options.title,
    company: company?.name ?? '',
    facts: options.facts,
    lines: doc.lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      name: nameIn(l.productName, options.lang),
      description: l.description,
      qty: plain(l.qty),
      uomCode: l.uomCode,
      unitPrice: plain(l.unitPrice),
      discountPercent: plain(l.discountPercent),
      taxCode: l.taxCode ?? '',
      subtotal: l.subtotal,
      tax: l.tax,
      total: l.total,
    })),
    currency: doc.currency,
    totals: { subtotal: doc.subtotal, taxTotal: doc.taxTotal, total: doc.total },
    totalInWords: doc.currency === 'CNY' && options.lang === 'zh-CN' ? amountInChineseWords(doc.total) : null,
    notes: doc.notes,
  };
  return renderPrintPage(page);
}
