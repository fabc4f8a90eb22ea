// Moving up: `tandem backup` of the demo company and `tandem restore` into a fresh database give the
// same database — row counts, every row's content and the trial balance — PGlite → PGlite,
// PGlite → PostgreSQL and PostgreSQL → PGlite, through the real CLI. Restore refuses a non-empty
// database, a damaged or truncated file (leaving the database empty), a backup from a newer version, and
// the server's embedded database.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import '../../src/modules/index.ts'; // every module's demo seeder
import { restoreBackup } from '../../src/platform/backup/restore.ts';
import { RestoreRefused } from '../../src/platform/backup/restore-errors.ts';
import { type Db, openPglite, openPostgres } from '../../src/platform/db/connect.ts';
import { acquireDataDirLock } from '../../src/platform/db/lock.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { seedDemo } from '../../src/platform/demo/seed.ts';
import { ensureRegions } from '../../src/platform/reference/regions.ts';
import { ensureTemplate } from '../kit/template.ts';
import { createPgDatabase, runCli, runCliAsync, type Snapshot, snapshot } from './backup-snapshot.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-backup-'));
const dir = (name: string) => path.join(tmp, name);
const embedded = (name: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATA_DIR: dir(name),
  DATABASE_URL: '',
});
const postgres = (url: string): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: url });
const openDir = (name: string) => openPglite({ dataDir: path.join(dir(name), 'pglite') });
const timings: string[] = [];

async function snapshotOf(open: () => Promise<Db>): Promise<Snapshot> {
  const db = await open();
  try {
    return await snapshot(db);
  } finally {
    await db.close();
  }
}

/** A migrated, empty database from the test template (what a restore after `tandem migrate` meets). */
async function emptyDb(name?: string): Promise<Db> {
  return openPglite({
    dataDir: name ? path.join(dir(name), 'pglite') : undefined,
    loadDataDir: new Blob([fs.readFileSync(await ensureTemplate())]),
  });
}

/** A DATA_DIR holding a migrated, empty database (initdb costs more than copying the template). */
async function migratedDir(name: string): Promise<void> {
  await (await emptyDb(name)).close();
}

function assertSame(actual: Snapshot, expected: Snapshot, what: string) {
  assert.deepEqual(actual.counts, expected.counts, `${what}: rows per table`);
  assert.deepEqual(actual.digests, expected.digests, `${what}: content per table`);
  assert.deepEqual(actual.trialBalances, expected.trialBalances, `${what}: trial balance`);
}

async function refusal(db: Db, file: string): Promise<string> {
  try {
    await restoreBackup(db, file, { step: () => {}, table: () => {} });
  } catch (error) {
    assert.ok(error instanceof RestoreRefused, `refused, not crashed: ${error}`);
    return error.message;
  }
  assert.fail('the restore was not refused');
}

async function rowsIn(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const { counts } = await snapshot(db);
  for (const [table, n] of Object.entries(counts)) if (n > 0) out[table] = n;
  return out;
}

