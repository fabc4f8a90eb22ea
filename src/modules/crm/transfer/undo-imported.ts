import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { pgCode, rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';

/** A record an undo left in place, and why (something refers to it now). */
export interface Kept {
  id: string;
  label: string;
  reason: string;
}

const uuids = (ids: string[]) => sql`${textArray(ids)}::uuid[]`;

/**
 * Deletes what passed `blockers` (checked for the whole page in one query), in a savepoint; when
 * the database still refuses (a module above crm refers to a record by foreign key), it falls back
 * to one savepoint per record so only those records are kept.
 */
export async function deleteUnreferenced(
  tx: Tx,
  ids: string[],
  blockers: (tx: Tx, ids: string[]) => Promise<Map<string, string>>,
  remove: (tx: Tx, ids: string[]) => Promise<void>,
): Promise<{ deleted: string[]; kept: Map<string, string> }> {
  const kept = await blockers(tx, ids);
  const free = ids.filter((id) => !kept.has(id));
  if (free.length === 0) return { deleted: [], kept };
  try {
    await tx.transaction((sp) => remove(sp as Tx, free));
    return { deleted: free, kept };
  } catch (error) {
    if (pgCode(error) !== '23503') throw error;
  }
  const deleted: string[] = [];
  for (const id of free) {
    try {
      await tx.transaction((sp) => remove(sp as Tx, [id]));
      deleted.push(id);
    } catch (error) {
      if (pgCode(error) !== '23503') throw error;
      kept.set(id, 'other records refer to it');
    }
  }
  return { deleted, kept };
}

/** Blocking references of customers by crm's own records (the database's foreign keys catch the rest). */
export async function customerBlockers(
  tx: Tx,
  companyId: string,
  ids: string[],
  importedContacts: string[],
): Promise<Map<string, string>> {
  const found = await rows<{ id: string; reason: string }>(
    tx,
    sql`select c.id, case
          when c.merged_into_id is not null then 'it was merged into another customer'
          when exists (select 1 from crm_customer_merge m where m.company_id = c.company_id
                        and (m.survivor_id = c.id or m.merged_id = c.id)) then 'it took part in a merge'
          when exists (select 1 from crm_contact k where k.company_id = c.company_id and k.customer_id = c.id
                        and not (k.id = any(${uuids(importedContacts)}))) then 'contacts were added to it'
          when exists (select 1 from crm_opportunity o where o.company_id = c.company_id and o.customer_id = c.id)
            then 'it has opportunities'
          when exists (select 1 from crm_activity a where a.company_id = c.company_id
                        and (a.customer_id = c.id or a.contact_id = any(${uuids(importedContacts)})))
            then 'it has activities'
          when exists (select 1 from crm_lead l where l.company_id = c.company_id and l.converted_customer_id = c.id)
            then 'a lead was converted into it'
        end as reason
        from crm_customer c where c.company_id = ${companyId} and c.id = any(${uuids(ids)})`,
  );
  return new Map(found.filter((r) => r.reason !== null).map((r) => [r.id, r.reason]));
}

/** Writes the audit entry and event of each deleted record. */
export async function recordDeletions(
  tx: Tx,
  actor: Actor,
  entity: string,
  list: Array<{ id: string; before: Record<string, unknown>; customerId?: string | null; label: string }>,
): Promise<void> {
  const [, noun] = entity.split('.');
  for (const r of list) {
    await recordAudit(tx, actor, { entity, entityId: r.id, action: 'delete', before: r.before });
    await publish(tx, actor, {
      type: `${noun}.deleted`,
      aggregateType: noun,
      aggregateId: r.id,
      payload: {
        [`${noun}Id`]: r.id,
        ...(r.customerId !== undefined ? { customerId: r.customerId } : {}),
        label: r.label,
        summary: `${noun[0].toUpperCase()}${noun.slice(1)} ${r.label} removed by an import undo`,
      },
    });
  }
}

/**
 * Tells the person who undid the import which records stayed and why (the undo itself succeeds),
 * and notes it on each kept record's history.
 */
export async function reportKept(tx: Tx, actor: Actor, entity: string, kept: Kept[]): Promise<void> {
  if (kept.length === 0) return;
  for (const k of kept)
    await recordAudit(tx, actor, {
      entity,
      entityId: k.id,
      action: 'import_undo_kept',
      after: { kept: k.reason },
    });
  const lines = kept
    .slice(0, 20)
    .map((k) => `${k.label}: ${k.reason}`)
    .join('\n');
  const more = kept.length > 20 ? `\n… ${kept.length - 20} more` : '';
  await notify(tx, actor.companyId, [actor.userId], {
    kind: 'import.undo_kept',
    title: {
      en: `${kept.length} imported records were kept: other records refer to them`,
      'zh-CN': `${kept.length} 条导入记录已被其他记录引用，未删除`,
    },
    body: `${lines}${more}`,
  });
}

export function keptList(kept: Map<string, string>, labels: Map<string, string>): Kept[] {
  return [...kept].map(([id, reason]) => ({ id, reason, label: labels.get(id) ?? id }));
}

export const inList = (column: SQL, ids: string[]) => sql`${column} = any(${uuids(ids)})`;
