import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import {
  Entry,
  EntryCreate,
  EntryListQuery,
  EntryPatch,
  PostResult,
  ReverseBody,
  VersionBody,
} from './contract.ts';
import { createEntry } from './create-entry.ts';
import { deleteEntry } from './delete-entry.ts';
import { entryView } from './entry-view.ts';
import { listEntries } from './list-entries.ts';
import { postDraft } from './post-draft.ts';
import { reverseEntry } from './reverse-entry.ts';
import { reviewEntry } from './review-entry.ts';
import { updateEntry } from './update-entry.ts';

const tags = ['accounting'];
const base = '/api/v1/journal-entries';

export function entryRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: base,
    summary: 'Journal entries (vouchers), newest first',
    tags,
    access: 'accounting.entry.read',
    query: EntryListQuery,
    response: listOf(Entry),
    handler: ({ db, query }, actor) => listEntries(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: `${base}/:id`,
    summary: 'One journal entry with its lines',
    tags,
    access: 'accounting.entry.read',
    params: IdParams,
    response: Entry,
    handler: ({ db, params }, actor) => entryView(db.orm, actor.companyId, params.id),
  });
  route(app, {
    method: 'POST',
    url: base,
    summary: 'Prepare a draft journal entry',
    tags,
    access: 'accounting.entry.create',
    body: EntryCreate,
    status: 201,
    response: Entry,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createEntry(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: `${base}/:id`,
    summary: 'Edit a draft journal entry (replaces its lines when given)',
    tags,
    access: 'accounting.entry.create',
    params: IdParams,
    body: EntryPatch,
    response: Entry,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateEntry(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: `${base}/:id`,
    summary: 'Delete a draft journal entry (?version= the version you read)',
    tags,
    access: 'accounting.entry.create',
    params: IdParams,
    query: z.object({ version: z.coerce.number().int().min(1) }),
    status: 204,
    response: z.null(),
    handler: async ({ db, params, query }, actor) => {
      await withTransaction(db, (tx) => deleteEntry(tx, actor, params.id, query.version));
      return undefined;
    },
  });
  route(app, {
    method: 'POST',
    url: `${base}/:id/review`,
    summary: 'Review (审核) a balanced draft prepared by someone else',
    tags,
    access: 'accounting.entry.review',
    params: IdParams,
    body: VersionBody,
    response: Entry,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => reviewEntry(tx, actor, { entryId: params.id, version: body.version })),
  });
  route(app, {
    method: 'POST',
    url: `${base}/:id/post`,
    summary: 'Post a draft: voucher number, balances; immutable afterwards',
    tags,
    access: 'accounting.entry.post',
    params: IdParams,
    body: VersionBody,
    response: PostResult,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => postDraft(tx, actor, { entryId: params.id, version: body.version })),
  });
  route(app, {
    method: 'POST',
    url: `${base}/:id/reverse`,
    summary: 'Reverse a posted entry (红冲): a mirrored entry, in the next open period if needed',
    tags,
    access: 'accounting.entry.post',
    params: IdParams,
    body: ReverseBody,
    status: 201,
    response: PostResult,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => reverseEntry(tx, actor, { entryId: params.id, ...body })),
  });
}
