import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { CustomerMerge, MergeInput, mergesOf, UndoMergeInput } from './merge.repo.ts';
import { mergeCustomers } from './merge-customers.ts';
import { undoMerge } from './undo-merge.ts';

const tags = ['crm'];

export function mergeRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/customers/:id/merge',
    summary:
      'Merge this customer into the survivor: open records move, posted ones stay and follow merged_into (send the version you read)',
    tags,
    access: 'crm.customer.merge',
    params: IdParams,
    body: MergeInput,
    response: CustomerMerge,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => mergeCustomers(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/customers/:id/merges',
    summary: 'The merges this customer took part in, newest first',
    tags,
    access: 'crm.customer.read',
    params: IdParams,
    response: listOf(CustomerMerge),
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'crm.customer.read');
      return { items: await mergesOf(db.orm, actor, params.id), nextCursor: null };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/customer-merges/:id/undo',
    summary: 'Undo a merge while nothing new refers to the survivor (409 crm.merge_not_undoable otherwise)',
    tags,
    access: 'crm.customer.merge',
    params: IdParams,
    body: UndoMergeInput,
    response: CustomerMerge,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => undoMerge(tx, actor, params.id, body)),
  });
}