describe('backup and restore (moving up)', () => {
  const demoFile = dir('demo.ndjson.gz');
  let source: Snapshot;

  before(async () => {
    // The demo company, seeded once in an embedded database the CLI then backs up.
    const db = await emptyDb('source');
    await migrate(db);
    await ensureRegions(db.orm);
    assert.equal((await seedDemo(db)).created, true);
    source = await snapshot(db);
    await db.close();
  });

  after(() => {
    if (timings.length) console.log(`backup/restore timings:\n  ${timings.join('\n  ')}`);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('PGlite → PGlite: the restored database is the same', async () => {
    assert.ok(source.counts.accounting_entry_line! > 100, 'the demo company has books');
    const backup = runCli(embedded('source'), 'backup', demoFile);
    assert.equal(backup.code, 0, backup.out);
    assert.match(backup.out, /accounting_entry_line: [\d,]+ rows/);
    timings.push(
      `backup (PGlite, demo): ${(fs.statSync(demoFile).size / 1024).toFixed(0)} KB, ${backup.seconds} s`,
    );

    await migratedDir('copy');
    const restore = runCli(embedded('copy'), 'restore', demoFile);
    assert.equal(restore.code, 0, restore.out);
    assert.match(restore.out, /\d+ %\s+accounting_entry: [\d,]+ rows/);
    assert.match(restore.out, /checksum, row counts and foreign keys verified/);
    assert.match(restore.out, /Consistency checks passed/);
    timings.push(`restore (→ new PGlite): ${restore.seconds} s`);
    assertSame(await snapshotOf(() => openDir('copy')), source, 'PGlite → PGlite');
  });

  test('restore into a database with data is refused and changes nothing', async () => {
    const cli = runCli(embedded('copy'), 'restore', demoFile);
    assert.equal(cli.code, 2, cli.out);
    assert.match(cli.out, /Refused: Restore only loads into an empty database, and this one has data/);
    assertSame(await snapshotOf(() => openDir('copy')), source, 'after the refused restore');
  });

  test('a damaged or truncated file is refused and leaves the database empty', async () => {
    const bytes = fs.readFileSync(demoFile);
    const text = gunzipSync(bytes).toString('utf8');
    // One digit of one amount changed, re-compressed: only the checksum can tell.
    const amount = text.search(/"\d+\.\d\d"/);
    assert.ok(amount > 0);
    const edited = `${text.slice(0, amount + 1)}${text[amount + 1] === '9' ? '8' : '9'}${text.slice(amount + 2)}`;
    fs.writeFileSync(dir('edited.gz'), gzipSync(edited));
    const flipped = Buffer.from(bytes);
    const middle = Math.floor(flipped.length / 2);
    flipped[middle] = flipped[middle]! ^ 0xff;
    fs.writeFileSync(dir('flipped.gz'), flipped);
    fs.writeFileSync(dir('truncated.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    // The footer cut off, gzip still whole: the file ends before its footer.
    fs.writeFileSync(dir('no-footer.gz'), gzipSync(text.slice(0, text.lastIndexOf('{"footer"'))));
    // A backup from a newer version: a migration this code does not ship.
    const header = JSON.parse(text.slice(0, text.indexOf('\n')));
    header.migrations.push({ hash: 'f'.repeat(64), createdAt: 4_000_000_000_000 });
    fs.writeFileSync(dir('newer.gz'), gzipSync(`${JSON.stringify(header)}${text.slice(text.indexOf('\n'))}`));

    const db = await emptyDb();
    try {
      assert.match(await refusal(db, dir('edited.gz')), /checksum does not match/);
      assert.match(await refusal(db, dir('flipped.gz')), /damaged|truncated|could not be loaded/);
      assert.match(await refusal(db, dir('truncated.gz')), /truncated/);
      assert.match(await refusal(db, dir('no-footer.gz')), /truncated \(it ends before its footer\)/);
      assert.match(
        await refusal(db, dir('newer.gz')),
        /this version knows \d+ migrations\. Restore it with Tandem/,
      );
      assert.deepEqual(await rowsIn(db), {}, 'nothing was loaded');
      // …and the same database takes the good file afterwards.
      await restoreBackup(db, demoFile, { step: () => {}, table: () => {} });
      assertSame(await snapshot(db), source, 'after the refusals');
    } finally {
      await db.close();
    }
  });

  test('backup and restore refuse while the server holds the embedded database', async () => {
    const release = acquireDataDirLock(dir('source'), { role: 'server', command: 'start', port: 3999 });
    try {
      const [backup, restore] = await Promise.all([
        runCliAsync(embedded('source'), 'backup', dir('while-running.gz')),
        runCliAsync(embedded('source'), 'restore', demoFile),
      ]);
      assert.equal(backup.code, 2, backup.out);
      assert.match(backup.out, /needs the server stopped/);
      assert.match(
        backup.out,
        /Refused: The Tandem server \(pid \d+, port 3999\) is using the embedded database/,
      );
      assert.equal(fs.existsSync(dir('while-running.gz')), false);
      assert.equal(restore.code, 2, restore.out);
      assert.match(restore.out, /Refused: The Tandem server/);
    } finally {
      release();
    }
  });

  describe('with PostgreSQL', () => {
    const reason = 'TEST_DATABASE_URL is not set: the PostgreSQL legs need a server';
    let target: Awaited<ReturnType<typeof createPgDatabase>> | undefined;
    after(async () => target?.drop());

    test('PGlite → PostgreSQL, then PostgreSQL → PGlite', async (t) => {
      if (!process.env.TEST_DATABASE_URL) return t.skip(reason);
      target = await createPgDatabase('bk');
      const restore = runCli(postgres(target.url), 'restore', demoFile); // a blank database
      assert.equal(restore.code, 0, restore.out);
      timings.push(`restore (→ PostgreSQL): ${restore.seconds} s`);
      assertSame(await snapshotOf(() => openPostgres(target!.url, 2)), source, 'PGlite → PostgreSQL');

      const pgFile = dir('from-postgres.ndjson.gz');
      const backup = runCli(postgres(target.url), 'backup', pgFile);
      assert.equal(backup.code, 0, backup.out);
      timings.push(
        `backup (PostgreSQL): ${(fs.statSync(pgFile).size / 1024).toFixed(0)} KB, ${backup.seconds} s`,
      );
      await migratedDir('back');
      const back = runCli(embedded('back'), 'restore', pgFile);
      assert.equal(back.code, 0, back.out);
      timings.push(`restore (PostgreSQL backup → new PGlite): ${back.seconds} s`);
      assertSame(await snapshotOf(() => openDir('back')), source, 'PostgreSQL → PGlite');
    });
  });
});
