// What a backup holds, read from the database's own catalog rather than from any schema file: every
// ordinary table of the public schema (whatever module made it), its stored columns, its sequences,
// its foreign keys, and the migrations drizzle has applied.
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type Executor, rows } from '../db/tx.ts';
import type { ColumnDef, MigrationRef } from './format.ts';

export interface TableDef {
  name: string;
  columns: ColumnDef[];
}

/** The public schema's tables (by name) with their stored columns (generated ones are computed again). */
export async function publicTables(ex: Executor): Promise<TableDef[]> {
  const list = await rows<{ table: string; name: string; type: string }>(
    ex,
    sql`select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type
          from pg_class c
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
         where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attgenerated = ''
         order by c.relname, a.attnum`,
  );
  const tables = new Map<string, TableDef>();
  for (const row of list) {
    let table = tables.get(row.table);
    if (!table) {
      table = { name: row.table, columns: [] };
      tables.set(row.table, table);
    }
    table.columns.push({ name: row.name, type: row.type });
  }
  return [...tables.values()];
}

export async function publicSequences(
  ex: Executor,
): Promise<Array<{ name: string; lastValue: string | null }>> {
  const list = await rows<{ name: string; last_value: string | null }>(
    ex,
    sql`select sequencename as name, last_value::text as last_value from pg_sequences
         where schemaname = 'public' order by sequencename`,
  );
  return list.map((s) => ({ name: s.name, lastValue: s.last_value }));
}

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

export async function publicForeignKeys(ex: Executor): Promise<ForeignKey[]> {
  const list = await rows<{ name: string; table: string; cols: string[]; ref: string; refcols: string[] }>(
    ex,
    sql`select con.conname as name, c.relname as table, r.relname as ref,
               array(select a.attname::text from unnest(con.conkey) with ordinality k(n, o)
                       join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.o) as cols,
               array(select a.attname::text from unnest(con.confkey) with ordinality k(n, o)
                       join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.o) as refcols
          from pg_constraint con
          join pg_class c on c.oid = con.conrelid
          join pg_class r on r.oid = con.confrelid
         where con.contype = 'f' and c.relnamespace = 'public'::regnamespace
         order by c.relname, con.conname`,
  );
  return list.map((f) => ({
    name: f.name,
    table: f.table,
    columns: pgArray(f.cols),
    refTable: f.ref,
    refColumns: pgArray(f.refcols),
  }));
}

/** node-postgres parses text[]; PGlite too, but be liberal with a '{a,b}' literal. */
function pgArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}

/** Migrations drizzle has applied here, oldest first; none when the database is blank. */
export async function appliedMigrations(ex: Executor): Promise<MigrationRef[]> {
  const [exists] = await rows<{ ok: boolean }>(
    ex,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!exists?.ok) return [];
  const list = await rows<{ hash: string; created_at: string }>(
    ex,
    sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return list.map((m) => ({ hash: m.hash, createdAt: Number(m.created_at) }));
}

/** The migrations this version of Tandem ships, oldest first. */
export function codeMigrations(folder: string): MigrationRef[] {
  return readMigrationFiles({ migrationsFolder: folder }).map((m) => ({
    hash: m.hash,
    createdAt: m.folderMillis,
  }));
}
