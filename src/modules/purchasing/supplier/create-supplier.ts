import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { nextNumber } from '../../../platform/sequences/next-number.ts';
import { createCustomer } from '../../crm/index.ts';
import type { SupplierInput, SupplierView } from './contract.ts';
import { findSupplier, SUPPLIER_ENTITY } from './supplier.repo.ts';

/** The party master lives in crm; a purchaser may add a party only as a supplier, so crm is asked for that one thing. */
async function newParty(tx: Tx, actor: Actor, input: NonNullable<SupplierInput['party']>, currency?: string) {
  const partyActor: Actor = { ...actor, grants: [['crm.customer.create']], recordScope: 'company' };
  const party = await createCustomer(tx, partyActor, {
    kind: input.kind,
    name: input.name,
    shortName: input.shortName ?? null,
    taxId: input.taxId ?? null,
    tags: ['supplier'],
    status: 'active',
    currency: currency ?? 'CNY',
    notes: input.notes,
    addresses: [],
    ignoreDuplicates: input.ignoreDuplicates,
  });
  return { id: party.id as string, currency: party.currency as string };
}

async function existingParty(tx: Tx, companyId: string, partyId: string) {
  const party = await one<{ id: string; currency: string; payment_term_code: string | null }>(
    tx,
    sql`select id, currency, payment_term_code from crm_customer
         where company_id = ${companyId} and id = ${partyId} and merged_into_id is null`,
  );
  if (!party) throw notFound('party', partyId);
  return party;
}

/**
 * A supplier: an existing party (a customer may also supply) or a new one made in crm, with its
 * purchasing terms. A party is a supplier once (409 `purchasing.supplier_exists`).
 */
export async function createSupplier(tx: Tx, actor: Actor, input: SupplierInput): Promise<SupplierView> {
  requirePermission(actor, 'purchasing.supplier.manage');
  let partyId: string;
  let currency = input.currency;
  let paymentTermCode = input.paymentTermCode;
  if (input.partyId) {
    const party = await existingParty(tx, actor.companyId, input.partyId);
    const taken = await one(
      tx,
      sql`select 1 from purchasing_supplier where company_id = ${actor.companyId} and party_id = ${party.id}`,
    );
    if (taken)
      throw conflict('purchasing.supplier_exists', 'This party is already a supplier', { partyId: party.id });
    partyId = party.id;
    currency ??= party.currency;
    paymentTermCode ??= party.payment_term_code;
  } else {
    const party = await newParty(tx, actor, input.party!, input.currency);
    partyId = party.id;
    currency ??= party.currency;
  }
  const id = newId();
  const code =
    input.code ?? `S${String(await nextNumber(tx, actor.companyId, 'purchasing.supplier')).padStart(5, '0')}`;
  await tx.execute(
    sql`insert into purchasing_supplier (company_id, id, party_id, code, payment_term_code, currency, lead_time_days,
          active, notes, created_by)
        values (${actor.companyId}, ${id}, ${partyId}, ${code}, ${paymentTermCode ?? null}, ${currency ?? 'CNY'},
          ${input.leadTimeDays}, ${input.active}, ${input.notes}, ${actor.name === 'system' ? null : actor.userId})`,
  );
  const created = await findSupplier(tx, actor.companyId, id);
  const { createdAt: _c, updatedAt: _u, ...after } = created;
  await recordAudit(tx, actor, { entity: SUPPLIER_ENTITY, entityId: id, action: 'create', after });
  return created;
}
