import fs from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { acquireDataDirLock, DataDirLockedError } from '../db/lock.ts';
import { writeBackup } from './backup.ts';
import { restoreBackup } from './restore.ts';
import { RestoreRefused } from './restore-errors.ts';

type Open = (config: Config, log: (message: string) => void) => Promise<Db>;
/** Checks a module can run over the restored data (stock against moves …); each returns problems found. */
export type AfterRestoreCheck = (db: Db) => Promise<string[]>;

const n = (value: number) => value.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

function where(config: Config): string {
  return config.databaseUrl
    ? `PostgreSQL (${new URL(config.databaseUrl).host}${new URL(config.databaseUrl).pathname})`
    : `the embedded database in ${config.dataDir}`;
}

/** Takes the embedded database's lock, explaining the refusal in terms of this command. */
function lockFor(config: Config, command: string, hint: string): () => void {
  if (config.databaseUrl) return () => {};
  try {
    return acquireDataDirLock(config.dataDir, { role: 'cli', command });
  } catch (error) {
    if (error instanceof DataDirLockedError) console.error(hint);
    throw error;
  }
}

/** `tandem backup FILE`: a consistent snapshot of the whole database into one portable file. */
export async function backupCommand(args: string[], open: Open): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0 || file.startsWith('-')) {
    console.error('Usage: npx tandem backup FILE      (e.g. tandem-2026-01-31.ndjson.gz)');
    return 1;
  }
  const config = loadConfig();
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'))) {
    console.error(
      `There is no embedded database in ${config.dataDir} to back up (set DATA_DIR or DATABASE_URL).`,
    );
    return 1;
  }
  const release = lockFor(
    config,
    'backup',
    'A backup of the embedded database needs the server stopped: PGlite cannot be read safely while ' +
      'another process writes it. Stop the server for the backup (a few seconds for a small company), ' +
      'or move to PostgreSQL, where backups run while the server serves.',
  );
  try {
    const db = await open(config, (m) => console.log(m));
    try {
      console.log(`Backing up ${where(config)} to ${file} …`);
      const summary = await writeBackup(db, path.resolve(file), (table, rows, done) => {
        if (rows > 0) console.log(`  ${table}: ${n(rows)} rows${done ? '' : ' …'}`);
      });
      console.log(
        `Backup written: ${file}, ${summary.tables} tables, ${n(summary.rows)} rows, ${mb(summary.bytes)}, ` +
          `${summary.seconds.toFixed(1)} s.`,
      );
      return 0;
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

/** `tandem restore FILE`: loads a backup into an empty database (embedded or PostgreSQL). */
export async function restoreCommand(
  args: string[],
  open: Open,
  checks: AfterRestoreCheck[],
): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0 || file.startsWith('-')) {
    console.error(
      'Usage: npx tandem restore FILE      (into an empty database: a new DATA_DIR or DATABASE_URL)',
    );
    return 1;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`No such file: ${file}`);
    return 1;
  }
  const config = loadConfig();
  const release = lockFor(
    config,
    'restore',
    'Restore writes the embedded database, which the running server owns. Stop the server, or restore ' +
      'into another DATA_DIR and point the server at it.',
  );
  try {
    const db = await open(config, (m) => console.log(m));
    try {
      console.log(`Restoring ${file} into ${where(config)} …`);
      const summary = await restoreBackup(db, path.resolve(file), {
        step: (message) => console.log(message),
        table: (name, rows, percent, done) => {
          if (rows > 0)
            console.log(`  ${String(percent).padStart(3)} %  ${name}: ${n(rows)} rows${done ? '' : ' …'}`);
        },
      });
      console.log(
        `Restored ${summary.tables} tables, ${n(summary.rows)} rows in ${summary.seconds.toFixed(1)} s; ` +
          'checksum, row counts and foreign keys verified.',
      );
      const problems = (await Promise.all(checks.map((check) => check(db)))).flat();
      for (const problem of problems) console.log(`  warning: ${problem}`);
      if (problems.length === 0) console.log('Consistency checks passed.');
      return problems.length === 0 ? 0 : 3;
    } catch (error) {
      if (!(error instanceof RestoreRefused)) throw error;
      console.error(`Refused: ${error.message}`);
      return 2;
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}
