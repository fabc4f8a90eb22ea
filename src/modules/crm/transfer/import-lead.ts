import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { one, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { type ImportColumn, type ImportContext, rowError } from '../../../platform/imports/registry.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { Phone } from '../customer/contract.ts';
import { emailKey } from '../customer/normalize.ts';
import { LeadInput } from '../lead/contract.ts';
import { createLead } from '../lead/create-lead.ts';
import { leadKeys } from '../lead/find-lead-duplicates.ts';
import { OPEN_LEAD_STATUSES } from '../lead/lead.ts';
import { batchState } from './batch-state.ts';
import { deleteUnreferenced, inList, keptList, recordDeletions, reportKept } from './undo-imported.ts';

export const LEAD_COLUMNS: ImportColumn[] = [
  {
    key: 'companyName',
    label: { 'zh-CN': '公司', en: 'Company' },
    required: false,
    example: '上海星辰贸易有限公司',
  },
  { key: 'contactName', label: { 'zh-CN': '联系人', en: 'Contact name' }, required: true, example: '王小明' },
  { key: 'phone', label: { 'zh-CN': '电话', en: 'Phone' }, required: false, example: '138 0013 8000' },
  { key: 'email', label: { 'zh-CN': '邮箱', en: 'Email' }, required: false, example: 'wang@example.cn' },
  { key: 'source', label: { 'zh-CN': '来源', en: 'Source' }, required: false, example: '展会' },
  { key: 'region', label: { 'zh-CN': '地区', en: 'Region' }, required: false, example: '上海' },
  { key: 'message', label: { 'zh-CN': '留言', en: 'Message' }, required: false, example: '想了解报价' },
  {
    key: 'ownerEmail',
    label: { 'zh-CN': '负责人邮箱', en: 'Owner email' },
    required: false,
    example: 'li.na@example.com',
  },
];

export const LeadRow = z.object({
  companyName: z.string().max(200).optional(),
  contactName: z.string().min(1).max(100),
  phone: Phone.optional(),
  email: z.email().max(254).optional(),
  source: z.string().max(100).optional(),
  region: z.string().max(100).optional(),
  message: z.string().max(5000).optional(),
  ownerEmail: z.email().max(254).optional(),
});
export type LeadRow = z.infer<typeof LeadRow>;

type Column = 'companyName' | 'phone' | 'email';
const WHAT: Record<Column, string> = { companyName: 'company name', phone: 'phone', email: 'email' };

/**
 * Refuses a lead that repeats an earlier row, an existing customer (name key, a contact's phone or
 * email) or an open lead (name key, phone, email): importing a list twice must not double the work.
 */
async function assertNoDuplicate(tx: Tx, actor: Actor, keys: ReturnType<typeof leadKeys>) {
  const found = await one<{ col: Column; label: string }>(
    tx,
    sql`select * from (
          select 'companyName' as col, 'customer ' || c.code || ' ' || c.name as label, 1 as rank from crm_customer c
           where c.company_id = ${actor.companyId} and c.name_key = ${keys.nameKey || null} and c.merged_into_id is null
          union all
          select case when k.phone_keys && ${textArray(keys.phoneKey ? [keys.phoneKey] : [])} then 'phone' else 'email' end,
                 'contact ' || k.name, 2 from crm_contact k
           where k.company_id = ${actor.companyId}
             and (k.phone_keys && ${textArray(keys.phoneKey ? [keys.phoneKey] : [])} or lower(k.email) = ${keys.email || null})
          union all
          select case when l.phone_key = ${keys.phoneKey || null} then 'phone'
                      when lower(l.email) = ${keys.email || null} then 'email' else 'companyName' end,
                 'lead ' || l.contact_name || coalesce(' · ' || nullif(l.company_name, ''), ''), 3 from crm_lead l
           where l.company_id = ${actor.companyId} and l.status = any(${textArray(OPEN_LEAD_STATUSES)})
             and (l.phone_key = ${keys.phoneKey || null} or lower(l.email) = ${keys.email || null}
                  or l.name_key = ${keys.nameKey || null})
        ) d order by rank limit 1`,
  );
  if (found) throw rowError(found.col, 'duplicate', `Duplicate: same ${WHAT[found.col]} as ${found.label}`);
}

/** A lead row through `createLead` (audit, event, owner rules); the owner is the importer unless given. */
export async function importLeadRow(
  tx: Tx,
  actor: Actor,
  row: LeadRow,
  ctx: ImportContext,
): Promise<{ recordId: string }> {
  const state = batchState(ctx.batchId, actor.companyId);
  const ownerUserId = row.ownerEmail ? await state.owner(tx, row.ownerEmail, 'ownerEmail') : undefined;
  const sourceCode = row.source ? await state.dictionary(tx, 'lead_source', row.source, 'source') : null;
  const regionCode = row.region ? await state.region(tx, row.region, 'region') : null;
  const keys = leadKeys({ companyName: row.companyName, phone: row.phone, email: row.email });
  const memo: Array<[Column, string]> = [];
  if (keys.nameKey) memo.push(['companyName', `name:${keys.nameKey}`]);
  if (keys.phoneKey) memo.push(['phone', `phone:${keys.phoneKey}`]);
  if (keys.email) memo.push(['email', `email:${emailKey(keys.email)}`]);
  const earlier = state.earlier(memo.map(([, k]) => k));
  if (earlier) {
    const column = memo.find(([, k]) => k === earlier.key)![0];
    throw rowError(
      column,
      'duplicate',
      `Duplicate: same ${WHAT[column]} as row ${earlier.rowNo} of this file (${earlier.label})`,
    );
  }
  await assertNoDuplicate(tx, actor, keys);
  const input = LeadInput.safeParse({
    companyName: row.companyName ?? '',
    contactName: row.contactName,
    phone: row.phone ?? '',
    email: row.email ?? null,
    regionCode,
    sourceCode,
    message: row.message ?? '',
    ...(ownerUserId ? { ownerUserId } : {}),
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    throw rowError(String(issue.path[0] ?? 'contactName'), 'invalid', issue.message);
  }
  const lead = await createLead(tx, actor, input.data);
  state.remember(
    memo.map(([, k]) => k),
    ctx.rowNo,
    [row.companyName, row.contactName].filter(Boolean).join(' · '),
  );
  return { recordId: lead.id };
}

/** Deletes imported leads that were not converted and that nothing refers to; reports the others. */
export async function undoLeadImport(tx: Tx, actor: Actor, recordIds: string[]): Promise<void> {
  const found = await rows<{ id: string; contact_name: string; company_name: string; status: string }>(
    tx,
    sql`select id, contact_name, company_name, status from crm_lead
         where company_id = ${actor.companyId} and ${inList(sql`id`, recordIds)} for update`,
  );
  const labels = new Map(
    found.map((l) => [l.id, [l.company_name, l.contact_name].filter(Boolean).join(' · ')]),
  );
  const { deleted, kept } = await deleteUnreferenced(
    tx,
    found.map((l) => l.id),
    async (ex, ids) => {
      const blocked = await rows<{ id: string; reason: string }>(
        ex,
        sql`select l.id, case
              when l.status = 'converted' then 'it was converted'
              when exists (select 1 from crm_activity a where a.company_id = l.company_id and a.lead_id = l.id)
                then 'it has activities'
              when exists (select 1 from crm_opportunity o where o.company_id = l.company_id and o.lead_id = l.id)
                then 'an opportunity refers to it'
            end as reason
            from crm_lead l where l.company_id = ${actor.companyId} and ${inList(sql`l.id`, ids)}`,
      );
      return new Map(blocked.filter((b) => b.reason !== null).map((b) => [b.id, b.reason]));
    },
    async (sp, ids) => {
      await sp.execute(
        sql`delete from crm_lead where company_id = ${actor.companyId} and ${inList(sql`id`, ids)}`,
      );
    },
  );
  const byId = new Map(found.map((l) => [l.id, l]));
  await recordDeletions(
    tx,
    actor,
    'crm.lead',
    deleted.map((id) => {
      const l = byId.get(id)!;
      return {
        id,
        before: { contactName: l.contact_name, companyName: l.company_name, status: l.status },
        label: labels.get(id)!,
      };
    }),
  );
  await reportKept(tx, actor, 'crm.lead', keptList(kept, labels));
}
