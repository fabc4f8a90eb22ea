// What "the same database" means for the backup test: every table has the same number of rows and the
// same content (a digest over each row's text, order-free and collation-free, so PGlite and PostgreSQL
// compare), and every company's trial balance is identical.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { trialBalance } from '../../src/modules/accounting/report/trial-balance.ts';
import { publicTables } from '../../src/platform/backup/catalog.ts';
import { quoteIdent } from '../../src/platform/backup/format.ts';
import type { Db } from '../../src/platform/db/connect.ts';
import { rows } from '../../src/platform/db/tx.ts';
import { systemActor } from '../../src/platform/permissions/actor.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'bin/tandem.mjs');

export interface Snapshot {
  counts: Record<string, number>;
  digests: Record<string, string>;
  trialBalances: Record<string, unknown>;
}

export async function snapshot(db: Db): Promise<Snapshot> {
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  await db.orm.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local extra_float_digits = 3`);
    for (const table of await publicTables(tx)) {
      // xid8 columns hold the source cluster's transaction ids; restore rewrites them (format.ts).
      const cols = table.columns.filter((c) => c.type !== 'xid8').map((c) => quoteIdent(c.name));
      const [row] = await rows<{ n: number; digest: string }>(
        tx,
        sql.raw(
          `select count(*)::int as n, md5(coalesce(string_agg(h, '' order by h), '')) as digest
             from (select md5(x::text) as h from (select ${cols.join(', ')} from ${quoteIdent(table.name)}) x) y`,
        ),
      );
      counts[table.name] = row!.n;
      digests[table.name] = row!.digest;
    }
  });
  const trialBalances: Record<string, unknown> = {};
  for (const c of await rows<{ id: string; code: string }>(
    db.orm,
    sql`select id, code from platform_company`,
  ))
    trialBalances[c.code] = await trialBalance(
      db.orm,
      systemActor(c.id, 'backup test'),
      '2000-01-01',
      '2199-12-31',
    );
  return { counts, digests, trialBalances };
}

export function runCli(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): { code: number | null; out: string; seconds: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, seconds: (Date.now() - started) / 1000 };
}

/** The same, without blocking this process (so two commands can run side by side). */
export function runCliAsync(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** A new, blank PostgreSQL database named so the test runner drops it with the run's others. */
export async function createPgDatabase(suffix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const run = (process.env.TANDEM_TEST_RUN_ID ?? 'adhoc').replace(/[^a-z0-9]/gi, '').toLowerCase();
  const name = `tandem_t_${run}_${process.pid}_${suffix}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await c.end();
    },
  };
}
