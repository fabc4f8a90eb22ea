import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { Customer } from '../customer/contract.ts';
import { allocateCustomer } from './allocate-customer.ts';
import { claimCustomer } from './claim-customer.ts';
import {
  AllocateInput,
  PoolCustomer,
  PoolListQuery,
  PoolRule,
  PoolRuleInput,
  PoolRulePatch,
} from './contract.ts';
import { createPoolRule } from './create-pool-rule.ts';
import { listPool } from './list-pool.ts';
import { listPoolRules } from './list-pool-rules.ts';
import { updatePoolRule } from './update-pool-rule.ts';

const tags = ['crm'];

export function poolRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/pool-rules',
    summary: 'Public-pool rules of the teams you manage',
    tags,
    access: 'crm.pool.manage',
    response: listOf(PoolRule),
    handler: ({ db }, actor) => listPoolRules(db.orm, actor),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/pool-rules',
    summary:
      'Set up a team’s public-pool rule: days without follow-up and without deal, warning days, claim limit',
    tags,
    access: 'crm.pool.manage',
    body: PoolRuleInput,
    status: 201,
    response: PoolRule,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createPoolRule(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/pool-rules/:id',
    summary: 'Edit a team’s public-pool rule (the id is the team’s; send the version you read)',
    tags,
    access: 'crm.pool.manage',
    params: IdParams,
    body: PoolRulePatch,
    response: PoolRule,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updatePoolRule(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/pool',
    summary: 'Customers in the public pool (公海), newest first; q searches like the customer list',
    tags,
    access: 'crm.pool.claim',
    query: PoolListQuery,
    response: listOf(PoolCustomer),
    handler: ({ db, query }, actor) => listPool(db.orm, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/pool/:id/claim',
    summary:
      'Claim a pool customer (422 crm.claim_limit past your team’s limit; 409 if someone claimed it first)',
    tags,
    access: 'crm.pool.claim',
    params: IdParams,
    body: z.strictObject({}).optional(),
    response: Customer,
    handler: ({ db, params }, actor) => withTransaction(db, (tx) => claimCustomer(tx, actor, params.id)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/pool/:id/allocate',
    summary: 'Give a pool customer to a salesperson (managers)',
    tags,
    access: 'crm.pool.manage',
    params: IdParams,
    body: AllocateInput,
    response: Customer,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => allocateCustomer(tx, actor, params.id, body)),
  });
}
