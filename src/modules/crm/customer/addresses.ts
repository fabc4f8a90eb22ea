import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, notFound, staleVersion } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { AddressInput, AddressPatch } from './contract.ts';
import { addressesOf, findVisibleCustomer } from './customer.repo.ts';

type Address = Awaited<ReturnType<typeof addressesOf>>[number];

/** Editing an address is editing the customer: same permission, same record rule, a merged customer is frozen. */
async function lockCustomer(tx: Tx, actor: Actor, customerId: string) {
  requirePermission(actor, 'crm.customer.update');
  const customer = await findVisibleCustomer(tx, actor, customerId, true);
  if (customer.merged_into_id)
    throw conflict('crm.customer_merged', 'This customer was merged into another; edit the survivor', {
      mergedIntoId: customer.merged_into_id,
    });
  return customer;
}

async function findAddress(tx: Tx, actor: Actor, customerId: string, addressId: string): Promise<Address> {
  const found = (await addressesOf(tx, actor.companyId, customerId)).find((a) => a.id === addressId);
  if (!found) throw notFound('address', addressId);
  return found;
}

/** One default per kind: making an address the default clears the flag on the others of its kind. */
async function clearOtherDefaults(tx: Tx, actor: Actor, customerId: string, kind: string, keepId: string) {
  await tx.execute(
    sql`update crm_customer_address set is_default = false, version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and customer_id = ${customerId} and kind = ${kind}
           and id <> ${keepId} and is_default`,
  );
}

async function announce(
  tx: Tx,
  actor: Actor,
  customer: Record<string, any>,
  action: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(tx, actor, {
    entity: 'crm.customer',
    entityId: customer.id,
    action,
    before: { address: before ?? null },
    after: { address: after ?? null },
  });
  await publish(tx, actor, {
    type: 'customer.updated',
    aggregateType: 'customer',
    aggregateId: customer.id,
    payload: { customerId: customer.id, changed: ['addresses'] },
  });
}

export async function addAddress(
  tx: Tx,
  actor: Actor,
  customerId: string,
  input: z.infer<typeof AddressInput>,
) {
  const customer = await lockCustomer(tx, actor, customerId);
  const id = newId();
  await tx.execute(
    sql`insert into crm_customer_address (company_id, id, customer_id, kind, is_default, country_code, region_code, city,
          line1, line2, postal_code, contact_name, phone)
        values (${actor.companyId}, ${id}, ${customerId}, ${input.kind}, ${input.isDefault}, ${input.countryCode},
          ${input.regionCode ?? null}, ${input.city}, ${input.line1}, ${input.line2}, ${input.postalCode},
          ${input.contactName}, ${input.phone})`,
  );
  if (input.isDefault) await clearOtherDefaults(tx, actor, customerId, input.kind, id);
  const created = await findAddress(tx, actor, customerId, id);
  await announce(tx, actor, customer, 'address_add', null, created);
  return created;
}

export async function updateAddress(
  tx: Tx,
  actor: Actor,
  customerId: string,
  addressId: string,
  patch: AddressPatch,
) {
  const customer = await lockCustomer(tx, actor, customerId);
  const before = await findAddress(tx, actor, customerId, addressId);
  if (before.version !== patch.version) throw staleVersion('address', patch.version, before.version);
  const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  await tx.execute(
    sql`update crm_customer_address set kind = ${next.kind}, is_default = ${next.isDefault}, country_code = ${next.countryCode},
          region_code = ${next.regionCode ?? null}, city = ${next.city}, line1 = ${next.line1}, line2 = ${next.line2},
          postal_code = ${next.postalCode}, contact_name = ${next.contactName}, phone = ${next.phone},
          version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${addressId}`,
  );
  if (next.isDefault) await clearOtherDefaults(tx, actor, customerId, next.kind, addressId);
  const after = await findAddress(tx, actor, customerId, addressId);
  await announce(tx, actor, customer, 'address_update', before, after);
  return after;
}

export async function removeAddress(tx: Tx, actor: Actor, customerId: string, addressId: string) {
  const customer = await lockCustomer(tx, actor, customerId);
  const before = await findAddress(tx, actor, customerId, addressId);
  const gone = await one(
    tx,
    sql`delete from crm_customer_address where company_id = ${actor.companyId} and id = ${addressId} returning id`,
  );
  if (!gone) throw notFound('address', addressId);
  await announce(tx, actor, customer, 'address_remove', before, null);
}
