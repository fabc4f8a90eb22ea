import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { companyCurrency } from '../../../platform/reference/currencies.ts';
import { cleanNames } from '../contract.ts';
import type { PriceList, PriceListInput } from './contract.ts';
import { priceListView } from './price-list.repo.ts';
import { checkListHeader, checkRules, writeRules } from './save-rules.ts';

/** What the audit log keeps of a list: its fields and every rule (without the rules' generated ids). */
export function auditablePriceList(p: PriceList): Record<string, unknown> {
  const { displayName: _d, createdAt: _c, updatedAt: _u, version: _v, ruleCount: _n, rules, ...rest } = p;
  return { ...rest, rules: (rules ?? []).map(({ id: _id, ...r }) => r) };
}

export async function createPriceList(tx: Tx, actor: Actor, input: PriceListInput): Promise<PriceList> {
  requirePermission(actor, 'catalog.price_list.manage');
  const header = {
    code: input.code,
    currency: input.currency ?? (await companyCurrency(tx, actor.companyId)),
    customerId: input.customerId ?? null,
    customerGroup: input.customerGroup ?? null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
  };
  await checkListHeader(tx, actor.companyId, null, header, true);
  await checkRules(tx, actor.companyId, input.rules);
  const id = newId();
  await tx.execute(
    sql`insert into catalog_price_list (company_id, id, code, name, currency, customer_id, customer_group, priority,
          valid_from, valid_to, active)
        values (${actor.companyId}, ${id}, ${header.code}, ${JSON.stringify(cleanNames(input.name))}::jsonb,
          ${header.currency}, ${header.customerId}, ${header.customerGroup}, ${input.priority}, ${header.validFrom},
          ${header.validTo}, ${input.active})`,
  );
  await writeRules(tx, actor.companyId, id, input.rules);
  const created = await priceListView(tx, actor.companyId, actor.locale, id);
  await recordAudit(tx, actor, {
    entity: 'catalog.price_list',
    entityId: id,
    action: 'create',
    after: auditablePriceList(created),
  });
  await publish(tx, actor, {
    type: 'price_list.created',
    aggregateType: 'price_list',
    aggregateId: id,
    payload: { priceListId: id, code: created.code },
  });
  return created;
}
