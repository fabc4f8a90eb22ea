import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn, testDbUrl } from '../../../test/kit/index.ts';
import { ensureTemplate } from '../../../test/kit/template.ts';
import '../../modules/crm/transfer/importers.ts';
import { loadActor } from '../auth/load-actor.ts';
import { type Db, openPglite } from '../db/connect.ts';
import { one, rows } from '../db/tx.ts';
import { resumeImport, resumeInterruptedImports } from './resume-import.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROWS = 300;

function customerFile(dir: string, tag: string): string {
  const file = path.join(dir, 'customers.csv');
  const lines = ['name,city'];
  for (let i = 1; i <= ROWS; i++) lines.push(`${tag} 客户 ${String(i).padStart(4, '0')},上海`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Runs the child that imports and dies by SIGKILL after `chunks` committed chunks; answers its batch id. */
function importAndDie(target: string, companyId: string, userId: string, file: string, fileDir: string) {
  const fixture = path.join(here, 'fixtures/import-and-die.ts');
  try {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', fixture, target, companyId, userId, file, fileDir, '2'],
      { encoding: 'utf8' },
    );
    assert.fail('the child should have been killed');
  } catch (error) {
    const e = error as { signal?: string; stdout?: string; stderr?: string };
    assert.equal(e.signal, 'SIGKILL', e.stderr);
    return (e.stdout ?? '').trim();
  }
}

async function checkEveryRowOnce(db: Db, companyId: string, batchId: string, tag: string) {
  const names = await rows<{ name: string; n: number }>(
    db.orm,
    sql`select name, count(*)::int as n from crm_customer
         where company_id = ${companyId} and name like ${`${tag} 客户 %`} group by name`,
  );
  assert.equal(names.length, ROWS, 'every row of the file exists');
  assert.ok(
    names.every((r) => r.n === 1),
    'no row was imported twice',
  );
  const batch = await one<Record<string, any>>(
    db.orm,
    sql`select status, processed_rows, new_rows, ok_rows from platform_import_batch
         where company_id = ${companyId} and id = ${batchId}`,
  );
  assert.deepEqual(
    [batch!.status, batch!.processed_rows, batch!.new_rows, batch!.ok_rows],
    ['done', ROWS, ROWS, ROWS],
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeDb('resuming an import a crash interrupted', (ctx) => {
  test('killed after two chunks, resumed from its kept file: every row exactly once', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-import-crash-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const fileDir = path.join(dir, 'imports');
    const tag = `Crash${Date.now()}`;
    const file = customerFile(dir, tag);
    let db = ctx.db;
    let target: string;
    let owned: Db | null = null;
    if (ctx.kind === 'postgres') target = await testDbUrl();
    else {
      // The embedded database lives in a folder: the child writes it and dies, this process reopens it.
      target = path.join(dir, 'db');
      const seeded = await openPglite({
        dataDir: target,
        loadDataDir: new Blob([fs.readFileSync(await ensureTemplate())]),
      });
      await seeded.close();
    }
    const open = async () => (ctx.kind === 'postgres' ? ctx.db : openPglite({ dataDir: target }));
    if (ctx.kind === 'pglite') {
      owned = await open();
      db = owned;
    }
    try {
      const company = await newCompany(db);
      if (owned) await owned.close();
      const batchId = importAndDie(target, company.id, company.admin.id, file, fileDir);
      assert.ok(batchId, 'the child reported its batch');
      if (ctx.kind === 'pglite') db = owned = await open();
      const left = await one<{ status: string; processed_rows: number }>(
        db.orm,
        sql`select status, processed_rows from platform_import_batch where company_id = ${company.id} and id = ${batchId}`,
      );
      assert.deepEqual([left!.status, left!.processed_rows], ['running', 100]);
      assert.ok(fs.existsSync(path.join(fileDir, batchId)), 'the file is kept while the batch runs');

      const actor = (await loadActor(db.orm, { userId: company.admin.id, companyId: company.id }))!;
      await pause(1200); // the dead process's lease runs out
      if (ctx.kind === 'postgres') {
        // The job of a restarted server resumes it; a second resumer finds nothing to claim.
        assert.ok((await resumeInterruptedImports(db, { fileDir })) >= 1);
        await assert.rejects(resumeImport(db, actor, batchId, { fileDir }), /not_resumable|can be resumed/);
      } else await resumeImport(db, actor, batchId, { fileDir });
      await checkEveryRowOnce(db, company.id, batchId, tag);
      assert.ok(!fs.existsSync(path.join(fileDir, batchId)), 'the file is removed when the batch ends');
    } finally {
      if (owned) await owned.close();
    }
  });

  test('only an interrupted batch can be resumed (409), through the API', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const res = await admin.request('POST', '/api/v1/imports?entity=crm.customer&fileName=a.csv', undefined, {
      raw: 'name\n一家公司\n',
      contentType: 'text/csv',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const again = await admin.post(`/api/v1/imports/${res.body.id}/resume`);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'import.not_resumable');
  });
});
