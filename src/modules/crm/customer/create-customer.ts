import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx, textArray } from '../../../platform/db/tx.ts';
import { conflict, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { nextNumber, renderPattern } from '../../../platform/sequences/next-number.ts';
import type { CustomerInput } from './contract.ts';
import { customerView, findVisibleCustomer } from './customer.repo.ts';
import { findCustomerDuplicates, normalizeTaxId } from './find-duplicates.ts';
import { isValidUscc, nameKey, searchFields } from './normalize.ts';
import { assertOwnerAssignable } from './owner.ts';

/** A Chinese company's tax id is the unified social credit code, whose check character must match. */
export function checkTaxId(taxId: string | null, kind: string, countryCode: string): void {
  if (taxId && kind === 'company' && countryCode === 'CN' && !isValidUscc(taxId))
    throw unprocessable(
      'crm.uscc_invalid',
      'This is not a valid unified social credit code (统一社会信用代码)',
      { taxId },
    );
}

export function indexFields(name: string, code: string, taxId: string | null, shortName?: string | null) {
  const key = nameKey(name);
  const search = searchFields(name, [code, taxId, shortName]);
  return {
    nameKey: key,
    searchText: search.text,
    searchGrams: search.grams,
    nameGrams: [...new Set(bigramsOf(key))],
  };
}

function bigramsOf(key: string): string[] {
  const chars = [...key];
  return chars.length < 2 ? [key] : chars.slice(1).map((c, i) => chars[i] + c);
}

/** The company's customer code pattern and the counter it numbers from (the bulk import takes runs of it). */
export async function customerCodeFormat(
  tx: Tx,
  companyId: string,
): Promise<{ pattern: string; counter: string }> {
  const settings = await one<{ pattern: string | null }>(
    tx,
    sql`select settings #>> '{crm,customerCodePattern}' as pattern from platform_company where id = ${companyId}`,
  );
  const pattern = settings?.pattern || 'C{seq:6}';
  return { pattern, counter: `crm.customer:${pattern}` };
}

export async function customerCode(
  tx: Tx,
  actor: Actor,
  regionCode: string | null | undefined,
): Promise<string> {
  const { pattern, counter } = await customerCodeFormat(tx, actor.companyId);
  const seq = await nextNumber(tx, actor.companyId, counter);
  return renderPattern(pattern, seq, { region: regionCode?.split('-')[1] ?? '' });
}

export async function createCustomer(tx: Tx, actor: Actor, input: CustomerInput) {
  requirePermission(actor, 'crm.customer.create');
  const ownerUserId =
    input.ownerUserId === undefined
      ? actor.tokenId || actor.name !== 'system'
        ? actor.userId
        : null
      : input.ownerUserId;
  if (ownerUserId !== actor.userId) await assertOwnerAssignable(tx, actor, ownerUserId);
  const taxId = normalizeTaxId(input.taxId);
  checkTaxId(taxId, input.kind, input.addresses[0]?.countryCode ?? 'CN');
  const duplicates = await findCustomerDuplicates(tx, actor.companyId, { name: input.name, taxId });
  if (duplicates.some((d) => d.reasons.includes('tax_id')))
    throw conflict('duplicate', 'A customer with this tax id already exists', {
      field: 'taxId',
      candidates: duplicates,
    });
  if (duplicates.length > 0 && !input.ignoreDuplicates)
    throw conflict(
      'crm.duplicate_suspected',
      'Likely duplicates exist; review them or confirm to create anyway',
      { candidates: duplicates },
    );

  const id = newId();
  const code = await customerCode(tx, actor, input.addresses[0]?.regionCode);
  const idx = indexFields(input.name, code, taxId, input.shortName);
  await tx.execute(
    sql`insert into crm_customer (company_id, id, code, kind, name, short_name, name_key, search_text, search_grams, name_grams,
          tax_id, industry_code, source_code, tags, owner_user_id, team_id, status, credit_limit, currency,
          payment_term_code, notes, created_by)
        values (${actor.companyId}, ${id}, ${code}, ${input.kind}, ${input.name}, ${input.shortName ?? null}, ${idx.nameKey},
          ${idx.searchText}, ${textArray(idx.searchGrams)}, ${textArray(idx.nameGrams)}, ${taxId}, ${input.industryCode ?? null},
          ${input.sourceCode ?? null}, ${textArray(input.tags)}, ${ownerUserId}, ${input.teamId ?? null}, ${input.status},
          ${input.creditLimit ?? null}, ${input.currency}, ${input.paymentTermCode ?? null}, ${input.notes},
          ${actor.name === 'system' ? null : actor.userId})`,
  );
  for (const a of input.addresses)
    await tx.execute(
      sql`insert into crm_customer_address (company_id, id, customer_id, kind, is_default, country_code, region_code, city,
            line1, line2, postal_code, contact_name, phone)
          values (${actor.companyId}, ${newId()}, ${id}, ${a.kind}, ${a.isDefault}, ${a.countryCode}, ${a.regionCode ?? null},
            ${a.city}, ${a.line1}, ${a.line2}, ${a.postalCode}, ${a.contactName}, ${a.phone})`,
    );
  const created = await customerView(
    tx,
    actor,
    await findVisibleCustomer(tx, { ...actor, recordScope: 'company' }, id),
  );
  const { addresses: _a, ownerName: _o, createdAt: _c, updatedAt: _u, ...auditable } = created;
  await recordAudit(tx, actor, { entity: 'crm.customer', entityId: id, action: 'create', after: auditable });
  await publish(tx, actor, {
    type: 'customer.created',
    aggregateType: 'customer',
    aggregateId: id,
    payload: {
      customerId: id,
      code,
      name: input.name,
      ownerUserId,
      summary: `Customer ${code} ${input.name} created`,
    },
  });
  return created;
}
