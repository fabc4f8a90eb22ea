import type { Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { printDocument } from '../document/print-document.ts';
import { findVisibleQuote, quoteView } from './quote.repo.ts';

/** The printable quote (报价单) as one HTML page, for the browser's print dialog or a PDF printer. */
export async function printQuote(tx: Tx, actor: Actor, id: string, lang: 'zh-CN' | 'en') {
  requirePermission(actor, 'sales.quote.read');
  const q = await quoteView(tx, actor.companyId, await findVisibleQuote(tx, actor, id));
  const zh = lang === 'zh-CN';
  return printDocument(tx, actor.companyId, q, {
    lang,
    title: zh ? '报价单' : 'Quotation',
    facts: [
      [
        zh ? '报价单号' : 'Quote no.',
        `${q.number}${q.revision > 1 ? ` / ${zh ? '第' : 'rev. '}${q.revision}${zh ? '版' : ''}` : ''}`,
      ],
      [zh ? '客户' : 'Customer', q.customerName ?? ''],
      [zh ? '报价日期' : 'Date', q.quoteDate],
      [zh ? '有效期至' : 'Valid until', q.validUntil ?? '—'],
      [zh ? '币种' : 'Currency', q.currency],
      [zh ? '销售' : 'Salesperson', q.ownerName ?? ''],
    ],
  });
}
