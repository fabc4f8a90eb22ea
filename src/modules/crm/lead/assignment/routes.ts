import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../../platform/db/tx.ts';
import { route } from '../../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../../platform/http/schemas.ts';
import { requirePermission } from '../../../../platform/permissions/actor.ts';
import { AssignmentRuleInput, AssignmentRulePatch, AssignmentRuleView } from './contract.ts';
import { createAssignmentRule } from './create-assignment-rule.ts';
import { deleteAssignmentRule } from './delete-assignment-rule.ts';
import { findRule, listRules } from './rule.repo.ts';
import { updateAssignmentRule } from './update-assignment-rule.ts';

const tags = ['crm'];

export function assignmentRuleRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/assignment-rules',
    summary: 'Lead assignment rules in the order they are tried (priority)',
    tags,
    access: 'crm.form.manage',
    response: listOf(AssignmentRuleView),
    handler: async ({ db }, actor) => {
      requirePermission(actor, 'crm.form.manage');
      return { items: await listRules(db.orm, actor.companyId), nextCursor: null };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/assignment-rules/:id',
    summary: 'One assignment rule',
    tags,
    access: 'crm.form.manage',
    params: IdParams,
    response: AssignmentRuleView,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'crm.form.manage');
      return findRule(db.orm, actor.companyId, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/assignment-rules',
    summary: 'Add a rule: match source and/or region, rotate over users or a team, with a fallback user',
    tags,
    access: 'crm.form.manage',
    body: AssignmentRuleInput,
    status: 201,
    response: AssignmentRuleView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createAssignmentRule(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/assignment-rules/:id',
    summary: 'Edit a rule (send the version you read)',
    tags,
    access: 'crm.form.manage',
    params: IdParams,
    body: AssignmentRulePatch,
    response: AssignmentRuleView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateAssignmentRule(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/assignment-rules/:id',
    summary: 'Remove a rule (leads keep their owners)',
    tags,
    access: 'crm.form.manage',
    params: IdParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => deleteAssignmentRule(tx, actor, params.id));
      return undefined;
    },
  });
}
