import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { one, rows, type Tx } from '../db/tx.ts';
import { publicForeignKeys, publicTables } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader, quoteIdent } from './format.ts';
import { migrateToBackupLevel } from './levels.ts';
import { LoadStream } from './load-stream.ts';
import { backupLines, firstLine } from './read-lines.ts';
import { RestoreRefused } from './restore-errors.ts';

/**
 * Reference data the platform writes itself on every start (`ensureRegions`), so a database prepared
 * with `tandem migrate` is still "empty": these rows are replaced by the backup's.
 */
const RESEEDED = new Set(['platform_region']);

export interface RestoreProgress {
  /** After each table (`done`), and every 100,000 rows of a big one; percent of the file read. */
  table(name: string, rows: number, percent: number, done: boolean): void;
  step(message: string): void;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  seconds: number;
  header: BackupHeader;
}

export function parseHeader(line: string | undefined): BackupHeader {
  let header: BackupHeader | undefined;
  try {
    header = line ? (JSON.parse(line) as BackupHeader) : undefined;
  } catch {}
  if (!header || header.format !== BACKUP_FORMAT)
    throw new RestoreRefused(
      'This file is not a Tandem backup (its first line is not a tandem-backup header).',
    );
  if (header.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new RestoreRefused(
      `The backup uses format version ${header.formatVersion}; this version of Tandem reads version ` +
        `${BACKUP_FORMAT_VERSION}. Restore it with Tandem ${header.appVersion} or newer.`,
    );
  return header;
}

/**
 * Loads a backup into an empty database: migrates it to the backup's level, loads every row in ONE
 * transaction (triggers and foreign-key checks off, as the rows come from a consistent database), checks
 * the checksum, the row counts and every foreign key before committing — a damaged or truncated file
 * leaves the database empty — then migrates forward to this version's level.
 */
export async function restoreBackup(
  db: Db,
  file: string,
  progress: RestoreProgress,
): Promise<RestoreSummary> {
  const started = Date.now();
  const header = parseHeader(await firstLine(file));
  progress.step(
    `Backup of a ${header.source} database made ${header.createdAt} by Tandem ${header.appVersion} ` +
      `(migration level ${header.migrations.length}).`,
  );
  // Refusals first, so a refused restore has changed nothing (not even the migration level).
  await assertEmpty(db);
  await assertMayLoad(db);
  await migrateToBackupLevel(db, header);
  const size = fs.statSync(file).size || 1;
  let read = 0;
  const loaded = await db.orm.transaction(async (tx) => {
    // Triggers (append-only guards, posted-entry and closed-period checks, FK checks) would judge each
    // row as a new change; these rows are history. The foreign keys are verified below instead.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
    for (const table of RESEEDED) await tx.execute(sql.raw(`delete from ${quoteIdent(table)}`));
    const load = new LoadStream(tx as Tx, await publicTables(tx), (name, n, done) =>
      progress.table(name, n, Math.min(100, Math.round((read / size) * 100)), done),
    );
    try {
      for await (const line of backupLines(file, (bytes) => (read = bytes))) await load.line(line);
    } catch (error) {
      throw unreadable(error);
    }
    const result = await load.finish();
    await assertForeignKeys(tx as Tx);
    return result;
  });
  await migrate(db);
  return { tables: loaded.tables, rows: loaded.rows, seconds: (Date.now() - started) / 1000, header };
}

/** A gzip or SQL failure while loading, said in terms of the file. */
function unreadable(error: unknown): unknown {
  if (error instanceof RestoreRefused) return error;
  const e = error as { code?: string; message?: string };
  if (typeof e?.code === 'string' && e.code.startsWith('Z_'))
    return new RestoreRefused(
      e.message === 'unexpected end of file'
        ? 'The backup file is truncated (its compressed data ends early); nothing was restored.'
        : `The backup file is damaged (${e.message}); nothing was restored.`,
    );
  // drizzle's message repeats the whole statement and its batch; the database's own message is the cause.
  const cause = (error as { cause?: { message?: string } })?.cause?.message ?? e?.message ?? String(error);
  return new RestoreRefused(`The backup could not be loaded (${cause.slice(0, 300)}); nothing was restored.`);
}

async function assertEmpty(db: Db): Promise<void> {
  const tables = (await publicTables(db.orm)).filter((t) => !RESEEDED.has(t.name));
  if (tables.length === 0) return;
  const filled = await rows<{ name: string }>(
    db.orm,
    sql.raw(
      tables
        .map((t) => `select '${t.name}' as name where exists (select 1 from ${quoteIdent(t.name)})`)
        .join(' union all '),
    ),
  );
  if (filled.length > 0)
    throw new RestoreRefused(
      `Restore only loads into an empty database, and this one has data (${filled
        .slice(0, 5)
        .map((f) => f.name)
        .join(', ')}${filled.length > 5 ? ', …' : ''}). Use a new DATA_DIR or a new PostgreSQL database.`,
    );
}

async function assertMayLoad(db: Db): Promise<void> {
  const row = await one<{ su: string }>(db.orm, sql`select current_setting('is_superuser') as su`);
  if (row?.su !== 'on')
    throw new RestoreRefused(
      'Restore loads rows with triggers and foreign-key checks off (session_replication_role = replica), ' +
        "which PostgreSQL allows a superuser only. Run it with a superuser's DATABASE_URL (e.g. postgres); " +
        'the application itself can then use a normal role.',
    );
}

/** Every foreign key holds for the loaded rows (MATCH SIMPLE: a key with a null column is not checked). */
async function assertForeignKeys(tx: Tx): Promise<void> {
  for (const fk of await publicForeignKeys(tx)) {
    const c = (i: number) => `c.${quoteIdent(fk.columns[i]!)}`;
    const notNull = fk.columns.map((_, i) => `${c(i)} is not null`).join(' and ');
    const match = fk.refColumns.map((col, i) => `p.${quoteIdent(col)} = ${c(i)}`).join(' and ');
    const bad = await rows(
      tx,
      sql.raw(
        `select 1 from ${quoteIdent(fk.table)} c where ${notNull} and not exists ` +
          `(select 1 from ${quoteIdent(fk.refTable)} p where ${match}) limit 1`,
      ),
    );
    if (bad.length > 0)
      throw new RestoreRefused(
        `The backup breaks the foreign key ${fk.name} (${fk.table} → ${fk.refTable}); nothing was restored.`,
      );
  }
}
