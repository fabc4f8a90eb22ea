import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { queueMail } from '../../../platform/mail/queue.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { getCustomerContact } from '../../crm/index.ts';
import { plain } from '../document/amounts.ts';
import type { QuoteView, SendQuoteInput } from './contract.ts';
import { applyQuoteState, lockQuoteFor } from './quote-state.ts';

function mailText(q: QuoteView, company: string, link: string, zh: boolean): string {
  const lines = q.lines.map(
    (l) =>
      `${l.lineNo}. ${l.description} — ${plain(l.qty)} ${l.uomCode} × ${plain(l.unitPrice)} = ${q.currency} ${l.total}`,
  );
  return zh
    ? [
        `您好，`,
        ``,
        `附上${company}的报价单 ${q.number}（第 ${q.revision} 版），有效期至 ${q.validUntil ?? '—'}：`,
        ``,
        ...lines,
        ``,
        `合计（含税）：${q.currency} ${q.total}`,
        ``,
        `报价单全文：${link}`,
      ].join('\n')
    : [
        `Hello,`,
        ``,
        `Please find quote ${q.number} (revision ${q.revision}) from ${company}, valid until ${q.validUntil ?? '—'}:`,
        ``,
        ...lines,
        ``,
        `Total incl. tax: ${q.currency} ${q.total}`,
        ``,
        `The full quote: ${link}`,
      ].join('\n');
}

/**
 * Mails the quote to its contact (or `to`) through the platform mail queue — it leaves after commit —
 * with the lines, the total and the link to the printable page; the quote becomes 'sent'.
 */
export async function sendQuote(tx: Tx, actor: Actor, id: string, input: SendQuoteInput, publicUrl: string) {
  requirePermission(actor, 'sales.quote.send');
  const { before } = await lockQuoteFor(tx, actor, id, input.version, 'sent');
  const contact = before.contactId
    ? await getCustomerContact(tx, actor.companyId, before.customerId, before.contactId)
    : null;
  const to = input.to ?? contact?.email ?? null;
  if (!to)
    throw unprocessable('sales.no_recipient', 'The quote has no contact with an email; give an address', {
      field: 'to',
    });
  const company = await one<{ name: string; locale: string }>(
    tx,
    sql`select name, locale from platform_company where id = ${actor.companyId}`,
  );
  const lang = input.lang ?? (company?.locale === 'en' ? 'en' : 'zh-CN');
  const link = `${publicUrl.replace(/\/$/, '')}/api/v1/quotes/${id}/print?lang=${lang}`;
  const zh = lang === 'zh-CN';
  await queueMail(tx, {
    companyId: actor.companyId,
    kind: 'sales.quote',
    to,
    subject: zh
      ? `报价单 ${before.number}（第 ${before.revision} 版）— ${company?.name ?? ''}`
      : `Quote ${before.number} (revision ${before.revision}) — ${company?.name ?? ''}`,
    text: mailText(before, company?.name ?? '', link, zh),
  });
  return applyQuoteState(tx, actor, before, 'sent', {
    type: 'quote.sent',
    summary: `Quote ${before.number} sent to ${to}`,
    payload: { to },
  });
}
