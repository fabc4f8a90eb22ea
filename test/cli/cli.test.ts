import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// The CLI as a user runs it, on a fresh embedded database in a temporary DATA_DIR.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };

function tandem(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/tandem.mjs'), ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npx tandem', () => {
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('--help lists every command', () => {
    const r = tandem('--help');
    assert.equal(r.code, 0);
    for (const command of ['start', 'migrate', 'create-user', 'seed-demo', 'audit verify'])
      assert.ok(r.out.includes(command), command);
  });

  test('an unknown command fails with the help text', () => {
    const r = tandem('frobnicate');
    assert.equal(r.code, 1);
    assert.match(r.out, /Unknown command/);
  });

  test('seed-demo creates the demo company once; running it again changes nothing', () => {
    const first = tandem('seed-demo');
    assert.equal(first.code, 0, first.out);
    assert.match(first.out, /Demo company created/);
    assert.match(first.out, /sales@demo\.tandem\.local \(sales\)/);
    const second = tandem('seed-demo');
    assert.equal(second.code, 0, second.out);
    assert.match(second.out, /already exists; nothing changed/);
  });

  test('create-user refuses a weak password and adds a user with a good one', () => {
    const weak = tandem('create-user', '--email', 'ops@example.com', '--name', 'Ops', '--password', 'short');
    assert.equal(weak.code, 1);
    assert.match(weak.out, /password rules/);
    const ok = tandem(
      'create-user',
      '--email',
      'ops@example.com',
      '--name',
      'Ops',
      '--role',
      'finance',
      '--company',
      'DEMO',
    );
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /User ops@example.com created as finance\. Password: \S{12,}/);
  });

  test('audit verify seals and checks the chain of every company', () => {
    const r = tandem('audit', 'verify');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /sealed rows, chain intact/);
  });
});
