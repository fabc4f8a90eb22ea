import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Tx, textArray } from '../../../platform/db/tx.ts';
import { conflict, staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { CustomerPatch } from './contract.ts';
import { checkTaxId, indexFields } from './create-customer.ts';
import { customerView, findVisibleCustomer, toCustomer } from './customer.repo.ts';
import { findCustomerDuplicates, normalizeTaxId } from './find-duplicates.ts';

const FIELDS = [
  'kind',
  'name',
  'shortName',
  'taxId',
  'industryCode',
  'sourceCode',
  'tags',
  'teamId',
  'status',
  'creditLimit',
  'currency',
  'paymentTermCode',
  'notes',
] as const;

export async function updateCustomer(tx: Tx, actor: Actor, id: string, patch: CustomerPatch) {
  requirePermission(actor, 'crm.customer.update');
  const row = await findVisibleCustomer(tx, actor, id, true);
  if (row.version !== patch.version) throw staleVersion('customer', patch.version, row.version);
  if (row.merged_into_id)
    throw conflict('crm.customer_merged', 'This customer was merged into another; edit the survivor', {
      mergedIntoId: row.merged_into_id,
    });
  const before = toCustomer(row);
  const next = { ...before } as Record<string, unknown>;
  for (const field of FIELDS) if (patch[field] !== undefined) next[field] = patch[field];
  next.taxId = normalizeTaxId(next.taxId as string | null);
  if (next.taxId !== before.taxId || next.kind !== before.kind)
    checkTaxId(next.taxId as string | null, next.kind as string, 'CN');
  if (next.name !== before.name || next.taxId !== before.taxId) {
    const duplicates = await findCustomerDuplicates(tx, actor.companyId, {
      name: next.name as string,
      taxId: next.taxId as string | null,
      excludeId: id,
    });
    if (duplicates.some((d) => d.reasons.includes('tax_id')))
      throw conflict('duplicate', 'A customer with this tax id already exists', {
        field: 'taxId',
        candidates: duplicates,
      });
    if (duplicates.length > 0 && !patch.ignoreDuplicates)
      throw conflict(
        'crm.duplicate_suspected',
        'Likely duplicates exist; review them or confirm to save anyway',
        { candidates: duplicates },
      );
  }
  const idx = indexFields(
    next.name as string,
    before.code,
    next.taxId as string | null,
    next.shortName as string | null,
  );
  await tx.execute(
    sql`update crm_customer set kind = ${next.kind as string}, name = ${next.name as string}, short_name = ${next.shortName as string | null},
          tax_id = ${next.taxId as string | null}, industry_code = ${next.industryCode as string | null},
          source_code = ${next.sourceCode as string | null}, tags = ${textArray(next.tags as string[])},
          team_id = ${next.teamId as string | null}, status = ${next.status as string}, credit_limit = ${next.creditLimit as string | null},
          currency = ${next.currency as string}, payment_term_code = ${next.paymentTermCode as string | null},
          notes = ${next.notes as string}, name_key = ${idx.nameKey}, search_text = ${idx.searchText},
          search_grams = ${textArray(idx.searchGrams)}, name_grams = ${textArray(idx.nameGrams)},
          version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = await customerView(tx, actor, await findVisibleCustomer(tx, actor, id));
  const pick = (c: Record<string, unknown>) => Object.fromEntries(FIELDS.map((f) => [f, c[f] ?? null]));
  await recordAudit(tx, actor, {
    entity: 'crm.customer',
    entityId: id,
    action: 'update',
    before: pick(before),
    after: pick(after),
  });
  await publish(tx, actor, {
    type: 'customer.updated',
    aggregateType: 'customer',
    aggregateId: id,
    payload: {
      customerId: id,
      changed: FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])),
    },
  });
  return after;
}
