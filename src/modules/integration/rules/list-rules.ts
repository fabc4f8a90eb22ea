import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { ensureBuiltInRules } from './builtin-rules.ts';
import type { RuleListQuery, RunListQuery } from './contract.ts';
import { findRule, type RuleRow, toRuleView, toRunView } from './rule.repo.ts';

const badCursor = () => badRequest('bad_cursor', 'The cursor is not one this list gave out');

function cursorOf(cursor: string | undefined): [string, string] | undefined {
  const parts = decodeCursor(cursor, 2);
  if (!parts) return undefined;
  const [at, id] = parts;
  if (
    typeof at !== 'string' ||
    typeof id !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(id) ||
    Number.isNaN(Date.parse(at))
  )
    throw badCursor();
  return [at, id];
}

/** The company's rules, oldest first (built-in ones are added on first look for older companies). */
export async function listRules(ex: Executor, actor: Actor, query: z.infer<typeof RuleListQuery>) {
  requirePermission(actor, 'integration.rule.read');
  await ensureBuiltInRules(ex, actor.companyId);
  const where: SQL[] = [sql`company_id = ${actor.companyId}`];
  if (query.eventType) where.push(sql`event_type = ${query.eventType}`);
  const after = cursorOf(query.cursor);
  if (after) where.push(sql`(created_at, id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const found = await rows<RuleRow & { created_key: string }>(
    ex,
    sql`select *, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key
          from integration_rule where ${sql.join(where, sql` and `)}
         order by created_at, id limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toRuleView),
    nextCursor: found.length > query.limit && last ? encodeCursor([last.created_key, last.id]) : null,
  };
}

export async function getRule(ex: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'integration.rule.read');
  return toRuleView(await findRule(ex, actor.companyId, id));
}

/** A rule's run log, newest first. */
export async function listRuns(ex: Executor, actor: Actor, id: string, query: z.infer<typeof RunListQuery>) {
  requirePermission(actor, 'integration.rule.read');
  await findRule(ex, actor.companyId, id);
  const where: SQL[] = [sql`company_id = ${actor.companyId}`, sql`rule_id = ${id}`];
  const before = cursorOf(query.cursor);
  if (before) where.push(sql`(created_at, id) < (${before[0]}::timestamptz, ${before[1]}::uuid)`);
  const found = await rows<Record<string, any>>(
    ex,
    sql`select *, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key
          from integration_rule_run where ${sql.join(where, sql` and `)}
         order by created_at desc, id desc limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toRunView),
    nextCursor: found.length > query.limit && last ? encodeCursor([last.created_key, last.id]) : null,
  };
}
