import fs from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe } from 'node:test';
import pg from 'pg';
import { type Db, type DbKind, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { ensureRegions } from '../../src/platform/reference/regions.ts';
import { ensureTemplate } from './template.ts';

/** The databases every DB test runs on: always the embedded one, and PostgreSQL when TEST_DATABASE_URL is set. */
export function dbKinds(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

const cache = new Map<DbKind, Promise<Db>>();
let pgDatabaseName: string | null = null;

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createPostgresDb(): Promise<Db> {
  const base = process.env.TEST_DATABASE_URL!;
  const run = (process.env.TANDEM_TEST_RUN_ID ?? 'adhoc').replace(/[^a-z0-9]/gi, '').toLowerCase();
  pgDatabaseName = `tandem_t_${run}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${pgDatabaseName}`);
  await admin.query(`create database ${pgDatabaseName}`);
  await admin.end();
  const db = await openPostgres(databaseUrl(base, pgDatabaseName), 20);
  await migrate(db);
  return db;
}

async function createPgliteDb(): Promise<Db> {
  const template = await ensureTemplate();
  return openPglite({ loadDataDir: new Blob([fs.readFileSync(template)]) });
}

/** One migrated database per kind per test process; tests isolate themselves by creating a company. */
export function testDb(kind: DbKind): Promise<Db> {
  let db = cache.get(kind);
  if (!db) {
    db = (kind === 'pglite' ? createPgliteDb() : createPostgresDb()).then(async (opened) => {
      await ensureRegions(opened.orm);
      return opened;
    });
    cache.set(kind, db);
  }
  return db;
}

/** The connection URL of this process's PostgreSQL test database (for child processes). */
export async function testDbUrl(): Promise<string> {
  await testDb('postgres');
  return databaseUrl(process.env.TEST_DATABASE_URL!, pgDatabaseName!);
}

export async function closeTestDbs(): Promise<void> {
  for (const [kind, db] of cache) {
    cache.delete(kind);
    await (await db).close();
  }
  if (pgDatabaseName && process.env.TEST_DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${pgDatabaseName} with (force)`).catch(() => {});
    await admin.end();
    pgDatabaseName = null;
  }
}

export interface DbContext {
  kind: DbKind;
  /** The database, available inside tests and hooks (not while the suite is being declared). */
  db: Db;
}

/**
 * `describeDb('confirm order', (ctx) => { test(…) })` declares the suite once per database kind,
 * named `[pglite] …` / `[postgres] …` so the run can count what ran where.
 */
export function describeDb(name: string, fn: (ctx: DbContext) => void): void {
  for (const kind of dbKinds()) {
    const ctx = { kind } as DbContext;
    describe(`[${kind}] ${name}`, () => {
      before(async () => {
        ctx.db = await testDb(kind);
      });
      afterEach(() => {
        ranOn[kind] = (ranOn[kind] ?? 0) + 1;
      });
      fn(ctx);
    });
  }
}

const ranOn: Partial<Record<DbKind, number>> = {};

// The runner (scripts/run-tests.ts) sums these files to say how many DB tests ran on each database.
process.once('exit', () => {
  const dir = process.env.TANDEM_TEST_COUNT_DIR;
  if (dir && Object.keys(ranOn).length > 0)
    fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify(ranOn));
});

after(async () => {
  await closeTestDbs();
});
