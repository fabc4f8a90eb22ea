import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import { recordAudit } from '../audit/record.ts';
import { one } from '../db/tx.ts';
import { newId } from '../ids.ts';
import { bufferSource } from './read-file.ts';
import { parseWithSchema, registerImporter, rowError } from './registry.ts';
import { runImport } from './run-import.ts';

// A cheap importer for volume: each row becomes one audit entry (users would spend their time hashing passwords).
registerImporter({
  entity: 'test.note',
  permission: 'platform.import.run',
  columns: [
    { key: 'code', label: { 'zh-CN': '编号', en: 'Code' }, required: true, example: 'N1' },
    { key: 'qty', label: { 'zh-CN': '数量', en: 'Quantity' }, required: true, example: '3' },
  ],
  parseRow: (raw) =>
    parseWithSchema(z.object({ code: z.string().regex(/^N\d+$/), qty: z.coerce.number().int() }), raw),
  async importRow(tx, actor, input) {
    const recordId = newId();
    await recordAudit(tx, actor, { entity: 'test.note', entityId: recordId, action: 'create', after: input });
    return { recordId };
  },
  async undo() {},
});

// An importer with a bug: anything but a refusal must stop the batch, not be blamed on a row.
registerImporter({
  entity: 'test.buggy',
  permission: 'platform.import.run',
  columns: [{ key: 'code', label: { 'zh-CN': '编号', en: 'Code' }, required: true, example: 'N1' }],
  parseRow: (raw) => parseWithSchema(z.object({ code: z.string() }), raw),
  async importRow(tx, actor, input) {
    if (input.code === 'BOOM') throw new TypeError('a bug');
    const recordId = newId();
    await recordAudit(tx, actor, {
      entity: 'test.buggy',
      entityId: recordId,
      action: 'create',
      after: input,
    });
    return { recordId };
  },
  async undo() {},
});

// A bulk importer: whole chunks at once, refusing a chunk as a whole when it holds BULKFAIL (the
// engine must then import that chunk row by row, with nothing of the bulk attempt left).
const bulkCalls: number[] = [];
registerImporter({
  entity: 'test.bulk',
  permission: 'platform.import.run',
  columns: [{ key: 'code', label: { 'zh-CN': '编号', en: 'Code' }, required: true, example: 'N1' }],
  parseRow: (raw) => parseWithSchema(z.object({ code: z.string() }), raw),
  async importRow(tx, actor, input) {
    if (input.code === 'BULKFAIL') throw rowError('code', 'refused', 'this row is refused');
    const recordId = newId();
    await recordAudit(tx, actor, { entity: 'test.bulk', entityId: recordId, action: 'row', after: input });
    return { recordId };
  },
  async importChunk(tx, actor, rows) {
    bulkCalls.push(rows.length);
    const outcomes = [];
    for (const { rowNo, input } of rows) {
      const recordId = newId();
      await recordAudit(tx, actor, {
        entity: 'test.bulk',
        entityId: recordId,
        action: 'chunk',
        after: input,
      });
      outcomes.push({ rowNo, recordId });
    }
    if (rows.some((r) => r.input.code === 'BULKFAIL')) throw rowError('code', 'refused', 'a row is refused');
    return outcomes;
  },
  async undo() {},
});

function notes(count: number, bad: (i: number) => boolean = () => false): string {
  let csv = 'code,qty\n';
  for (let i = 1; i <= count; i++) csv += `N${i},${bad(i) ? 'many' : i}\n`;
  return csv;
}

const post = (query: string, body: string | Buffer, contentType = 'text/csv') =>
  [`/api/v1/imports?${query}`, undefined, { raw: body, contentType }] as const;

