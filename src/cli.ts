import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { checkStockConsistency } from './modules/inventory/index.ts';
import { sealAuditLog, verifyAuditChain } from './platform/audit/seal.ts';
import { hashPassword, passwordProblems } from './platform/auth/passwords.ts';
import { type AfterRestoreCheck, backupCommand, restoreCommand } from './platform/backup/cli.ts';
import { loadConfig } from './platform/config.ts';
import { acquireDataDirLock, DataDirLockedError } from './platform/db/lock.ts';
import { migrate } from './platform/db/migrate.ts';
import { one, rows, withTransaction } from './platform/db/tx.ts';
import { DEMO_PASSWORD, seedDemo } from './platform/demo/seed.ts';
import { newId, newSecret } from './platform/ids.ts';
import { importCommand } from './platform/imports/cli.ts';
import { addMember } from './platform/org/create-company.ts';
import { ensureRegions } from './platform/reference/regions.ts';
import { openDatabase, startServer } from './server.ts';

const HELP = `Tandem — CRM + ERP in one system

Usage: npx tandem <command> [options]      (or: npm run tandem -- <command>)

Commands:
  start                     start the server and web UI (PORT, default 3000)
  migrate                   apply database migrations
  create-user --email E --name N [--role CODE] [--password P] [--company CODE]
                            add a user (a password is generated and printed if not given)
  seed-demo                 add the demo company 星辰贸易 with a user per role
  import <entity> <file> [--dry-run] [--company CODE]
                            import a CSV or XLSX file (e.g. platform.user), printing progress
  audit verify              check the audit log's hash chain and report the first broken link
  backup FILE               write the whole database to one portable file (gzip NDJSON, checksummed)
  restore FILE              load a backup into an empty database (a new DATA_DIR or DATABASE_URL);
                            moving to PostgreSQL: backup, then DATABASE_URL=… npx tandem restore FILE
  --help                    this text

The embedded database (DATA_DIR, default ./data) belongs to one process: while the server runs,
commands that write refuse and tell you so. With DATABASE_URL they run against PostgreSQL.`;

async function withDb<T>(
  command: string,
  fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const release = config.databaseUrl
    ? () => {}
    : acquireDataDirLock(config.dataDir, { role: 'cli', command });
  const db = await openDatabase(config, (m) => console.log(m));
  try {
    await migrate(db);
    await ensureRegions(db.orm);
    return await fn(db);
  } finally {
    await db.close();
    release();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return 0;
  }
  switch (command) {
    case 'start':
      await startServer(loadConfig());
      return -1;
    case 'dev': {
      const { spawn } = await import('node:child_process');
      const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' });
      process.once('exit', () => vite.kill());
      await startServer(loadConfig());
      return -1;
    }
    case 'migrate':
      await withDb('migrate', async () => console.log('Migrations applied.'));
      return 0;
    case 'seed-demo':
      return withDb('seed-demo', async (db) => {
        const result = await seedDemo(db);
        if (!result.created) console.log('The demo company (DEMO) already exists; nothing changed.');
        else
          console.log(
            `Demo company created. Sign in with any of these (password ${DEMO_PASSWORD}):\n  ${result.logins.join('\n  ')}`,
          );
        return 0;
      });
    case 'create-user':
      return createUserCommand(rest);
    case 'import':
      return importCommand(rest, withDb);
    case 'backup':
      return backupCommand(rest, openDatabase);
    case 'restore':
      return restoreCommand(rest, openDatabase, restoreChecks);
    case 'audit':
      if (rest[0] !== 'verify') break;
      return withDb('audit verify', async (db) => {
        await sealAuditLog(db);
        const results = await verifyAuditChain(db.orm);
        let bad = 0;
        for (const r of results) {
          if (r.ok) console.log(`company ${r.companyId}: ${r.checked} sealed rows, chain intact`);
          else {
            bad++;
            console.log(
              `company ${r.companyId}: BROKEN at position ${r.brokenAt!.chainPos} (row ${r.brokenAt!.id}): ${r.brokenAt!.problem}`,
            );
          }
        }
        return bad === 0 ? 0 : 3;
      });
  }
  console.error(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
  return 1;
}

/** After a restore: every company's stock balances agree with its moves. */
const restoreChecks: AfterRestoreCheck[] = [
  async (db) => {
    const companies = await rows<{ id: string; code: string }>(
      db.orm,
      sql`select id, code from platform_company`,
    );
    const problems: string[] = [];
    for (const company of companies) {
      const mismatches = await checkStockConsistency(db.orm, company.id);
      if (mismatches.length > 0)
        problems.push(
          `company ${company.code}: ${mismatches.length} stock balance(s) disagree with the moves`,
        );
    }
    return problems;
  },
];

async function createUserCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      password: { type: 'string' },
      company: { type: 'string' },
    },
  });
  if (!values.email || !values.name) {
    console.error('create-user needs --email and --name');
    return 1;
  }
  const password = values.password ?? `${newSecret(12)}-T7`;
  const problems = passwordProblems(password, values.email);
  if (problems.length) {
    console.error(`The password breaks the password rules: ${problems.join(', ')}`);
    return 1;
  }
  return withDb('create-user', (db) =>
    withTransaction(db, async (tx) => {
      const company = values.company
        ? await one<{ id: string }>(tx, sql`select id from platform_company where code = ${values.company}`)
        : await one<{ id: string }>(tx, sql`select id from platform_company order by created_at limit 1`);
      if (!company) throw new Error(`No company ${values.company ?? ''}`);
      const [role] = await rows<{ id: string }>(
        tx,
        sql`select id from platform_role where company_id = ${company.id} and code = ${values.role}`,
      );
      if (!role) throw new Error(`No role ${values.role} in that company`);
      const email = values.email!.toLowerCase();
      const existing = await one<{ id: string }>(
        tx,
        sql`select id from platform_user where lower(email) = ${email}`,
      );
      const id = existing?.id ?? newId();
      if (!existing)
        await tx.execute(
          sql`insert into platform_user (id, email, name, password_hash, default_company_id)
              values (${id}, ${email}, ${values.name}, ${await hashPassword(password)}, ${company.id})`,
        );
      await addMember(tx, company.id, id, [role.id]);
      console.log(
        existing
          ? `${email} added to the company as ${values.role}.`
          : `User ${email} created as ${values.role}. Password: ${password}`,
      );
      return 0;
    }),
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    if (error instanceof DataDirLockedError) {
      console.error(`Refused: ${error.message}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
