import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { ruleEventTypes } from './catalog.ts';
import {
  DeleteQuery,
  FieldsQuery,
  FieldsView,
  RuleInput,
  RuleListQuery,
  RulePatch,
  RuleView,
  RunListQuery,
  RunView,
  TestInput,
  TestResult,
} from './contract.ts';
import { createRule } from './create-rule.ts';
import { deleteRule } from './delete-rule.ts';
import { getRule, listRules, listRuns } from './list-rules.ts';
import { testRule } from './test-rule.ts';
import { updateRule } from './update-rule.ts';

const tags = ['trigger rules'];
const base = '/api/v1/trigger-rules';

export function ruleRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: base,
    summary: 'Trigger rules of the company ("when EVENT and CONDITION then ACTIONS"), built-in ones included',
    tags,
    access: 'integration.rule.read',
    query: RuleListQuery,
    response: listOf(RuleView),
    handler: ({ db, query }, actor) => listRules(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: `${base}/fields`,
    summary: 'Event types a rule may listen to, with the payload fields a condition may use',
    tags,
    access: 'integration.rule.read',
    query: FieldsQuery,
    response: FieldsView,
    handler: async ({ query }, actor) => {
      requirePermission(actor, 'integration.rule.read');
      const all = [...ruleEventTypes().values()];
      if (query.eventType && !ruleEventTypes().has(query.eventType))
        throw notFound('event_type', query.eventType);
      return { items: query.eventType ? all.filter((e) => e.eventType === query.eventType) : all };
    },
  });
  route(app, {
    method: 'POST',
    url: base,
    summary: 'Create a trigger rule (the condition is checked: 400 with the position of the first problem)',
    tags,
    access: 'integration.rule.manage',
    body: RuleInput,
    status: 201,
    response: RuleView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createRule(tx, actor, body)),
  });
  route(app, {
    method: 'GET',
    url: `${base}/:id`,
    summary: 'One trigger rule',
    tags,
    access: 'integration.rule.read',
    params: IdParams,
    response: RuleView,
    handler: ({ db, params }, actor) => getRule(db.orm, actor, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: `${base}/:id`,
    summary: 'Change a trigger rule, or enable/disable it (send the version)',
    tags,
    access: 'integration.rule.manage',
    params: IdParams,
    body: RulePatch,
    response: RuleView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateRule(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: `${base}/:id`,
    summary: 'Delete a trigger rule and its run log (built-in rules can only be disabled)',
    tags,
    access: 'integration.rule.manage',
    params: IdParams,
    query: DeleteQuery,
    status: 204,
    response: z.null(),
    handler: async ({ db, params, query }, actor) => {
      await withTransaction(db, (tx) => deleteRule(tx, actor, params.id, query.version));
      return undefined;
    },
  });
  route(app, {
    method: 'POST',
    url: `${base}/:id/test`,
    summary:
      'Try a rule on a sample payload or a recent event: whether it holds and what it would do (nothing is done)',
    tags,
    access: 'integration.rule.manage',
    params: IdParams,
    body: TestInput,
    response: TestResult,
    handler: ({ db, params, body }, actor) => testRule(db.orm, actor, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: `${base}/:id/runs`,
    summary: 'The run log of a rule, newest first: each evaluation, its outcome and what was done',
    tags,
    access: 'integration.rule.read',
    params: IdParams,
    query: RunListQuery,
    response: listOf(RunView),
    handler: ({ db, params, query }, actor) => listRuns(db.orm, actor, params.id, query),
  });
}
