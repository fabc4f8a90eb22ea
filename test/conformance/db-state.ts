// What a company's rows look like, to prove that a refused request changed nothing. Tables are found in
// the catalog, so tables added by other modules are covered without editing this file.

import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/connect.ts';
import { rows } from '../../src/platform/db/tx.ts';
import { backgroundSettled as platformBackgroundSettled } from '../../src/platform/jobs/background.ts';

interface TableInfo {
  name: string;
  hasVersion: boolean;
}

const catalogs = new WeakMap<Db, Promise<TableInfo[]>>();

/** Every table with a `company_id` column (all business tables carry one). */
function companyTables(db: Db): Promise<TableInfo[]> {
  let found = catalogs.get(db);
  if (!found) {
    found = rows<{ name: string; has_version: boolean }>(
      db.orm,
      sql`select c.table_name as name, bool_or(v.column_name is not null) as has_version
            from information_schema.columns c
            left join information_schema.columns v
              on v.table_schema = c.table_schema and v.table_name = c.table_name and v.column_name = 'version'
           where c.table_schema = current_schema() and c.column_name = 'company_id'
           group by c.table_name order by c.table_name`,
    ).then((list) => list.map((t) => ({ name: t.name, hasVersion: t.has_version })));
    catalogs.set(db, found);
  }
  return found;
}

/** The company's own rows in the global tables: the company row and its members' accounts. */
const globalScopes = (companyId: string): Array<[string, SQL]> => [
  ['platform_company', sql`select * from platform_company where id = ${companyId}`],
  [
    'platform_user',
    sql`select * from platform_user where id in
          (select user_id from platform_membership where company_id = ${companyId})`,
  ],
];

export type DbState = Map<string, string>;

/**
 * An accepted `POST /mrp-runs` or `/data-quality/runs` (202) keeps writing after its answer: the run
 * executes in the background of the same process (platform/jobs/background.ts). A before/after
 * comparison around the next request must not see that work as the next request's, so every snapshot
 * first waits for the background work this process started.
 */
async function backgroundSettled(): Promise<void> {
  await platformBackgroundSettled();
}

/**
 * Cheap per-request fingerprint: row count and the sum of `version` per table (every mutable table
 * bumps `version` on update; the rest are append-only), so an insert, delete or update shows.
 */
export async function fingerprint(db: Db, companyId: string, exclude: ReadonlySet<string>): Promise<DbState> {
  await backgroundSettled();
  const parts: SQL[] = [];
  for (const t of await companyTables(db)) {
    if (exclude.has(t.name)) continue;
    const versions = t.hasVersion ? sql`coalesce(sum(x.version), 0)::bigint` : sql`0::bigint`;
    parts.push(
      sql`select ${t.name}::text as t, count(*)::text || ':' || ${versions}::text as v
            from ${sql.identifier(t.name)} x where x.company_id = ${companyId}`,
    );
  }
  for (const [name, query] of globalScopes(companyId))
    parts.push(
      sql`select ${name}::text as t, count(*)::text || ':' || coalesce(sum(x.version), 0)::text as v from (${query}) x`,
    );
  const list = await rows<{ t: string; v: string }>(db.orm, sql.join(parts, sql` union all `));
  return new Map(list.map((r) => [r.t, r.v]));
}

/** A hash of every row of the company (every column), for before/after checks around attacks. */
export async function rowHashes(db: Db, companyId: string): Promise<DbState> {
  await backgroundSettled();
  const parts: SQL[] = [];
  const hashOf = sql`count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), ''))`;
  for (const t of await companyTables(db))
    parts.push(
      sql`select ${t.name}::text as t, ${hashOf} as v from ${sql.identifier(t.name)} x where x.company_id = ${companyId}`,
    );
  for (const [name, query] of globalScopes(companyId))
    parts.push(sql`select ${name}::text as t, ${hashOf} as v from (${query}) x`);
  const list = await rows<{ t: string; v: string }>(db.orm, sql.join(parts, sql` union all `));
  return new Map(list.map((r) => [r.t, r.v]));
}

/** Tables whose state differs, as `table: before → after`. */
export function changedTables(before: DbState, after: DbState): string[] {
  const out: string[] = [];
  for (const [t, v] of after) if (before.get(t) !== v) out.push(`${t}: ${before.get(t)} → ${v}`);
  return out;
}

/** Whether any of the company's rows (in any table) contains the text, e.g. an injected marker value. */
export async function companyRowsContain(db: Db, companyId: string, text: string): Promise<string[]> {
  const parts: SQL[] = [];
  const like = `%${text}%`;
  for (const t of await companyTables(db))
    parts.push(
      sql`select ${t.name}::text as t from ${sql.identifier(t.name)} x
           where x.company_id = ${companyId} and x::text like ${like}`,
    );
  for (const [name, query] of globalScopes(companyId))
    parts.push(sql`select ${name}::text as t from (${query}) x where x::text like ${like}`);
  const list = await rows<{ t: string }>(db.orm, sql.join(parts, sql` union all `));
  return [...new Set(list.map((r) => r.t))];
}

/**
 * Where the database's transaction counter stands. A transaction that writes anything takes the next
 * id; reads do not. So an unchanged mark proves nothing was written anywhere since (the counter is
 * shared by the whole server, so a changed mark only means "look closer").
 */
export async function writeMark(db: Db): Promise<string> {
  const list = await rows<{ m: string }>(
    db.orm,
    sql`select pg_snapshot_xmax(pg_current_snapshot())::text as m`,
  );
  return list[0].m;
}
