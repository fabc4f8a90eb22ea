import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import type { ExportColumn, ExportRow } from '../../../platform/exports/export-rows.ts';
import { type Actor, can, maskedFields, requirePermission } from '../../../platform/permissions/actor.ts';
import { CustomerListQuery } from '../customer/contract.ts';
import { RESOURCE } from '../customer/customer.repo.ts';
import { listCustomers } from '../customer/list-customers.ts';
import { CUSTOMER_COLUMNS } from './customer-row.ts';
import { inList } from './undo-imported.ts';

export const CustomerExportQuery = CustomerListQuery.omit({ limit: true, cursor: true });

interface Column {
  key: string;
  /** The customer view's field (a masked field drops the column); contact and owner columns have their own rule. */
  field: string;
  from?: 'contact' | 'owner';
}

// The import's columns (same keys and headers, so an export can be edited and imported elsewhere),
// led by the code, the import's key (an edited export imported again updates those customers).
const COLUMNS: Column[] = [
  { key: 'code', field: 'code' },
  { key: 'name', field: 'name' },
  { key: 'shortName', field: 'shortName' },
  { key: 'kind', field: 'kind' },
  { key: 'taxId', field: 'taxId' },
  { key: 'industry', field: 'industryCode' },
  { key: 'source', field: 'sourceCode' },
  { key: 'tags', field: 'tags' },
  { key: 'owner', field: 'ownerName' },
  { key: 'ownerEmail', field: 'ownerUserId', from: 'owner' },
  { key: 'status', field: 'status' },
  { key: 'creditLimit', field: 'creditLimit' },
  { key: 'paymentTerm', field: 'paymentTermCode' },
  { key: 'addressLine', field: 'addresses' },
  { key: 'city', field: 'addresses' },
  { key: 'region', field: 'addresses' },
  { key: 'contactName', field: 'name', from: 'contact' },
  { key: 'contactPhone', field: 'phones', from: 'contact' },
  { key: 'contactEmail', field: 'email', from: 'contact' },
];

// Labels of the code (as the import's) and of the owner's name, which the import does not read.
const EXTRA_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  code: { 'zh-CN': '客户编号', en: 'Code' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
};

/**
 * The columns this actor may see, headed in their language: a masked customer field drops its
 * column, contact columns need the contact read permission (and follow the contact masks), and
 * owner emails are shown only to those who may see users' emails.
 */
export function customerExportColumns(actor: Actor): ExportColumn[] {
  requirePermission(actor, 'crm.customer.read');
  const masked = new Set(maskedFields(actor, RESOURCE));
  const contactMasked = new Set(maskedFields(actor, 'crm.contact'));
  const userMasked = new Set(maskedFields(actor, 'platform.user'));
  const visible = COLUMNS.filter((c) => {
    if (c.from === 'contact') return can(actor, 'crm.contact.read') && !contactMasked.has(c.field);
    if (c.from === 'owner')
      return !masked.has(c.field) && can(actor, 'platform.user.read') && !userMasked.has('email');
    return !masked.has(c.field);
  });
  return visible.map((c) => {
    const label = EXTRA_LABELS[c.key] ?? CUSTOMER_COLUMNS.find((i) => i.key === c.key)!.label;
    return {
      key: c.key,
      header: actor.locale === 'zh-CN' ? label['zh-CN'] : label.en,
      ...(c.key === 'creditLimit' ? { type: 'number' as const } : {}),
    };
  });
}

/**
 * The customers of the list view (same filters, record rule and masks, because the rows come from
 * `listCustomers` page by page), with each one's default address and first contact.
 */
export async function* customerExportRows(
  ex: Executor,
  actor: Actor,
  query: ReturnType<typeof CustomerExportQuery.parse>,
): AsyncGenerator<ExportRow> {
  requirePermission(actor, 'crm.customer.export');
  let cursor: string | undefined;
  do {
    const page = await listCustomers(ex, actor, { ...query, limit: 200, cursor });
    const ids = page.items.map((c) => c.id);
    const addresses = new Map(
      (
        await rows<{ customer_id: string; line1: string; city: string; region_code: string | null }>(
          ex,
          sql`select distinct on (customer_id) customer_id, line1, city, region_code from crm_customer_address
               where company_id = ${actor.companyId} and ${inList(sql`customer_id`, ids)}
               order by customer_id, is_default desc, kind, created_at`,
        )
      ).map((a) => [a.customer_id, a]),
    );
    const contacts = new Map(
      (
        await rows<{ customer_id: string; name: string; phones: string[]; email: string | null }>(
          ex,
          sql`select distinct on (customer_id) customer_id, name, phones, email from crm_contact
               where company_id = ${actor.companyId} and ${inList(sql`customer_id`, ids)}
               order by customer_id, created_at, id`,
        )
      ).map((k) => [k.customer_id, k]),
    );
    const owners = new Map(
      (
        await rows<{ id: string; email: string }>(
          ex,
          sql`select id, email from platform_user
               where ${inList(sql`id`, [...new Set(page.items.map((c) => c.ownerUserId).filter((o): o is string => !!o))])}`,
        )
      ).map((u) => [u.id, u.email]),
    );
    for (const c of page.items) {
      const a = addresses.get(c.id);
      const k = contacts.get(c.id);
      yield {
        code: c.code,
        name: c.name,
        shortName: c.shortName,
        kind: c.kind,
        taxId: c.taxId,
        industry: c.industryCode,
        source: c.sourceCode,
        tags: c.tags?.join(', '),
        owner: c.ownerName,
        ownerEmail: c.ownerUserId ? owners.get(c.ownerUserId) : null,
        status: c.status,
        creditLimit: c.creditLimit,
        paymentTerm: c.paymentTermCode,
        addressLine: a?.line1,
        city: a?.city,
        region: a?.region_code,
        contactName: k?.name,
        contactPhone: k?.phones.join(', '),
        contactEmail: k?.email,
      };
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
