// Customer search at scale (issue 3): N customers (default 1,000,000) and N/5 contacts bulk-loaded into
// a fresh PostgreSQL database, then searches over HTTP (a real listening server) by two-character Chinese
// fragment, pinyin initials, full pinyin, code and phone, with the median and p99 latency, beside the
// same SQL run directly. Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL). Run: npx tsx bench/crm-search.ts
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { nameKey, phoneKey, searchFields } from '../src/modules/crm/customer/normalize.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPostgres } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { newId } from '../src/platform/ids.ts';
import { registerAllRoutes } from '../src/server.ts';
import { newCompany } from '../test/kit/company.ts';

const N = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!base) {
  console.log('crm-search: skipped — set BENCH_DATABASE_URL (PostgreSQL) to run it.');
  process.exit(0);
}

const CITIES = [
  '上海',
  '北京',
  '深圳',
  '广州',
  '杭州',
  '苏州',
  '南京',
  '成都',
  '武汉',
  '厦门',
  '青岛',
  '宁波',
  '天津',
  '重庆',
  '西安',
  '长沙',
  '郑州',
  '济南',
  '合肥',
  '福州',
];
const WORDS =
  '星辰华夏远航恒信瑞丰金桥宏达博远嘉禾东方新锐汇通天成鼎盛佳美明德长江黄河泰山昆仑海天蓝图鸿运富源永安盛世伟业中兴联创银河飞跃龙腾凤翔云帆光明正大和谐'.match(
    /../g,
  )!;
const TRADES = [
  '贸易',
  '电子科技',
  '机械制造',
  '建材',
  '物流',
  '包装材料',
  '医疗器械',
  '餐饮管理',
  '信息技术',
  '化工',
  '纺织',
  '食品',
];
const FORMS = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司'];

