// `npm run bench`: platform figures beside the plainest SQL doing the same work, so the ratio to the
// limit is visible. Runs on PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
// Never part of `npm test`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { type Db, openPglite, openPostgres } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { withTransaction } from '../src/platform/db/tx.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { newId } from '../src/platform/ids.ts';
import { createRole } from '../src/platform/org/roles.ts';
import { registerAllRoutes } from '../src/server.ts';
import { newCompany } from '../test/kit/company.ts';

const N = Number(process.env.BENCH_N ?? 400);

async function timed(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const perSecond = n / ((performance.now() - start) / 1000);
  console.log(`  ${label.padEnd(58)} ${perSecond.toFixed(0).padStart(7)} /s`);
  return perSecond;
}

async function benchDb(name: string, db: Db): Promise<void> {
  console.log(`\n${name}`);
  await migrate(db);
  const company = await newCompany(db);
  const actor = await company.actor(company.admin);

  const app = await buildApp({
    db,
    config: loadConfig({ ...process.env, DATA_DIR: os.tmpdir() }),
    logger: false,
    webRoot: '/nonexistent',
    registerRoutes: registerAllRoutes,
  });
  await app.ready();

  const useCase = await timed('create role: use case (permission, audit row, version)', N, (i) =>
    withTransaction(db, (tx) =>
      createRole(tx, actor, {
        code: `bench_${i}`,
        name: { en: 'b' },
        permissions: [],
        recordScope: 'own',
        fieldMasks: {},
      }),
    ),
  );
  const plain = await timed('create role: plain SQL (insert role + audit row, one tx)', N, (i) =>
    withTransaction(db, async (tx) => {
      const id = newId();
      await tx.execute(sql`insert into platform_role (company_id, id, code, name, permissions, record_scope)
                           values (${company.id}, ${id}, ${`plain_${i}`}, '{"en":"b"}', '{}', 'own')`);
      await tx.execute(sql`insert into platform_audit_log (company_id, id, entity, entity_id, action, changes)
                           values (${company.id}, ${newId()}, 'platform.role', ${id}, 'create', '{}')`);
    }),
  );
  console.log(`  ratio use case / plain SQL: ${(useCase / plain).toFixed(2)}`);

  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: company.admin.email, password: company.admin.password },
  });
  const cookie = login.cookies.map((c: any) => `${c.name}=${c.value}`).join('; ');
  const http = await timed('GET /api/v1/users over HTTP (session, roles, list)', N, () =>
    app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } }),
  );
  const raw = await timed('plain SQL: session lookup + roles + user list', N, async () => {
    await db.orm.execute(sql`select * from platform_session where user_id = ${company.admin.id} limit 1`);
    await db.orm.execute(sql`select r.permissions from platform_user_role ur join platform_role r on r.id = ur.role_id
                              where ur.company_id = ${company.id} and ur.user_id = ${company.admin.id}`);
    await db.orm.execute(sql`select u.* from platform_membership m join platform_user u on u.id = m.user_id
                              where m.company_id = ${company.id} order by u.name limit 50`);
  });
  console.log(`  ratio HTTP / plain SQL: ${(http / raw).toFixed(2)}`);
  await app.close();
}

async function benchStartup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
  const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  console.log('\nstart-up (embedded database)');
  for (const label of ['first start (initdb + migrate + bootstrap)', 'second start (existing data)']) {
    const port = 3900 + Math.floor(Math.random() * 90);
    const t0 = performance.now();
    const child = spawn(process.execPath, ['bin/tandem.mjs', 'start'], {
      env: { ...env, PORT: String(port) },
      stdio: 'ignore',
    });
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1500));
    const rss =
      Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
    console.log(
      `  ${label.padEnd(45)} ${(ms / 1000).toFixed(2)} s to healthy, ${rss.toFixed(0)} MB resident when idle`,
    );
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(
  `Tandem platform benchmark — ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}, N=${N}`,
);
await benchDb('PGlite (embedded, in memory)', await openPglite());
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (url) {
  const name = `tandem_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgres(target.toString());
  await benchDb('PostgreSQL', db);
  await db.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
} else console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL to include it)');
await benchStartup();
process.exit(0);
