// `npx tsx bench/import-large.ts [rows]` (default 500,000): writes a customer CSV of that many unique
// rows, imports it through the platform's import engine with no row cap (streamed from the kept file,
// one transaction per chunk) and prints rows/s and the peak RSS, which must stay flat whatever the
// row count. PGlite on disk by default; PostgreSQL when BENCH_DATABASE_URL is set. Never part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import '../src/modules/crm/index.ts';
import { type Db, openPglite, openPostgres } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { pathSource } from '../src/platform/imports/read-file.ts';
import { runImport } from '../src/platform/imports/run-import.ts';
import { ensureRegions } from '../src/platform/reference/regions.ts';
import { newCompany } from '../test/kit/company.ts';
import { ensureTemplate } from '../test/kit/template.ts';

const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 500_000);
const CITIES = ['上海', '北京', '深圳', '广州', '杭州', '苏州', '成都', '武汉'];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Unique names and phones: every row is a new customer with a contact. */
function writeCsv(file: string): void {
  const out = fs.openSync(file, 'w');
  let text = '客户名称,城市,联系人,联系电话,状态\r\n';
  for (let i = 1; i <= N; i++) {
    text += `${CITIES[i % CITIES.length]}第${i}号贸易有限公司,${CITIES[i % CITIES.length]},联系人${i},139${String(i).padStart(8, '0')},${i % 2 ? '潜在' : 'active'}\r\n`;
    if (text.length > 256 * 1024) {
      fs.writeSync(out, text);
      text = '';
    }
  }
  fs.writeSync(out, text);
  fs.closeSync(out);
}

async function bench(label: string, db: Db, file: string, fileDir: string): Promise<void> {
  await ensureRegions(db.orm);
  const company = await newCompany(db);
  const actor = await company.actor(company.admin);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const t0 = performance.now();
  let shown = 0;
  const batch = await runImport(
    db,
    actor,
    { entity: 'crm.customer', fileName: 'large.csv', dryRun: false, source: pathSource(file) },
    {
      fileDir,
      onProgress: (b) => {
        if (b.processedRows - shown < 50_000 && b.processedRows !== b.totalRows) return;
        shown = b.processedRows;
        const s = (performance.now() - t0) / 1000;
        console.log(
          `  ${String(b.processedRows).padStart(7)}/${b.totalRows}  ${s.toFixed(0).padStart(5)} s  ` +
            `${(b.processedRows / s).toFixed(0)} rows/s  rss ${mb(process.memoryUsage().rss)}`,
        );
      },
    },
  );
  clearInterval(sampler);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `${label}: ${batch.diff.new} new, ${batch.errorRows} refused of ${N} rows in ${seconds.toFixed(1)} s = ` +
      `${(N / seconds).toFixed(0)} rows/s; rss ${mb(rssBefore)} before, peak ${mb(peak)}`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-import-large-'));
const file = path.join(dir, 'customers.csv');
writeCsv(file);
console.log(
  `import-large — ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}; ` +
    `${N} rows, ${mb(fs.statSync(file).size)} CSV`,
);
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
  await bench('PostgreSQL', db, file, path.join(dir, 'imports'));
  await db.close();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
} else {
  // On disk, as a server runs it: an in-memory database would hold every imported row in this process.
  const db = await openPglite({
    dataDir: path.join(dir, 'db'),
    loadDataDir: new Blob([fs.readFileSync(await ensureTemplate())]),
  });
  await bench('PGlite (embedded, on disk)', db, file, path.join(dir, 'imports'));
  await db.close();
}
fs.rmSync(dir, { recursive: true, force: true });
process.exit(0);