let seed = 42;
const rnd = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const dbName = `tandem_bench_search_${Date.now()}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = new URL(base);
url.pathname = `/${dbName}`;
const db = await openPostgres(url.toString(), 8);
try {
  await migrate(db);
  const company = await newCompany(db);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(
    'drop index crm_customer_grams_ix; drop index crm_customer_name_grams_ix; drop index crm_contact_phone_keys_ix',
  );

  console.log(
    `crm-search — ${N.toLocaleString()} customers, ${(N / 5).toLocaleString()} contacts, PostgreSQL ${(await client.query('show server_version')).rows[0].server_version}`,
  );
  let t0 = performance.now();
  const probes: { name: string; code: string; phone: string }[] = [];
  // Other customers than the measured ones: a warm-up pass over them brings the indexes' upper pages
  // into memory as any running server has them, without pre-fetching the measured answers.
  const warmups: { name: string; code: string; phone: string }[] = [];
  const BATCH = 5000;
  for (let start = 0; start < N; start += BATCH) {
    const ids: string[] = [],
      codes: string[] = [],
      names: string[] = [],
      keys: string[] = [],
      texts: string[] = [],
      grams: string[] = [],
      nameGrams: string[] = [];
    const cIds: string[] = [],
      cCustomers: string[] = [],
      cNames: string[] = [],
      cPhones: string[] = [],
      cKeys: string[] = [];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const name = `${pick(CITIES)}${pick(WORDS)}${pick(WORDS)}${pick(TRADES)}${pick(FORMS)}`;
      const code = `C${String(i + 1).padStart(7, '0')}`;
      const id = newId();
      const fields = searchFields(name, [code]);
      const key = nameKey(name);
      ids.push(id);
      codes.push(code);
      names.push(name);
      keys.push(key);
      texts.push(fields.text);
      grams.push(fields.grams.join(' '));
      nameGrams.push(
        [...key]
          .slice(1)
          .map((c, j) => [...key][j] + c)
          .join(' '),
      );
      if (i % 5 === 0) {
        const phone = `+86 13${String(100000000 + i).slice(-9)}`;
        cIds.push(newId());
        cCustomers.push(id);
        cNames.push('联系人');
        cPhones.push(phone);
        cKeys.push(phoneKey(phone));
        if (i % 50_000 === 0) probes.push({ name, code, phone });
        else if (i % 50_000 === 25_000) warmups.push({ name, code, phone });
      }
    }
    await client.query(
      `insert into crm_customer (company_id, id, code, name, name_key, search_text, search_grams, name_grams)
       select $1, u.id, u.code, u.name, u.key, u.text, string_to_array(u.grams, ' '), string_to_array(u.ng, ' ')
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) as u(id, code, name, key, text, grams, ng)`,
      [company.id, ids, codes, names, keys, texts, grams, nameGrams],
    );
    if (cIds.length)
      await client.query(
        `insert into crm_contact (company_id, id, customer_id, name, name_key, phones, phone_keys)
         select $1, u.id, u.cid, u.name, u.name, array[u.phone], array[u.pkey]
           from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) as u(id, cid, name, phone, pkey)`,
        [company.id, cIds, cCustomers, cNames, cPhones, cKeys],
      );
    if ((start / BATCH) % 40 === 0) process.stdout.write(`  loaded ${(start + BATCH).toLocaleString()}\r`);
  }
  console.log(`  load: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  t0 = performance.now();
  await client.query('create index crm_customer_grams_ix on crm_customer using gin (search_grams)');
  await client.query('create index crm_customer_name_grams_ix on crm_customer using gin (name_grams)');
  await client.query('create index crm_contact_phone_keys_ix on crm_contact using gin (phone_keys)');
  await client.query('analyze crm_customer; analyze crm_contact');
  console.log(`  GIN indexes + analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const app = await buildApp({
    db,
    config: loadConfig({ ...process.env, DATA_DIR: '/nonexistent', API_RATE_LIMIT_PER_IP: '0' }),
    logger: false,
    webRoot: '/nonexistent',
    registerRoutes: registerAllRoutes,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${address}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: company.admin.email, password: company.admin.password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

  const kinds: Array<[string, (p: (typeof probes)[number]) => string]> = [
    ['two-character fragment', (p) => [...p.name].slice(2, 4).join('')],
    ['four-character fragment', (p) => [...p.name].slice(2, 6).join('')],
    [
      'pinyin initials',
      (p) =>
        searchFields([...p.name].slice(2, 4).join(''), [])
          .text.split(' ')
          .pop()!,
    ],
    ['full pinyin', (p) => searchFields([...p.name].slice(2, 4).join(''), []).text.split(' ')[1]],
    ['customer code', (p) => p.code],
    ['phone', (p) => p.phone.replace('+86 ', '')],
  ];
  console.log(
    `\n  ${'query'.padEnd(26)} ${'HTTP median'.padStart(12)} ${'HTTP p99'.padStart(10)} ${'SQL median'.padStart(11)} ${'rows'.padStart(6)}`,
  );
  const { searchCondition } = await import('../src/modules/crm/customer/list-customers.ts');
  for (const [, make] of kinds)
    for (const p of warmups)
      await fetch(`${address}/api/v1/customers?limit=20&q=${encodeURIComponent(make(p))}`, {
        headers: { cookie },
      }).then((r) => r.arrayBuffer());
  for (const [label, make] of kinds) {
    const http: number[] = [];
    const plain: number[] = [];
    let found = 0;
    let worst = { ms: 0, q: '' };
    for (let i = 0; i < QUERIES; i++) {
      const q = make(probes[i % probes.length]);
      const s = performance.now();
      const res = await fetch(`${address}/api/v1/customers?limit=20&q=${encodeURIComponent(q)}`, {
        headers: { cookie },
      });
      const body = (await res.json()) as { items: unknown[] };
      const took = performance.now() - s;
      http.push(took);
      if (took > worst.ms) worst = { ms: took, q };
      found += body.items.length;
      const cond = searchCondition(q, company.id)!;
      const s2 = performance.now();
      const { sql } = await import('drizzle-orm');
      await db.orm.execute(
        sql`select c.* from crm_customer c where c.company_id = ${company.id} and c.merged_into_id is null and ${cond} order by c.id desc limit 21`,
      );
      plain.push(performance.now() - s2);
    }
    http.sort((a, b) => a - b);
    plain.sort((a, b) => a - b);
    console.log(
      `  ${label.padEnd(26)} ${percentile(http, 50).toFixed(2).padStart(9)} ms ${percentile(http, 99).toFixed(2).padStart(7)} ms ${percentile(plain, 50).toFixed(2).padStart(8)} ms ${(found / QUERIES).toFixed(1).padStart(6)}   slowest: ${JSON.stringify(worst.q)} ${worst.ms.toFixed(0)} ms`,
    );
  }
  await app.close();
  await client.end();
} finally {
  await db.close();
  if (process.env.BENCH_KEEP) console.log(`kept database ${dbName}`);
  else await admin.query(`drop database ${dbName} with (force)`);
  await admin.end();
}
