import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { DuplicateCandidate } from '../customer/contract.ts';
import { assignLead } from './assign-lead.ts';
import { assignmentRuleRoutes } from './assignment/routes.ts';
import {
  ConvertedLead,
  ConvertLeadInput,
  CreatedLead,
  Lead,
  LeadAssignInput,
  LeadInput,
  LeadListQuery,
  LeadPatch,
} from './contract.ts';
import { convertLead } from './convert-lead.ts';
import { createLead } from './create-lead.ts';
import { findLeadDuplicates } from './find-lead-duplicates.ts';
import { findVisibleLead, toLead } from './lead.repo.ts';
import { listLeads } from './list-leads.ts';
import { updateLead } from './update-lead.ts';
import { webFormRoutes } from './web-form/routes.ts';

const tags = ['crm'];

export function leadRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/leads',
    summary: 'Leads you may see; filter by status, owner, source, form; q over names and phone',
    tags,
    access: 'crm.lead.read',
    query: LeadListQuery,
    response: listOf(Lead),
    handler: ({ db, query }, actor) => listLeads(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/leads/:id',
    summary: 'One lead',
    tags,
    access: 'crm.lead.read',
    params: IdParams,
    response: Lead,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'crm.lead.read');
      return toLead(await findVisibleLead(db.orm, actor, params.id));
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/leads/:id/duplicates',
    summary: 'Customers and open leads that look like this lead (company name, phone, email), with reasons',
    tags,
    access: 'crm.lead.read',
    params: IdParams,
    response: z.object({ items: z.array(DuplicateCandidate) }),
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'crm.lead.read');
      const lead = toLead(await findVisibleLead(db.orm, actor, params.id));
      return {
        items: await findLeadDuplicates(db.orm, actor.companyId, { ...lead, excludeLeadId: lead.id }),
      };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/leads',
    summary: 'Enter a lead; likely duplicates never block it but come back in `duplicates`',
    tags,
    access: 'crm.lead.create',
    body: LeadInput,
    status: 201,
    response: CreatedLead,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createLead(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/leads/:id',
    summary: 'Edit a lead or change its status (lost needs lostReasonCode; converted only via /convert)',
    tags,
    access: 'crm.lead.update',
    params: IdParams,
    body: LeadPatch,
    response: Lead,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateLead(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/leads/:id/assign',
    summary: 'Give the lead to someone, or (without ownerUserId) let the assignment rules decide',
    tags,
    access: 'crm.lead.update',
    params: IdParams,
    body: LeadAssignInput,
    response: Lead,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => assignLead(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/leads/:id/convert',
    summary: 'Convert into a customer (new or existing), a contact and optionally an opportunity, at once',
    tags,
    access: 'crm.lead.convert',
    params: IdParams,
    body: ConvertLeadInput,
    response: ConvertedLead,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => convertLead(tx, actor, params.id, body)),
  });
  webFormRoutes(app);
  assignmentRuleRoutes(app);
}
