import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { iso } from '../db/time.ts';
import type { Executor, Tx } from '../db/tx.ts';
import { badRequest, conflict, notFound, staleVersion } from '../errors.ts';
import { decodeCursor, encodeCursor, ListQuery } from '../http/schemas.ts';
import { newId } from '../ids.ts';
import { publish } from '../outbox/publish.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';

/**
 * The repetitive part of code + name + active master data (currencies, tax codes, payment terms,
 * units, dictionary entries, departments): list, get, create, versioned update, deactivate — each
 * authorized, scoped by company, audited and published in the caller's transaction. Each resource
 * keeps its own zod schemas and rules; this file only moves rows.
 */

/** The columns every such table has (see reference/schema.ts and org/schema.ts). */
export type RefTable = PgTable & {
  companyId: AnyPgColumn;
  id: AnyPgColumn;
  code: AnyPgColumn;
  name: AnyPgColumn;
  active: AnyPgColumn;
  version: AnyPgColumn;
  updatedAt: AnyPgColumn;
};

type Row<T extends RefTable> = T['$inferSelect'] & {
  id: string;
  code: string;
  version: number;
  active: boolean;
};

export interface RefSpec<T extends RefTable, V> {
  /** Audit entity, e.g. `platform.tax_code`. */
  entity: string;
  /** Outbox aggregate; events are `<event>.created|updated|deactivated`. */
  event: string;
  /** For messages: 'tax code'. */
  noun: string;
  table: T;
  read: string;
  manage: string;
  /** List order (then id): keys of the table's columns, a static allowlist. */
  orderBy: string[];
  view(row: Row<T>): V;
  /** A rule checked after the row is locked and its version matched, before it changes (422 …). */
  beforeChange?(tx: Tx, actor: Actor, before: Row<T>, patch: Record<string, unknown>): Promise<void>;
}

export const RefListQuery = ListQuery.extend({
  active: z.enum(['true', 'false']).optional(),
});
export type RefListQuery = z.infer<typeof RefListQuery>;

/** A business code: what people type in imports and integrations, so no spaces or symbols. */
export const Code = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'letters, digits, _ . - (at most 40)');

/** A translated name as answered (requests use `Translations`, which validates the locales). */
export const NameView = z.record(z.string(), z.string());

export const Stamps = { version: z.number().int(), createdAt: z.string(), updatedAt: z.string() };

