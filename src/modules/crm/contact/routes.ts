import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerAuditedEntity } from '../../../platform/audit/read.ts';
import { one, withTransaction } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { FileDownload, prime } from '../../../platform/exports/export-rows.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { DuplicateCandidate } from '../customer/contract.ts';
import { contactView, findVisibleContact, fromContacts, visibleContactSql } from './contact.repo.ts';
import { Contact, ContactInput, ContactListQuery, ContactPatch, DeleteContactQuery } from './contract.ts';
import { createContact } from './create-contact.ts';
import { deleteContact } from './delete-contact.ts';
import { listContacts, listCustomerContacts } from './list-contacts.ts';
import { updateContact } from './update-contact.ts';
import { exportVcards, importVcards, vcardText } from './vcard-contacts.ts';

const tags = ['crm'];

registerAuditedEntity('crm.contact', {
  readPermission: 'crm.contact.read',
  canSee: async (ex, actor, id) =>
    Boolean(
      await one(
        ex,
        sql`select 1 ${fromContacts} where k.company_id = ${actor.companyId} and k.id = ${id} and ${visibleContactSql(actor)}`,
      ),
    ),
});

const VcardImportResult = z
  .object({
    created: z.array(
      z.object({ card: z.number().int(), id: z.uuid(), name: z.string(), customerId: z.uuid().nullable() }),
    ),
    skipped: z.array(
      z.object({
        card: z.number().int(),
        name: z.string().nullable(),
        code: z.string(),
        message: z.string(),
        details: z.object({ candidates: z.array(DuplicateCandidate) }).optional(),
      }),
    ),
  })
  .meta({ id: 'VcardImportResult' });

export function contactRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/contacts',
    summary: 'Contacts you may see (those of visible customers, and your own standalone ones)',
    tags,
    access: 'crm.contact.read',
    query: ContactListQuery,
    response: listOf(Contact),
    handler: ({ db, query }, actor) => listContacts(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/customers/:id/contacts',
    summary: 'The contacts of one customer',
    tags,
    access: 'crm.contact.read',
    params: IdParams,
    query: ContactListQuery.omit({ customerId: true }),
    response: listOf(Contact),
    handler: ({ db, params, query }, actor) => listCustomerContacts(db.orm, actor, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/contacts/:id',
    summary: 'One contact',
    tags,
    access: 'crm.contact.read',
    params: IdParams,
    response: Contact,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'crm.contact.read');
      return contactView(actor, await findVisibleContact(db.orm, actor, params.id));
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/contacts',
    summary: 'Add a contact; 409 crm.duplicate_suspected lists contacts with the same phone or email',
    tags,
    access: 'crm.contact.create',
    body: ContactInput,
    status: 201,
    response: Contact,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createContact(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/contacts/:id',
    summary: 'Edit a contact (send the version you read)',
    tags,
    access: 'crm.contact.update',
    params: IdParams,
    body: ContactPatch,
    response: Contact,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateContact(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/contacts/:id',
    summary: 'Delete a contact nothing refers to (?version= the version you read)',
    tags,
    access: 'crm.contact.delete',
    params: IdParams,
    query: DeleteContactQuery,
    status: 204,
    response: z.null(),
    handler: async ({ db, params, query }, actor) => {
      await withTransaction(db, (tx) => deleteContact(tx, actor, params.id, query.version));
      return undefined;
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/contacts/export.vcf',
    summary: 'Your visible contacts (or one customer’s) as vCard 4.0',
    tags,
    access: 'crm.contact.read',
    query: z.object({ customerId: z.uuid().optional() }),
    response: FileDownload,
    handler: async ({ db, query, reply }, actor) => {
      const chunks = await prime(exportVcards(db.orm, actor, query));
      reply.header('content-type', 'text/vcard; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="contacts.vcf"');
      reply.header('x-content-type-options', 'nosniff');
      return Readable.from(chunks);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/contacts/import.vcf',
    summary:
      'Add contacts from a vCard file (body: text/vcard); with customerId all go to that customer, else ORG decides; refused cards are listed with the reason',
    tags,
    access: 'crm.contact.create',
    query: z.object({
      ignoreDuplicates: z.enum(['true', 'false']).default('false'),
      customerId: z.string().uuid().optional(),
    }),
    bodyLimit: 10 * 1024 * 1024,
    response: VcardImportResult,
    handler: async ({ db, req, query }, actor) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0)
        throw badRequest('crm.vcard_required', 'Send the vCard file as the request body (text/vcard)');
      const text = vcardText(req.body);
      return withTransaction(db, (tx) =>
        importVcards(tx, actor, text, {
          ignoreDuplicates: query.ignoreDuplicates === 'true',
          customerId: query.customerId,
        }),
      );
    },
  });
}
