import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { rows, type Tx } from '../db/tx.ts';
import { APP_VERSION } from '../http/app.ts';
import { appliedMigrations, publicSequences, publicTables } from './catalog.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupFooter,
  type BackupHeader,
  quoteIdent,
  readExpr,
  type TableLine,
} from './format.ts';

const FETCH = 2000;
const PROGRESS_EVERY = 100_000;

export interface BackupSummary {
  tables: number;
  rows: number;
  bytes: number;
  seconds: number;
}

/**
 * Writes the whole public schema to `file` (gzip NDJSON, see format.ts), reading every table in ONE
 * read-only repeatable-read transaction so the file is a consistent snapshot even while PostgreSQL
 * serves writes. Rows stream through a cursor: memory stays flat however big the database. The file
 * appears under its name only when complete.
 */
export async function writeBackup(
  db: Db,
  file: string,
  /** After each table (`done`), and every 100,000 rows of a big one. */
  progress: (table: string, rows: number, done: boolean) => void = () => {},
): Promise<BackupSummary> {
  const started = Date.now();
  const tmp = `${file}.${process.pid}.partial`;
  let tables = 0;
  let total = 0;
  try {
    await db.orm.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      // Text forms that do not depend on the server's settings.
      await tx.execute(sql`set local timezone = 'UTC'`);
      await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
      await tx.execute(sql`set local intervalstyle = 'iso_8601'`);
      await tx.execute(sql`set local extra_float_digits = 3`);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: APP_VERSION,
        createdAt: new Date().toISOString(),
        source: db.kind,
        migrations: await appliedMigrations(tx),
      };
      const defs = await publicTables(tx);
      tables = defs.length;
      const hash = createHash('sha256');
      const counts: Record<string, number> = {};
      const line = (value: unknown) => {
        const bytes = Buffer.from(`${JSON.stringify(value)}\n`);
        hash.update(bytes);
        return bytes;
      };
      async function* lines(): AsyncGenerator<Buffer> {
        yield line(header);
        for (const def of defs) {
          yield line({ table: def.name, columns: def.columns } satisfies TableLine);
          let n = 0;
          for await (const batch of tableRows(tx as Tx, def.name, def.columns.map(readExpr))) {
            n += batch.length;
            yield Buffer.concat(batch.map(line));
            if (n % PROGRESS_EVERY < batch.length) progress(def.name, n, false);
          }
          counts[def.name] = n;
          total += n;
          progress(def.name, n, true);
        }
        yield line({ sequences: await publicSequences(tx) });
        const footer: BackupFooter = { footer: true, rowCounts: counts, sha256: hash.digest('hex') };
        yield Buffer.from(`${JSON.stringify(footer)}\n`);
      }
      await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(tmp));
    });
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  return { tables, rows: total, bytes: fs.statSync(file).size, seconds: (Date.now() - started) / 1000 };
}

/** One table's rows as arrays of encoded values, a cursor page at a time. */
async function* tableRows(tx: Tx, table: string, exprs: string[]): AsyncGenerator<unknown[][]> {
  const select = exprs.map((e, i) => `${e} as c${i}`).join(', ');
  await tx.execute(
    sql.raw(`declare tandem_backup no scroll cursor for select ${select} from ${quoteIdent(table)}`),
  );
  try {
    for (;;) {
      const page = await rows<Record<string, unknown>>(tx, sql.raw(`fetch ${FETCH} from tandem_backup`));
      if (page.length === 0) return;
      yield page.map((r) => exprs.map((_, i) => r[`c${i}`] ?? null));
      if (page.length < FETCH) return;
    }
  } finally {
    await tx.execute(sql.raw('close tandem_backup'));
  }
}
