import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { BulkResponse, bulkBody, runBulk } from '../../../platform/http/bulk.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { addAddress, removeAddress, updateAddress } from './addresses.ts';
import { assignCustomer } from './assign-customer.ts';
import {
  Address,
  AddressInput,
  AddressPatch,
  Customer,
  CustomerInput,
  CustomerListQuery,
  CustomerPatch,
  DuplicateCandidate,
  Phone,
} from './contract.ts';
import { createCustomer } from './create-customer.ts';
import { customerView, findVisibleCustomer } from './customer.repo.ts';
import { findCustomerDuplicates } from './find-duplicates.ts';
import { listCustomers } from './list-customers.ts';
import { updateCustomer } from './update-customer.ts';

const tags = ['crm'];

export function customerRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/customers',
    summary: 'Customers you may see; search by name fragment, pinyin or initials, code, tax id or phone',
    tags,
    access: 'crm.customer.read',
    query: CustomerListQuery,
    response: listOf(Customer),
    handler: ({ db, query }, actor) => listCustomers(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/customers/:id',
    summary: 'One customer with addresses (a merged one shows mergedIntoId)',
    tags,
    access: 'crm.customer.read',
    params: IdParams,
    response: Customer,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'crm.customer.read');
      return customerView(db.orm, actor, await findVisibleCustomer(db.orm, actor, params.id));
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/customers',
    summary: 'Create a customer; 409 crm.duplicate_suspected lists likely duplicates unless ignoreDuplicates',
    tags,
    access: 'crm.customer.create',
    body: CustomerInput,
    status: 201,
    response: Customer,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createCustomer(tx, actor, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/customers/bulk',
    summary:
      'Create up to 1,000 customers in one call; each row passes or fails on its own (per-row results)',
    tags,
    access: 'crm.customer.create',
    body: bulkBody(CustomerInput),
    response: BulkResponse,
    handler: ({ db, body }, actor) =>
      withTransaction(db, (tx) => runBulk(tx, actor, body.items, createCustomer)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/customers/:id',
    summary: 'Edit a customer (send the version you read)',
    tags,
    access: 'crm.customer.update',
    params: IdParams,
    body: CustomerPatch,
    response: Customer,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateCustomer(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/customers/:id/assign',
    summary: 'Give the customer to another owner (audited; both are notified)',
    tags,
    access: 'crm.customer.assign',
    params: IdParams,
    body: z.strictObject({
      version: z.number().int().min(1),
      ownerUserId: z.uuid().nullable(),
      reason: z.string().max(500).optional(),
    }),
    response: Customer,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => assignCustomer(tx, actor, params.id, body)),
  });
  const AddressParams = z.object({ id: z.uuid(), addressId: z.uuid() });
  route(app, {
    method: 'POST',
    url: '/api/v1/customers/:id/addresses',
    summary: 'Add an address to a customer (a new default clears the old one of its kind)',
    tags,
    access: 'crm.customer.update',
    params: IdParams,
    body: AddressInput,
    status: 201,
    response: Address,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => addAddress(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/customers/:id/addresses/:addressId',
    summary: 'Edit one address of a customer (send the version you read)',
    tags,
    access: 'crm.customer.update',
    params: AddressParams,
    body: AddressPatch,
    response: Address,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateAddress(tx, actor, params.id, params.addressId, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/customers/:id/addresses/:addressId',
    summary: 'Remove one address of a customer',
    tags,
    access: 'crm.customer.update',
    params: AddressParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => removeAddress(tx, actor, params.id, params.addressId));
      return undefined;
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/customers/duplicates',
    summary: 'Likely duplicates of a would-be customer (name, tax id, phones, emails) with the reasons',
    tags,
    access: 'crm.customer.read',
    body: z.strictObject({
      name: z.string().max(200).optional(),
      taxId: z.string().max(40).optional(),
      phones: z.array(Phone).max(10).optional(),
      emails: z.array(z.email().max(254)).max(10).optional(),
      excludeId: z.uuid().optional(),
    }),
    response: z.object({ items: z.array(DuplicateCandidate) }),
    handler: async ({ db, body }, actor) => {
      requirePermission(actor, 'crm.customer.read');
      return { items: await findCustomerDuplicates(db.orm, actor.companyId, body) };
    },
  });
}
