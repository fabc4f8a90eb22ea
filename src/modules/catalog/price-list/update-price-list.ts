import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { cleanNames } from '../contract.ts';
import type { PriceList, PriceListPatch } from './contract.ts';
import { auditablePriceList } from './create-price-list.ts';
import { findPriceListRow, priceListView } from './price-list.repo.ts';
import { checkListHeader, checkRules, writeRules } from './save-rules.ts';

/** Edits a list; `rules`, when sent, replace all of its rules. Every edit is a new version of the list. */
export async function updatePriceList(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: PriceListPatch,
): Promise<PriceList> {
  requirePermission(actor, 'catalog.price_list.manage');
  const row = await findPriceListRow(tx, actor.companyId, id, true);
  if (row.version !== patch.version) throw staleVersion('price list', patch.version, row.version);
  const before = await priceListView(tx, actor.companyId, actor.locale, id);
  const pick = <K extends keyof PriceListPatch & keyof PriceList>(k: K) =>
    (patch[k] === undefined ? before[k] : patch[k]) as PriceList[K];
  const next = {
    code: pick('code'),
    name: patch.name ? cleanNames(patch.name) : before.name,
    currency: pick('currency'),
    customerId: pick('customerId'),
    customerGroup: pick('customerGroup'),
    priority: pick('priority'),
    validFrom: pick('validFrom'),
    validTo: pick('validTo'),
    active: pick('active'),
  };
  await checkListHeader(tx, actor.companyId, id, next, next.customerId !== before.customerId);
  if (patch.rules) await checkRules(tx, actor.companyId, patch.rules);
  await tx.execute(
    sql`update catalog_price_list set code = ${next.code}, name = ${JSON.stringify(next.name)}::jsonb,
          currency = ${next.currency}, customer_id = ${next.customerId}, customer_group = ${next.customerGroup},
          priority = ${next.priority}, valid_from = ${next.validFrom}, valid_to = ${next.validTo}, active = ${next.active},
          version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  if (patch.rules) await writeRules(tx, actor.companyId, id, patch.rules);
  const after = await priceListView(tx, actor.companyId, actor.locale, id);
  await recordAudit(tx, actor, {
    entity: 'catalog.price_list',
    entityId: id,
    action: 'update',
    before: auditablePriceList(before),
    after: auditablePriceList(after),
  });
  await publish(tx, actor, {
    type: 'price_list.updated',
    aggregateType: 'price_list',
    aggregateId: id,
    payload: { priceListId: id, code: after.code, version: after.version },
  });
  return after;
}
