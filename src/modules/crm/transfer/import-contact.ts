import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { one, rows, type Tx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { type ImportColumn, type ImportContext, rowError } from '../../../platform/imports/registry.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { createContact } from '../contact/create-contact.ts';
import { phoneKeysOf } from '../contact/find-contact-duplicates.ts';
import type { DuplicateCandidate } from '../customer/contract.ts';
import { Phone } from '../customer/contract.ts';
import { visibleCustomerSql } from '../customer/customer.repo.ts';
import { emailKey, nameKey } from '../customer/normalize.ts';
import { batchState } from './batch-state.ts';
import { list } from './customer-row.ts';
import { deleteUnreferenced, inList, keptList, recordDeletions, reportKept } from './undo-imported.ts';

export const CONTACT_COLUMNS: ImportColumn[] = [
  {
    key: 'customer',
    label: { 'zh-CN': '客户编号或名称', en: 'Customer code or name' },
    required: false,
    example: 'C000001',
  },
  { key: 'name', label: { 'zh-CN': '姓名', en: 'Name' }, required: true, example: '王小明' },
  {
    key: 'phones',
    label: { 'zh-CN': '电话', en: 'Phones' },
    required: false,
    example: '138 0013 8000, 021-6888 0000',
  },
  { key: 'email', label: { 'zh-CN': '邮箱', en: 'Email' }, required: false, example: 'wang@example.cn' },
  { key: 'wechat', label: { 'zh-CN': '微信', en: 'WeChat' }, required: false, example: 'wxm2026' },
  { key: 'title', label: { 'zh-CN': '职务', en: 'Title' }, required: false, example: '采购经理' },
];

export const ContactRow = z.object({
  customer: z.string().max(200).optional(),
  name: z.string().min(1).max(100),
  phones: list(10, Phone).optional(),
  email: z.email().max(254).optional(),
  wechat: z.string().max(100).optional(),
  title: z.string().max(100).optional(),
});
export type ContactRow = z.infer<typeof ContactRow>;

/** The customer a cell names: its code, else its name (exactly one visible, unmerged customer). */
async function customerNamed(tx: Tx, actor: Actor, text: string): Promise<string> {
  const byCode = await one<{ id: string }>(
    tx,
    sql`select c.id from crm_customer c where c.company_id = ${actor.companyId} and c.code = ${text}
         and c.merged_into_id is null and ${visibleCustomerSql(actor)}`,
  );
  if (byCode) return byCode.id;
  const byName = await rows<{ id: string }>(
    tx,
    sql`select c.id from crm_customer c where c.company_id = ${actor.companyId} and c.name_key = ${nameKey(text)}
         and c.merged_into_id is null and ${visibleCustomerSql(actor)} limit 2`,
  );
  if (byName.length === 1) return byName[0].id;
  throw rowError(
    'customer',
    'import.unknown_customer',
    byName.length > 1
      ? `More than one customer is called "${text}"; use the customer code`
      : `No customer you can see has the code or name "${text}"`,
  );
}

/** A contact row through `createContact`, so visibility, owner, audit and events are the API's. */
export async function importContactRow(
  tx: Tx,
  actor: Actor,
  row: ContactRow,
  ctx: ImportContext,
): Promise<{ recordId: string }> {
  const state = batchState(ctx.batchId, actor.companyId);
  const customerId = row.customer ? await customerNamed(tx, actor, row.customer) : null;
  const keys = [
    ...phoneKeysOf(row.phones ?? [])
      .filter((k) => k.length >= 6)
      .map((k) => `phone:${k}`),
    ...(row.email ? [`email:${emailKey(row.email)}`] : []),
  ];
  const earlier = state.earlier(keys);
  if (earlier)
    throw rowError(
      earlier.key.startsWith('phone:') ? 'phones' : 'email',
      'duplicate',
      `Duplicate: same ${earlier.key.startsWith('phone:') ? 'phone' : 'email'} as row ${earlier.rowNo} of this file (${earlier.label})`,
    );
  try {
    const created = await createContact(tx, actor, {
      customerId,
      name: row.name,
      title: row.title ?? '',
      phones: row.phones ?? [],
      email: row.email ?? null,
      wechat: row.wechat ?? null,
      notes: '',
      ignoreDuplicates: false,
    });
    state.remember(keys, ctx.rowNo, row.name);
    return { recordId: created.id };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'crm.duplicate_suspected') throw error;
    const c = (error.details.candidates as DuplicateCandidate[])[0];
    const column = c.reasons.includes('phone') ? 'phones' : 'email';
    throw rowError(
      column,
      'duplicate',
      `Duplicate: same ${column === 'phones' ? 'phone' : 'email'} as contact ${c.name}${c.code ? ` (${c.code})` : ''}`,
    );
  }
}

/** Deletes imported contacts nothing refers to; the others stay and are reported. */
export async function undoContactImport(tx: Tx, actor: Actor, recordIds: string[]): Promise<void> {
  const found = await rows<{ id: string; name: string; customer_id: string | null }>(
    tx,
    sql`select id, name, customer_id from crm_contact
         where company_id = ${actor.companyId} and ${inList(sql`id`, recordIds)} for update`,
  );
  const labels = new Map(found.map((k) => [k.id, k.name]));
  const { deleted, kept } = await deleteUnreferenced(
    tx,
    found.map((k) => k.id),
    async (ex, ids) => {
      const blocked = await rows<{ id: string }>(
        ex,
        sql`select k.id from crm_contact k where k.company_id = ${actor.companyId} and ${inList(sql`k.id`, ids)}
              and (exists (select 1 from crm_opportunity o where o.company_id = k.company_id and o.contact_id = k.id)
                or exists (select 1 from crm_activity a where a.company_id = k.company_id and a.contact_id = k.id)
                or exists (select 1 from crm_lead l where l.company_id = k.company_id and l.converted_contact_id = k.id))`,
      );
      return new Map(blocked.map((b) => [b.id, 'opportunities, activities or leads refer to it']));
    },
    async (sp, ids) => {
      await sp.execute(
        sql`delete from crm_contact where company_id = ${actor.companyId} and ${inList(sql`id`, ids)}`,
      );
    },
  );
  const byId = new Map(found.map((k) => [k.id, k]));
  await recordDeletions(
    tx,
    actor,
    'crm.contact',
    deleted.map((id) => {
      const k = byId.get(id)!;
      return {
        id,
        before: { customerId: k.customer_id, name: k.name },
        customerId: k.customer_id,
        label: k.name,
      };
    }),
  );
  await reportKept(tx, actor, 'crm.contact', keptList(kept, labels));
}
