import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { describeDb, newCompany } from '../../../test/kit/index.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/connect.ts';
import { one } from '../db/tx.ts';
import { newId } from '../ids.ts';
import { importCommand } from './cli.ts';
import { parseWithSchema, registerImporter } from './registry.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-import-cli-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

// Cheap rows for the progress output (a user row spends its time hashing a password).
registerImporter({
  entity: 'test.cli_note',
  permission: 'platform.import.run',
  columns: [
    { key: 'code', label: { 'zh-CN': '编号', en: 'Code' }, required: true, example: 'N1' },
    { key: 'qty', label: { 'zh-CN': '数量', en: 'Quantity' }, required: true, example: '3' },
  ],
  parseRow: (raw) => parseWithSchema(z.object({ code: z.string(), qty: z.coerce.number().int() }), raw),
  async importRow(tx, actor, input) {
    const recordId = newId();
    await recordAudit(tx, actor, {
      entity: 'test.cli_note',
      entityId: recordId,
      action: 'create',
      after: input,
    });
    return { recordId };
  },
  async undo() {},
});

/** Runs the command on the test database, collecting what it prints. */
async function run(db: Db, args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => out.push(parts.join(' '));
  try {
    const code = await importCommand(args, (_command, fn) => fn(db));
    return { code, out };
  } finally {
    console.log = log;
  }
}

describeDb('tandem import (command line)', (ctx) => {
  test('prints progress per chunk and the refused rows; --dry-run saves nothing', async () => {
    const company = await newCompany(ctx.db);
    const file = path.join(dir, `${company.code}-notes.csv`);
    let csv = 'code,qty\n';
    for (let i = 1; i <= 1200; i++) csv += `N${i},${i === 700 ? 'many' : i}\n`;
    fs.writeFileSync(file, csv);

    const dry = await run(ctx.db, ['test.cli_note', file, '--dry-run', '--company', company.code]);
    assert.equal(dry.code, 3);
    assert.ok(dry.out.includes('500 / 1,200 rows, 0 errors'), dry.out.join('\n'));
    assert.ok(dry.out.includes('1,000 / 1,200 rows, 1 error'));
    assert.ok(dry.out.includes('1,200 / 1,200 rows, 1 error'));
    assert.ok(dry.out.some((line) => /^ {2}row 701 \[qty\]: /.test(line)));
    const audited = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_audit_log where company_id = ${company.id} and entity = 'test.cli_note'`,
    );
    assert.equal(Number(audited!.n), 0);
  });

  test('imports users as the system, each audited with the batch as reason', async () => {
    const company = await newCompany(ctx.db);
    const file = path.join(dir, `${company.code}-users.csv`);
    const email = `cli.${company.code}@example.com`.toLowerCase();
    fs.writeFileSync(file, `email,name,role\n${email},命令行,sales\n`);
    const res = await run(ctx.db, ['platform.user', file, '--company', company.code]);
    assert.equal(res.code, 0, res.out.join('\n'));
    const audit = await one<{ actor_user_id: string | null; reason: string }>(
      ctx.db.orm,
      sql`select a.actor_user_id, a.reason from platform_audit_log a join platform_user u on u.id::text = a.entity_id
           where a.company_id = ${company.id} and a.entity = 'platform.user' and u.email = ${email}`,
    );
    assert.equal(audit?.actor_user_id, null);
    assert.match(audit!.reason, /^import batch [0-9a-f-]{36}$/);
  });

  test('usage errors are reported without touching the database', async (t) => {
    const error = console.error;
    console.error = () => {};
    t.after(() => {
      console.error = error;
    });
    let opened = false;
    const code = await importCommand(['platform.user'], async () => {
      opened = true;
      return 0 as never;
    });
    assert.equal(code, 1);
    assert.equal(
      await importCommand(['platform.user', path.join(dir, 'missing.csv')], async () => 0 as never),
      1,
    );
    assert.equal(opened, false);
  });
});

test('tandem import refuses while the server holds the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-import-lock-'));
  fs.writeFileSync(
    path.join(dataDir, 'tandem.lock'),
    JSON.stringify({
      pid: process.pid,
      role: 'server',
      command: 'start',
      port: 3999,
      startedAt: new Date().toISOString(),
    }),
  );
  const file = path.join(dataDir, 'users.csv');
  fs.writeFileSync(file, 'email,name,role\na@example.com,A,sales\n');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'bin/tandem.mjs'), 'import', 'platform.user', file],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  assert.equal(r.status, 2, `${r.stdout}${r.stderr}`);
  assert.match(r.stderr, /^Refused: The Tandem server \(pid \d+, port 3999\)/);
  assert.ok(!fs.existsSync(path.join(dataDir, 'pglite')), 'the database was not opened');
  fs.rmSync(dataDir, { recursive: true, force: true });
});