export function stamps(row: { version: number; createdAt: unknown; updatedAt: unknown }) {
  return { version: row.version, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

function column(table: RefTable, key: string): AnyPgColumn {
  const col = (table as unknown as Record<string, AnyPgColumn>)[key];
  if (!col) throw new Error(`no column ${key}`);
  return col;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page, ordered by the spec's keys; `q` matches the code or the name in any language. */
export async function listRefs<T extends RefTable, V>(
  ex: Executor,
  actor: Actor,
  spec: RefSpec<T, V>,
  query: RefListQuery,
  scope?: SQL,
): Promise<{ items: V[]; nextCursor: string | null }> {
  requirePermission(actor, spec.read);
  const t = spec.table;
  const where: Array<SQL | undefined> = [eq(t.companyId, actor.companyId), scope];
  if (query.active) where.push(eq(t.active, query.active === 'true'));
  if (query.q) {
    const like = likePattern(query.q);
    where.push(
      or(
        ilike(t.code, like),
        sql`exists (select 1 from jsonb_each_text(${t.name}) as n(k, v) where n.v ilike ${like})`,
      ),
    );
  }
  const order = [...spec.orderBy.map((key) => column(t, key)), t.id];
  const cursor = decodeCursor(query.cursor, order.length);
  if (cursor) {
    if (cursor[0] === '__invalid__') throw badRequest('bad_cursor', 'The cursor is not valid');
    // A tampered cursor value of the wrong type fails the cast in SQL: 400 bad_value, never 500.
    where.push(
      sql`(${sql.join(order, sql`, `)}) > (${sql.join(
        cursor.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  }
  const list = (await (ex as Tx)
    .select()
    .from(t as PgTable)
    .where(and(...where))
    .orderBy(...order.map((c) => asc(c)))
    .limit(query.limit + 1)) as Row<T>[];
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1] as Record<string, unknown> | undefined;
  return {
    items: page.map((r) => spec.view(r)),
    nextCursor:
      list.length > query.limit && last
        ? encodeCursor([...spec.orderBy.map((key) => last[key]), last.id])
        : null,
  };
}

/**
 * The row of the actor's company (404 for any other company's id), optionally locked for update.
 * The caller has authorized already (read or manage).
 */
export async function findRef<T extends RefTable, V>(
  ex: Executor,
  actor: Actor,
  spec: RefSpec<T, V>,
  id: string,
  options: { lock?: boolean; scope?: SQL } = {},
): Promise<Row<T>> {
  const t = spec.table;
  const query = (ex as Tx)
    .select()
    .from(t as PgTable)
    .where(and(eq(t.companyId, actor.companyId), eq(t.id, id), options.scope));
  const [row] = (options.lock ? await query.for('update') : await query) as Row<T>[];
  if (!row) throw notFound(spec.noun, id);
  return row;
}

export async function getRef<T extends RefTable, V>(
  ex: Executor,
  actor: Actor,
  spec: RefSpec<T, V>,
  id: string,
  scope?: SQL,
): Promise<V> {
  requirePermission(actor, spec.read);
  return spec.view(await findRef(ex, actor, spec, id, { scope }));
}

/** Creates a row; a code already used (within `scope`) is 409 `duplicate`. */
export async function createRef<T extends RefTable, V>(
  tx: Tx,
  actor: Actor,
  spec: RefSpec<T, V>,
  values: Record<string, unknown> & { code: string },
  scope?: SQL,
): Promise<V> {
  requirePermission(actor, spec.manage);
  const t = spec.table;
  const [taken] = await tx
    .select({ id: t.id })
    .from(t as PgTable)
    .where(and(eq(t.companyId, actor.companyId), eq(t.code, values.code), scope));
  if (taken) throw conflict('duplicate', `A ${spec.noun} with this code already exists`, { field: 'code' });
  // company and id last: nothing in `values` can choose them.
  const [row] = (await tx
    .insert(t as PgTable)
    .values({ ...values, companyId: actor.companyId, id: newId() })
    .returning()) as Row<T>[];
  const after = spec.view(row);
  await recordAudit(tx, actor, {
    entity: spec.entity,
    entityId: row.id,
    action: 'create',
    after: after as Record<string, unknown>,
  });
  await publish(tx, actor, {
    type: `${spec.event}.created`,
    aggregateType: spec.event,
    aggregateId: row.id,
    payload: { id: row.id, code: row.code },
  });
  return after;
}

/** Applies the given fields if `version` is still current (409 `stale_version` otherwise). */
export async function updateRef<T extends RefTable, V>(
  tx: Tx,
  actor: Actor,
  spec: RefSpec<T, V>,
  id: string,
  input: Record<string, unknown> & { version: number },
  scope?: SQL,
): Promise<V> {
  requirePermission(actor, spec.manage);
  const before = await findRef(tx, actor, spec, id, { lock: true, scope });
  if (before.version !== input.version) throw staleVersion(spec.noun, input.version, before.version);
  const { version: _version, ...fields } = input;
  const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (patch.code !== undefined && patch.code !== before.code) {
    const t = spec.table;
    const [taken] = await tx
      .select({ id: t.id })
      .from(t as PgTable)
      .where(and(eq(t.companyId, actor.companyId), eq(t.code, patch.code), scope));
    if (taken) throw conflict('duplicate', `A ${spec.noun} with this code already exists`, { field: 'code' });
  }
  await spec.beforeChange?.(tx, actor, before, patch);
  return writeChange(tx, actor, spec, before, patch, 'update');
}

/** Takes a row out of use without deleting it: documents that name it keep pointing at it. */
export async function deactivateRef<T extends RefTable, V>(
  tx: Tx,
  actor: Actor,
  spec: RefSpec<T, V>,
  id: string,
  scope?: SQL,
): Promise<V> {
  requirePermission(actor, spec.manage);
  const before = await findRef(tx, actor, spec, id, { lock: true, scope });
  if (!before.active) return spec.view(before);
  await spec.beforeChange?.(tx, actor, before, { active: false });
  return writeChange(tx, actor, spec, before, { active: false }, 'deactivate');
}

const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt']);

async function writeChange<T extends RefTable, V>(
  tx: Tx,
  actor: Actor,
  spec: RefSpec<T, V>,
  before: Row<T>,
  patch: Record<string, unknown>,
  action: 'update' | 'deactivate',
): Promise<V> {
  const t = spec.table;
  const [row] = (await tx
    .update(t as PgTable)
    .set({ ...patch, version: sql`${t.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(t.companyId, actor.companyId), eq(t.id, before.id)))
    .returning()) as Row<T>[];
  const beforeView = spec.view(before) as Record<string, unknown>;
  const after = spec.view(row);
  const afterView = after as Record<string, unknown>;
  await recordAudit(tx, actor, {
    entity: spec.entity,
    entityId: row.id,
    action,
    before: beforeView,
    after: afterView,
  });
  const changed = Object.keys(afterView).filter(
    (k) => !BOOKKEEPING.has(k) && JSON.stringify(afterView[k]) !== JSON.stringify(beforeView[k]),
  );
  await publish(tx, actor, {
    type: `${spec.event}.${action === 'update' ? 'updated' : 'deactivated'}`,
    aggregateType: spec.event,
    aggregateId: row.id,
    payload: { id: row.id, code: row.code, changed },
  });
  return after;
}