describeDb('the import engine', (ctx) => {
  test('5,000 rows finish in chunks, progress is committed as it goes and adds up to the row count', async () => {
    const company = await newCompany(ctx.db);
    const actor = await company.actor(company.admin);
    const seen: number[] = [];
    const batch = await runImport(
      ctx.db,
      actor,
      {
        entity: 'test.note',
        fileName: 'notes.csv',
        dryRun: false,
        source: bufferSource(Buffer.from(notes(5000, (i) => i % 1000 === 0))),
      },
      {
        onProgress: async (b) => {
          seen.push(b.processedRows);
          assert.equal(b.totalRows, 5000);
          assert.equal(b.status, 'running');
          // committed, so anyone polling the batch sees the same
          const row = await one<{ processed_rows: number; ok_rows: number; error_rows: number }>(
            ctx.db.orm,
            sql`select processed_rows, ok_rows, error_rows from platform_import_batch
                 where company_id = ${company.id} and id = ${b.id}`,
          );
          assert.deepEqual(
            [row!.processed_rows, row!.ok_rows, row!.error_rows],
            [b.processedRows, b.okRows, b.errorRows],
          );
        },
      },
    );
    assert.deepEqual(
      seen,
      Array.from({ length: 10 }, (_, i) => (i + 1) * 500),
    );
    assert.equal(batch.status, 'done');
    assert.deepEqual(
      [batch.totalRows, batch.processedRows, batch.okRows, batch.errorRows],
      [5000, 5000, 4995, 5],
    );
    const stored = await one<{ ok: number; error: number; audited: number }>(
      ctx.db.orm,
      sql`select count(*) filter (where status = 'ok')::int as ok, count(*) filter (where status = 'error')::int as error,
                 (select count(*)::int from platform_audit_log where company_id = ${company.id}
                     and reason = ${`import batch ${batch.id}`}) as audited
            from platform_import_row where company_id = ${company.id} and batch_id = ${batch.id}`,
    );
    assert.deepEqual([Number(stored!.ok), Number(stored!.error), Number(stored!.audited)], [4995, 5, 4995]);

    const admin = await signedIn(ctx.db, company.admin);
    const errors = await admin.get(`/api/v1/imports/${batch.id}/errors?limit=2`);
    assert.deepEqual(
      errors.body.items.map((i: any) => i.rowNo),
      [1001, 2001],
    );
    const next = await admin.get(
      `/api/v1/imports/${batch.id}/errors?limit=10&cursor=${errors.body.nextCursor}`,
    );
    assert.deepEqual(
      next.body.items.map((i: any) => i.rowNo),
      [3001, 4001, 5001],
    );
    assert.equal(next.body.nextCursor, null);
  });

  test('a failure that is no row’s fault stops the batch as failed; chunks before it stay committed', async () => {
    const company = await newCompany(ctx.db);
    const actor = await company.actor(company.admin);
    const source = bufferSource(Buffer.from('code\nA\nB\nBOOM\nC\n'));
    await assert.rejects(
      runImport(
        ctx.db,
        actor,
        { entity: 'test.buggy', fileName: 'b.csv', dryRun: false, source },
        { chunkSize: 2 },
      ),
      /a bug/,
    );
    const batch = await one<{ status: string; processed_rows: number; finished_at: string | null }>(
      ctx.db.orm,
      sql`select status, processed_rows, finished_at from platform_import_batch where company_id = ${company.id}`,
    );
    assert.equal(batch?.status, 'failed');
    assert.equal(batch?.processed_rows, 2);
    assert.ok(batch?.finished_at);
    const audited = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_audit_log where company_id = ${company.id} and entity = 'test.buggy'`,
    );
    assert.equal(Number(audited!.n), 2);
  });

  test('malformed files are a clear 400 and leave no batch; a long row is a row error', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const batches = async () =>
      Number(
        (await one<{ n: number }>(
          ctx.db.orm,
          sql`select count(*)::int as n from platform_import_batch where company_id = ${company.id}`,
        ))!.n,
      );
    const q = 'entity=test.note';
    const unbalanced = await admin.request('POST', ...post(q, 'code,qty\nN1,1\n"N2,2\nN3,3\n'));
    assert.equal(unbalanced.status, 400);
    assert.equal(unbalanced.body.error.code, 'import.malformed_file');
    assert.equal(typeof unbalanced.body.error.details.line, 'number');
    const strayQuote = await admin.request('POST', ...post(q, 'code,qty\nN1,"1"x\n'));
    assert.equal(strayQuote.status, 400);
    assert.equal(strayQuote.body.error.code, 'import.malformed_file');

    const notXlsx = await admin.request(
      'POST',
      ...post(q, Buffer.from('PK\x03\x04 this is no workbook'), 'application/octet-stream'),
    );
    assert.equal(notXlsx.status, 400);
    assert.equal(notXlsx.body.error.code, 'import.unreadable_file');
    const utf16 = await admin.request('POST', ...post(q, Buffer.from('\uFEFFcode,qty\n', 'utf16le')));
    assert.equal(utf16.body.error.code, 'import.unsupported_encoding');
    const empty = await admin.request('POST', ...post(q, ''));
    assert.equal(empty.status, 400);
    const json = await admin.post(`/api/v1/imports?${q}`, { code: 'N1' });
    assert.equal(json.body.error.code, 'import.file_required');
    const blank = await admin.request('POST', ...post(q, '\n\n ,\n'));
    assert.equal(blank.body.error.code, 'import.empty_file');
    const missing = await admin.request('POST', ...post(q, 'code,amount\nN1,1\n'));
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'import.missing_columns');
    assert.deepEqual(missing.body.error.details.columns, ['qty']);
    const unknown = await admin.request('POST', ...post('entity=nothing.here', notes(1)));
    assert.equal(unknown.body.error.code, 'import.unknown_entity');
    const badMapping = await admin.request(
      'POST',
      ...post(`${q}&mapping=${encodeURIComponent('{nope')}`, notes(1)),
    );
    assert.equal(badMapping.status, 400);
    assert.equal(await batches(), 0);

    const long = await admin.request('POST', ...post(q, 'code,qty\nN1,1\nN2,2,surprise\nN3,3,\n'));
    assert.equal(long.status, 201);
    assert.deepEqual([long.body.okRows, long.body.errorRows], [2, 1]);
    const errors = await admin.get(`/api/v1/imports/${long.body.id}/errors`);
    assert.deepEqual(
      errors.body.items.map((i: any) => [i.rowNo, i.errors[0].code]),
      [[3, 'import.row_too_long']],
    );
  });

  test('an explicit mapping names file columns freely; only declared columns can be filled', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const csv = 'Article;Pieces;companyId\nN1;4;other\nN2;x;other\n';
    const mapping = encodeURIComponent(JSON.stringify({ Article: 'code', Pieces: 'qty' }));
    const res = await admin.request('POST', ...post(`entity=test.note&dryRun=true&mapping=${mapping}`, csv));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.mapping, { Article: 'code', Pieces: 'qty' });
    assert.deepEqual([res.body.okRows, res.body.errorRows], [1, 1]);
    const errors = await admin.get(`/api/v1/imports/${res.body.id}/errors`);
    assert.deepEqual(errors.body.items[0].errors[0].header, 'Pieces');
    const audited = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_audit_log where company_id = ${company.id} and entity = 'test.note'`,
    );
    assert.equal(Number(audited!.n), 0);

    const sneaky = encodeURIComponent(
      JSON.stringify({ Article: 'code', Pieces: 'qty', companyId: 'companyId' }),
    );
    const refused = await admin.request('POST', ...post(`entity=test.note&mapping=${sneaky}`, csv));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'import.unknown_column');
  });

  test('an importer may take whole chunks; a chunk it refuses is imported row by row instead', async () => {
    const company = await newCompany(ctx.db);
    const actor = await company.actor(company.admin);
    bulkCalls.length = 0;
    const codes = ['A1', 'A2', 'A3', 'B1', 'BULKFAIL', 'B3', 'C1'];
    const batch = await runImport(
      ctx.db,
      actor,
      {
        entity: 'test.bulk',
        fileName: 'bulk.csv',
        dryRun: false,
        source: bufferSource(Buffer.from(`code\n${codes.join('\n')}\n`)),
      },
      { chunkSize: 3 },
    );
    assert.deepEqual(bulkCalls, [3, 3, 1]);
    assert.deepEqual([batch.okRows, batch.errorRows], [6, 1]);
    const written = await one<{ chunk: number; row: number }>(
      ctx.db.orm,
      sql`select count(*) filter (where action = 'chunk')::int as chunk, count(*) filter (where action = 'row')::int as row
            from platform_audit_log where company_id = ${company.id} and entity = 'test.bulk'`,
    );
    assert.deepEqual(written, { chunk: 4, row: 2 }, 'the refused chunk left nothing of its bulk attempt');
  });

  test('templates describe the columns and download as an example CSV', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const described = await admin.get('/api/v1/imports/templates/platform.user');
    assert.equal(described.status, 200);
    assert.deepEqual(
      described.body.columns.map((c: any) => [c.key, c.required]),
      [
        ['email', true],
        ['name', true],
        ['locale', false],
        ['role', true],
        ['department', false],
      ],
    );
    assert.equal(described.body.columns[1].label['zh-CN'], '姓名');
    const file = await admin.get('/api/v1/imports/templates/platform.user.csv');
    assert.equal(file.status, 200);
    assert.match(String(file.headers['content-type']), /^text\/csv/);
    assert.equal(
      file.raw.body,
      '\uFEFFEmail,Name,Language,Role,Department\r\nli.na@example.com,李娜,zh-CN,sales,\r\n',
    );
    assert.equal((await admin.get('/api/v1/imports/templates/nothing.here')).status, 404);
    assert.equal((await admin.get('/api/v1/imports/templates/nothing.here.csv')).status, 404);
    const all = await admin.get('/api/v1/imports/templates');
    assert.ok(all.body.items.some((t: any) => t.entity === 'platform.user'));

    const sales = await signedIn(ctx.db, await company.user('sales'));
    const salesList = await sales.get('/api/v1/imports/templates');
    assert.ok(!salesList.body.items.some((t: any) => t.entity === 'platform.user'));
    const viewer = await signedIn(ctx.db, await company.user('viewer'));
    assert.equal((await viewer.get('/api/v1/imports/templates/platform.user')).status, 403);
  });
});
