import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import {
  customerBlockers,
  deleteUnreferenced,
  inList,
  keptList,
  recordDeletions,
  reportKept,
} from './undo-imported.ts';

/**
 * Undoes imported customers: each one nothing refers to since the import is deleted with its
 * address, its imported contact and its timeline (derived from its own events). Those that have
 * gained contacts, opportunities, activities, orders … stay, and the person undoing is told which.
 */
export async function undoCustomerImport(tx: Tx, actor: Actor, recordIds: string[]): Promise<void> {
  const pairs = recordIds.map((r) => r.split(' '));
  const contactIds = pairs.map((p) => p[1]).filter((id): id is string => Boolean(id));
  const found = await rows<Record<string, any>>(
    tx,
    sql`select id, code, name, tax_id, owner_user_id, status from crm_customer
         where company_id = ${actor.companyId} and ${inList(
           sql`id`,
           pairs.map((p) => p[0]),
         )} for update`,
  );
  const byId = new Map(found.map((c) => [c.id as string, c]));
  const labels = new Map(found.map((c) => [c.id as string, `${c.code} ${c.name}`]));
  const contacts = await rows<{ id: string; customer_id: string; name: string }>(
    tx,
    sql`select id, customer_id, name from crm_contact where company_id = ${actor.companyId} and ${inList(sql`id`, contactIds)}`,
  );
  const { deleted, kept } = await deleteUnreferenced(
    tx,
    [...byId.keys()],
    (ex, ids) => customerBlockers(ex, actor.companyId, ids, contactIds),
    async (sp, ids) => {
      const mine = sql`company_id = ${actor.companyId} and ${inList(sql`customer_id`, ids)}`;
      await sp.execute(sql`delete from crm_timeline_entry where ${mine}`);
      await sp.execute(sql`delete from crm_contact where ${mine} and ${inList(sql`id`, contactIds)}`);
      await sp.execute(sql`delete from crm_customer_address where ${mine}`);
      await sp.execute(
        sql`delete from crm_customer where company_id = ${actor.companyId} and ${inList(sql`id`, ids)}`,
      );
    },
  );
  const gone = new Set(deleted);
  await recordDeletions(
    tx,
    actor,
    'crm.contact',
    contacts
      .filter((k) => gone.has(k.customer_id))
      .map((k) => ({
        id: k.id,
        before: { customerId: k.customer_id, name: k.name },
        customerId: k.customer_id,
        label: k.name,
      })),
  );
  await recordDeletions(
    tx,
    actor,
    'crm.customer',
    deleted.map((id) => {
      const c = byId.get(id)!;
      return {
        id,
        before: {
          code: c.code,
          name: c.name,
          taxId: c.tax_id,
          ownerUserId: c.owner_user_id,
          status: c.status,
        },
        customerId: id,
        label: labels.get(id)!,
      };
    }),
  );
  await reportKept(tx, actor, 'crm.customer', keptList(kept, labels));
}
