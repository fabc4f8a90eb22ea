import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { withTransaction } from '../db/tx.ts';
import { route } from '../http/route.ts';
import { IdParams, listOf } from '../http/schemas.ts';
import {
  createRef,
  deactivateRef,
  getRef,
  listRefs,
  RefListQuery,
  type RefSpec,
  type RefTable,
  updateRef,
} from './crud.ts';

export interface RefRoutes<T extends RefTable, V> {
  /** e.g. `/api/v1/tax-codes` */
  url: string;
  /** Plural, for summaries: 'tax codes'. */
  plural: string;
  spec: RefSpec<T, V>;
  view: z.ZodType<V>;
  create: z.ZodType<Record<string, unknown> & { code: string }>;
  update: z.ZodType<Record<string, unknown> & { version: number }>;
}

/** The five routes of a code + name + active resource, each with the resource's own schemas. */
export function refRoutes<T extends RefTable, V>(app: FastifyInstance, r: RefRoutes<T, V>): void {
  const { spec } = r;
  const tags = ['reference'];
  route(app, {
    method: 'GET',
    url: r.url,
    summary: `List ${r.plural} (q matches code or name; active=true|false)`,
    tags,
    access: spec.read,
    query: RefListQuery,
    response: listOf(r.view),
    handler: ({ db, query }, actor) => listRefs(db.orm, actor, spec, query),
  });
  route(app, {
    method: 'GET',
    url: `${r.url}/:id`,
    summary: `One of the ${r.plural}`,
    tags,
    access: spec.read,
    params: IdParams,
    response: r.view,
    handler: ({ db, params }, actor) => getRef(db.orm, actor, spec, params.id),
  });
  route(app, {
    method: 'POST',
    url: r.url,
    summary: `Create one of the ${r.plural} (a code already used is 409)`,
    tags,
    access: spec.manage,
    body: r.create,
    status: 201,
    response: r.view,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createRef(tx, actor, spec, body)),
  });
  route(app, {
    method: 'PATCH',
    url: `${r.url}/:id`,
    summary: `Change one of the ${r.plural} (send the version you read)`,
    tags,
    access: spec.manage,
    params: IdParams,
    body: r.update,
    response: r.view,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateRef(tx, actor, spec, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: `${r.url}/:id/deactivate`,
    summary: `Take one of the ${r.plural} out of use (records that name it keep it)`,
    tags,
    access: spec.manage,
    params: IdParams,
    response: r.view,
    handler: ({ db, params }, actor) =>
      withTransaction(db, (tx) => deactivateRef(tx, actor, spec, params.id)),
  });
}
