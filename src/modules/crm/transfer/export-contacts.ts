import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import type { ExportColumn, ExportRow } from '../../../platform/exports/export-rows.ts';
import { type Actor, maskedFields, requirePermission } from '../../../platform/permissions/actor.ts';
import { RESOURCE } from '../contact/contact.repo.ts';
import { ContactListQuery } from '../contact/contract.ts';
import { listContacts } from '../contact/list-contacts.ts';
import { CONTACT_COLUMNS } from './import-contact.ts';
import { inList } from './undo-imported.ts';

export const ContactExportQuery = ContactListQuery.omit({ limit: true, cursor: true });

// The contact import's columns, then what it does not read.
const COLUMNS: Array<{ key: string; field: string; label?: { 'zh-CN': string; en: string } }> = [
  { key: 'customer', field: 'customerId' },
  { key: 'customerName', field: 'customerName', label: { 'zh-CN': '客户名称', en: 'Customer name' } },
  { key: 'name', field: 'name' },
  { key: 'phones', field: 'phones' },
  { key: 'email', field: 'email' },
  { key: 'wechat', field: 'wechat' },
  { key: 'title', field: 'title' },
  { key: 'birthday', field: 'birthday', label: { 'zh-CN': '生日', en: 'Birthday' } },
  {
    key: 'preferredChannel',
    field: 'preferredChannel',
    label: { 'zh-CN': '首选联系方式', en: 'Preferred channel' },
  },
];

export function contactExportColumns(actor: Actor): ExportColumn[] {
  requirePermission(actor, 'crm.contact.read');
  const masked = new Set(maskedFields(actor, RESOURCE));
  return COLUMNS.filter((c) => !masked.has(c.field)).map((c) => {
    const label = c.label ?? CONTACT_COLUMNS.find((i) => i.key === c.key)!.label;
    return { key: c.key, header: actor.locale === 'zh-CN' ? label['zh-CN'] : label.en };
  });
}

/** The visible contacts (same filters, record rule and masks as the list), page by page. */
export async function* contactExportRows(
  ex: Executor,
  actor: Actor,
  query: ReturnType<typeof ContactExportQuery.parse>,
): AsyncGenerator<ExportRow> {
  requirePermission(actor, 'crm.customer.export');
  let cursor: string | undefined;
  do {
    const page = await listContacts(ex, actor, { ...query, limit: 200, cursor });
    const customerIds = [...new Set(page.items.map((k) => k.customerId).filter((id): id is string => !!id))];
    const codes = new Map(
      (
        await rows<{ id: string; code: string }>(
          ex,
          sql`select id, code from crm_customer where company_id = ${actor.companyId} and ${inList(sql`id`, customerIds)}`,
        )
      ).map((c) => [c.id, c.code]),
    );
    for (const k of page.items)
      yield {
        customer: k.customerId ? codes.get(k.customerId) : null,
        customerName: k.customerName,
        name: k.name,
        phones: k.phones?.join(', '),
        email: k.email,
        wechat: k.wechat,
        title: k.title,
        birthday: k.birthday,
        preferredChannel: k.preferredChannel,
      };
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
