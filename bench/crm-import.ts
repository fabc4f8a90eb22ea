// `npx tsx bench/crm-import.ts`: imports a generated CSV of 10,000 customers (with duplicates inside
// the file) through the platform's import engine, as the API and CLI do, on PGlite, and on
// PostgreSQL when BENCH_DATABASE_URL is set. Prints rows/s, the time, the duplicates flagged, memory
// before/after, and the same number of rows written by the plainest SQL for scale. Target: under
// 10 s on a 2-core machine, memory flat. Never part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import '../src/modules/crm/index.ts';
import { usccCheckChar } from '../src/modules/crm/customer/normalize.ts';
import { type Db, openPglite, openPostgres } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { one, withTransaction } from '../src/platform/db/tx.ts';
import { newId } from '../src/platform/ids.ts';
import { pathSource } from '../src/platform/imports/read-file.ts';
import { runImport } from '../src/platform/imports/run-import.ts';
import { ensureRegions } from '../src/platform/reference/regions.ts';
import { newCompany } from '../test/kit/company.ts';
import { ensureTemplate } from '../test/kit/template.ts';

const N = Number(process.env.BENCH_N ?? 10_000);
const CITIES = [
  '上海',
  '北京',
  '深圳',
  '广州',
  '杭州',
  '苏州',
  '成都',
  '武汉',
  '厦门',
  '南京',
  '天津',
  '宁波',
];
const WORDS = [
  '星辰',
  '华夏',
  '海豚',
  '光明',
  '远航',
  '博达',
  '金石',
  '青松',
  '瑞丰',
  '恒通',
  '嘉禾',
  '万象',
  '启明',
  '新元',
];
const TRADES = ['贸易', '科技', '电子', '机械', '食品', '物流', '建材', '医疗', '服饰', '化工'];
const REGIONS = ['上海', '北京', '广东', '浙江', '江苏', '四川', '湖北', '福建'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function uscc(i: number): string {
  const first17 = `91${String(310000 + (i % 90000)).padStart(6, '0')}MA${String(i).padStart(7, '0')}`.slice(
    0,
    17,
  );
  return first17 + usccCheckChar(first17);
}

/**
 * The file: every row unique, except every 97th (repeats an earlier row's name with another
 * company-form suffix) and every 211th (repeats an earlier row's phone). Returns the path and how
 * many rows are such duplicates.
 */
function writeCsv(file: string): number {
  const out = fs.openSync(file, 'w');
  fs.writeSync(
    out,
    '客户名称,简称,税号,行业,来源,标签,状态,信用额度,地址,城市,省份,联系人,联系电话,联系人邮箱\r\n',
  );
  let duplicates = 0;
  const name = (i: number) =>
    `${CITIES[i % CITIES.length]}${WORDS[Math.floor(i / 12) % WORDS.length]}${TRADES[Math.floor(i / 168) % TRADES.length]}${i}号`;
  const phone = (i: number) => `138${String(10_000_000 + i).slice(-8)}`;
  let chunk = '';
  // A duplicate repeats an original row (never another duplicate, which is not imported itself).
  const isDuplicate = (i: number) => i % 97 === 0 || i % 211 === 0;
  const original = (i: number) => {
    while (isDuplicate(i)) i--;
    return i;
  };
  for (let i = 1; i <= N; i++) {
    let company = `${name(i)}有限公司`;
    let tel = phone(i);
    if (i % 97 === 0) {
      company = `${name(original(i - 50))}股份有限公司`;
      duplicates++;
    } else if (i % 211 === 0) {
      tel = `+86 ${phone(original(i - 100)).replace(/(\d{3})(\d{4})(\d{4})/, '$1-$2-$3')}`;
      duplicates++;
    }
    const cells = [
      company,
      WORDS[i % WORDS.length],
      i % 3 === 0 ? uscc(i) : '',
      ['制造业', '批发零售', 'it', '建筑业', 'services'][i % 5],
      ['展会', 'web', '客户推荐', '', '微信'][i % 5],
      i % 4 === 0 ? 'VIP、华东' : '',
      ['潜在', 'active', '休眠', ''][i % 4],
      i % 2 === 0 ? `${(i * 100).toLocaleString('en-US')}.00` : '',
      `${WORDS[i % WORDS.length]}路 ${i} 号`,
      CITIES[i % CITIES.length],
      REGIONS[i % REGIONS.length],
      `${SURNAMES[i % SURNAMES.length]}经理`,
      tel,
      `buyer${i}@example.cn`,
    ];
    chunk += `${cells.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(',')}\r\n`;
    if (chunk.length > 64 * 1024) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return duplicates;
}

async function benchDb(label: string, db: Db, file: string, expectedDuplicates: number): Promise<void> {
  console.log(`\n${label}`);
  await ensureRegions(db.orm);
  const company = await newCompany(db);
  const actor = await company.actor(company.admin);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  let lastShown = 0;
  const batch = await runImport(
    db,
    actor,
    { entity: 'crm.customer', fileName: 'customers.csv', dryRun: false, source: pathSource(file) },
    {
      onProgress: (b) => {
        if (b.processedRows - lastShown >= 2000 || b.processedRows === b.totalRows) {
          lastShown = b.processedRows;
          const s = (performance.now() - t0) / 1000;
          console.log(
            `  progress ${String(b.processedRows).padStart(6)}/${b.totalRows}  ${s.toFixed(1).padStart(5)} s  rss ${mb(process.memoryUsage().rss)}`,
          );
        }
      },
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const flagged = await one<{ n: number }>(
    db.orm,
    sql`select count(*)::int as n from platform_import_row
         where company_id = ${company.id} and batch_id = ${batch.id} and status = 'error'
           and errors -> 0 ->> 'code' = 'duplicate'`,
  );
  console.log(
    `  crm.customer import: ${batch.okRows} imported, ${batch.errorRows} refused ` +
      `(${flagged?.n} duplicates flagged; the file has ${expectedDuplicates}) in ${seconds.toFixed(2)} s ` +
      `= ${(N / seconds).toFixed(0)} rows/s`,
  );
  console.log(
    `  memory: rss ${mb(rssBefore)} before, ${mb(process.memoryUsage().rss)} after, ${mb(peak)} peak; ` +
      `JS heap ${mb(heapBefore)} before, ${mb(process.memoryUsage().heapUsed)} after` +
      (db.kind === 'pglite' ? ' (an in-memory PGlite keeps the imported rows in its own memory)' : ''),
  );

  // The plainest SQL doing the core of the same writes: one customer row, one contact row, one audit
  // row per customer, 500 per transaction, no checks and no lookups.
  const p0 = performance.now();
  for (let start = 0; start < N; start += 500)
    await withTransaction(db, async (tx) => {
      for (let i = start; i < Math.min(N, start + 500); i++) {
        const id = newId();
        await tx.execute(
          sql`insert into crm_customer (company_id, id, code, name, name_key, search_text)
              values (${company.id}, ${id}, ${`P${i}`}, ${`plain ${i}`}, ${`plain${i}`}, ${`plain${i}`})`,
        );
        await tx.execute(
          sql`insert into crm_contact (company_id, id, customer_id, name, name_key)
              values (${company.id}, ${newId()}, ${id}, 'x', 'x')`,
        );
        await tx.execute(
          sql`insert into platform_audit_log (company_id, id, entity, entity_id, action)
              values (${company.id}, ${newId()}, 'crm.customer', ${id}, 'create')`,
        );
      }
    });
  const plain = (performance.now() - p0) / 1000;
  console.log(
    `  plain SQL, 3 inserts per row: ${plain.toFixed(2)} s = ${(N / plain).toFixed(0)} rows/s ` +
      `(import / plain: ${(plain / seconds).toFixed(2)})`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-crm-import-'));
const file = path.join(dir, 'customers.csv');
const duplicates = writeCsv(file);
console.log(
  `crm import benchmark — ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}; ` +
    `${N} rows, ${mb(fs.statSync(file).size)} CSV, ${duplicates} duplicates inside the file`,
);
const template = await ensureTemplate();
const embedded = await openPglite({ loadDataDir: new Blob([fs.readFileSync(template)]) });
await benchDb('PGlite (embedded, in memory)', embedded, file, duplicates);
await embedded.close();
const url = process.env.BENCH_DATABASE_URL;
if (url) {
  const name = `tandem_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openPostgres(target.toString());
  await migrate(db);
  await benchDb('PostgreSQL', db, file, duplicates);
  await db.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
} else console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL to include it)');
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
