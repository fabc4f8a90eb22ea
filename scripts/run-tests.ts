// `npm test`: prepares the migrated PGlite template once, runs every test file (node's runner, tsx),
// prints how many DB tests ran on each database, and drops the PostgreSQL databases the run created.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureTemplate } from '../test/kit/template.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

// Arguments may name test files or folders (every *.test.ts below them); none means the whole suite.
function testFiles(): string[] {
  const files: string[] = [];
  for (const arg of args.length > 0 ? args : ['src', 'test', 'web/src']) {
    if (!fs.statSync(path.join(root, arg)).isDirectory()) {
      files.push(arg);
      continue;
    }
    for (const entry of fs.readdirSync(path.join(root, arg), { recursive: true })) {
      const rel = path.join(arg, String(entry));
      if (/\.test\.ts$/.test(rel)) files.push(rel);
    }
  }
  return files.sort();
}

async function dropRunDatabases(runId: string): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`select datname from pg_database where datname like $1`, [
    `tandem_t_${runId}_%`,
  ]);
  for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  await client.end();
}

async function main(): Promise<number> {
  const runId = `r${Date.now().toString(36)}`;
  const countDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-counts-'));
  const started = Date.now();
  await ensureTemplate();
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
    // The browser test and the tests that start a real server need the web app; build it once, up front.
    console.log('Building the web app for the browser tests…');
    const built = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (built.status !== 0) return built.status ?? 1;
  }
  if (process.env.TEST_DATABASE_URL)
    console.log(`DB tests run on PGlite and on PostgreSQL (${new URL(process.env.TEST_DATABASE_URL).host}).`);
  else console.log('DB tests run on PGlite only: set TEST_DATABASE_URL to also run them on PostgreSQL.');
  const files = testFiles();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
      '--test-reporter=spec',
      ...files,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TANDEM_TEST_RUN_ID: runId, TANDEM_TEST_COUNT_DIR: countDir },
    },
  );
  const code = await new Promise<number>((resolve) =>
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))),
  );
  const ran: Record<string, number> = { pglite: 0, postgres: 0 };
  for (const f of fs.readdirSync(countDir))
    for (const [kind, n] of Object.entries(JSON.parse(fs.readFileSync(path.join(countDir, f), 'utf8'))))
      ran[kind] = (ran[kind] ?? 0) + Number(n);
  fs.rmSync(countDir, { recursive: true, force: true });
  console.log(
    `DB tests run: ${ran.pglite} on PGlite, ${ran.postgres} on PostgreSQL` +
      (process.env.TEST_DATABASE_URL ? '' : ' (TEST_DATABASE_URL is not set, so none on PostgreSQL)'),
  );
  await dropRunDatabases(runId).catch((e) => console.error('could not drop test databases:', e.message));
  console.log(`Test run took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return code;
}

main().then((code) => process.exit(code));
