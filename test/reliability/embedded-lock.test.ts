import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Two real processes on one embedded database: the running server owns DATA_DIR, and the CLI's
// write commands refuse with a clear message instead of silently corrupting it (DESIGN.md invariant).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'bin/tandem.mjs');
const ADMIN = { email: 'lock.admin@example.com', password: 'Lock-Test-Password-1' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitHealthy(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000; // a first start runs initdb and every migration: slow on a loaded 2-core machine
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy in time:\n${output()}`);
}

function runCli(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function login(port: number, email: string, password: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

describe('the embedded database belongs to one process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-lock-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    TANDEM_ADMIN_EMAIL: ADMIN.email,
    TANDEM_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  };
  let server: ChildProcess;
  let port = 0;
  let log = '';

  before(async () => {
    port = await freePort();
    server = spawn(process.execPath, [cli, 'start'], {
      cwd: root,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    await waitHealthy(port, server, () => log);
  });

  after(() => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('while the server runs, migrate, create-user and seed-demo refuse with a clear message', async () => {
    for (const args of [
      ['migrate'],
      ['create-user', '--email', 'second@example.com', '--name', 'Second'],
      ['seed-demo'],
    ]) {
      const r = runCli(env, ...args);
      assert.equal(r.code, 2, `${args[0]} should refuse: ${r.out}`);
      assert.match(r.out, /Refused: The Tandem server \(pid \d+, port \d+\) is using the embedded database/);
    }
    assert.equal(
      await login(port, ADMIN.email, ADMIN.password),
      200,
      'the server is untouched and still serves',
    );
    assert.equal(
      await login(port, 'second@example.com', 'whatever-password'),
      401,
      'the refused command wrote nothing',
    );
  });

  test('after a graceful stop the lock is released, the CLI writes, and the next start keeps all data', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    assert.equal(await exited, 0, `graceful shutdown exits 0:\n${log}`);
    assert.equal(fs.existsSync(path.join(dataDir, 'tandem.lock')), false);

    const created = runCli(
      env,
      'create-user',
      '--email',
      'second@example.com',
      '--name',
      'Second',
      '--role',
      'sales',
      '--password',
      'Another-Person-Pass-9',
    );
    assert.equal(created.code, 0, created.out);

    port = await freePort();
    log = '';
    server = spawn(process.execPath, [cli, 'start'], {
      cwd: root,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    await waitHealthy(port, server, () => log);
    assert.equal(await login(port, ADMIN.email, ADMIN.password), 200);
    assert.equal(await login(port, 'second@example.com', 'Another-Person-Pass-9'), 200);
    assert.doesNotMatch(log, /password:/, 'no second bootstrap on an existing database');
  });

  test('a lock left by a killed server is taken over on the next start', async () => {
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    assert.equal(
      fs.existsSync(path.join(dataDir, 'tandem.lock')),
      true,
      'SIGKILL leaves the lock file behind',
    );
    const r = runCli(env, 'migrate');
    assert.equal(r.code, 0, r.out);
  });
});
