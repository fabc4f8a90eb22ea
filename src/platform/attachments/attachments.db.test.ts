import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import type { Db } from '../db/connect.ts';
import { one, rows } from '../db/tx.ts';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const TEXT = Buffer.from('name,amount\n星辰,12.50\n');
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

function upload(
  client: Client,
  userId: string,
  fileName: string,
  content: Buffer,
  contentType = 'application/octet-stream',
) {
  const url = `/api/v1/attachments?recordType=platform.user&recordId=${userId}&fileName=${encodeURIComponent(fileName)}`;
  return client.request('POST', url, undefined, { raw: content, contentType });
}

async function stored(db: Db, companyId: string) {
  return rows<{ id: string; file_name: string; content_type: string }>(
    db.orm,
    sql`select id, file_name, content_type from platform_attachment where company_id = ${companyId} order by id`,
  );
}

describeDb('attachments', (ctx) => {
  test('upload, list and download a file on a user; the download is an attachment with nosniff', async () => {
    const company = await newCompany(ctx.db);
    const hrUser = await company.user('hr');
    const employee = await company.user('sales');
    const hr = await signedIn(ctx.db, hrUser);
    const created = await upload(hr, employee.id, '劳动合同 2026.pdf', PDF, 'application/pdf');
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.fileName, '劳动合同 2026.pdf');
    assert.equal(created.body.contentType, 'application/pdf');
    assert.equal(created.body.sizeBytes, PDF.length);
    assert.equal(created.body.createdBy.id, hrUser.id);

    const list = await hr.get(`/api/v1/attachments?recordType=platform.user&recordId=${employee.id}`);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((a: any) => a.id),
      [created.body.id],
    );
    const file = await hr.get(`/api/v1/attachments/${created.body.id}/content`);
    assert.equal(file.status, 200);
    assert.deepEqual(file.raw.rawPayload, PDF);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.equal(
      file.headers['content-disposition'],
      `attachment; filename="____ 2026.pdf"; filename*=UTF-8''${encodeURIComponent('劳动合同 2026.pdf')}`,
    );
    assert.match(String(file.headers['content-security-policy']), /sandbox/);

    const audit = await one<{ action: string; changes: any }>(
      ctx.db.orm,
      sql`select action, changes from platform_audit_log where entity = 'platform.attachment' and entity_id = ${created.body.id}`,
    );
    assert.equal(audit!.action, 'create');
    assert.equal(audit!.changes.content, undefined, 'the bytes never go to the audit log');
    const event = await one(
      ctx.db.orm,
      sql`select 1 from platform_event where type = 'attachment.created' and aggregate_id = ${created.body.id}`,
    );
    assert.ok(event);
  });

  test('SEC-FILE-01 hostile names and disguised types are refused or neutralised', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const target = await company.user('sales');
    const cases: Array<[string, Buffer, number, string?]> = [
      ['../../etc/passwd', Buffer.from('root:x:0:0:root:/root:/bin/sh\n'), 415],
      ['a.pdf\u0000.html', HTML, 415],
      ['a.pdf%00.html', PDF, 415],
      ['x".html', HTML, 415],
      ['x.SvG', SVG, 415],
      ['x.HtMl', HTML, 415],
      ['report.pdf.html', PDF, 415],
      ['report.html.pdf', HTML, 415],
      ['cat.png', HTML, 415],
      ['cat.png', SVG, 415],
      ['scan.pdf', PNG, 415],
      ['evil.exe', Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), 415],
      ['CON', TEXT, 415],
      ['../', PDF, 400],
      ['../../etc/passwd.txt', TEXT, 201, 'passwd.txt'],
      ['..\\..\\win.csv', TEXT, 201, 'win.csv'],
      ['a\r\nContent-Type: text/html\r\n\r\n<script>.pdf', PDF, 201, 'html_script_.pdf'],
      [`${'x'.repeat(300)}.txt`, TEXT, 201, `${'x'.repeat(196)}.txt`],
      ['photo.JPG', Buffer.from('ffd8ffe000104a46494600', 'hex'), 201, 'photo.JPG'],
    ];
    const expectedNames: string[] = [];
    for (const [name, content, status, storedName] of cases) {
      const res = await upload(admin, target.id, name, content);
      assert.equal(res.status, status, `${JSON.stringify(name)} → ${JSON.stringify(res.body)}`);
      if (status === 415)
        assert.match(res.body.error.code, /^attachment\.(type_not_allowed|extension_mismatch)$/);
      if (storedName) {
        assert.equal(res.body.fileName, storedName);
        expectedNames.push(storedName);
      }
    }
    const kept = await stored(ctx.db, company.id);
    assert.deepEqual(
      kept.map((r) => r.file_name).sort(),
      expectedNames.sort(),
      'only the accepted files exist',
    );

    // Even a name full of header syntax cannot add a header to the download.
    const crlf = kept.find((r) => r.file_name === 'html_script_.pdf')!;
    const file = await admin.get(`/api/v1/attachments/${crlf.id}/content`);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.doesNotMatch(String(file.headers['content-disposition']), /[\r\n]/);
  });

  test('the client’s Content-Type is ignored: the type comes from the bytes', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const res = await upload(admin, company.admin.id, 'logo.png', PNG, 'text/html');
    assert.equal(res.status, 201);
    assert.equal(res.body.contentType, 'image/png');
    const json = await upload(
      admin,
      company.admin.id,
      'notes.txt',
      Buffer.from('{"a":1}'),
      'application/json',
    );
    assert.equal(json.status, 201);
    assert.equal(json.body.contentType, 'text/plain; charset=utf-8');
  });

  test('an upload replayed with the same Idempotency-Key stores the file once', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const url = `/api/v1/attachments?recordType=platform.user&recordId=${company.admin.id}&fileName=a.pdf`;
    const send = () =>
      admin.request('POST', url, undefined, {
        raw: PDF,
        contentType: 'application/pdf',
        headers: { 'idempotency-key': 'upload-1' },
      });
    const first = await send();
    const replay = await send();
    assert.equal(first.status, 201);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    assert.equal(replay.body.id, first.body.id);
    assert.equal((await stored(ctx.db, company.id)).length, 1);
  });

  test('more than 10 MB is a 413; empty, unnamed and unknown record types are 400s; nothing is stored', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const big = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]);
    const tooBig = await upload(admin, company.admin.id, 'big.pdf', big, 'application/pdf');
    assert.equal(tooBig.status, 413);
    const empty = await upload(admin, company.admin.id, 'empty.txt', Buffer.alloc(0));
    assert.equal(empty.status, 400);
    const noName = await admin.request(
      'POST',
      `/api/v1/attachments?recordType=platform.user&recordId=${company.admin.id}`,
      undefined,
      {
        raw: PDF,
        contentType: 'application/pdf',
      },
    );
    assert.equal(noName.status, 400);
    for (const recordType of ['crm.nothing', 'platform.user;drop', '../x']) {
      const res = await admin.request(
        'POST',
        `/api/v1/attachments?recordType=${encodeURIComponent(recordType)}&recordId=${company.admin.id}&fileName=a.pdf`,
        undefined,
        { raw: PDF, contentType: 'application/pdf' },
      );
      assert.equal(res.status, 400);
    }
    assert.equal((await admin.get(`/api/v1/attachments?recordType=crm.nothing&recordId=1`)).status, 400);
    assert.equal((await stored(ctx.db, company.id)).length, 0);
  });

  test('another company’s attachment is a 404 for list, download, upload and delete, and stays (SEC-AUTHZ-01)', async () => {
    const company = await newCompany(ctx.db);
    const stranger = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const created = await upload(admin, company.admin.id, 'secret.pdf', PDF);
    assert.equal(created.status, 201);
    const outsider = await signedIn(ctx.db, stranger.admin);
    assert.equal((await outsider.get(`/api/v1/attachments/${created.body.id}/content`)).status, 404);
    assert.equal((await outsider.delete(`/api/v1/attachments/${created.body.id}`)).status, 404);
    const list = await outsider.get(
      `/api/v1/attachments?recordType=platform.user&recordId=${company.admin.id}`,
    );
    assert.equal(list.status, 404);
    const planted = await upload(outsider, company.admin.id, 'planted.pdf', PDF);
    assert.equal(planted.status, 404);
    assert.deepEqual(
      (await stored(ctx.db, company.id)).map((r) => r.id),
      [created.body.id],
    );
    assert.equal((await stored(ctx.db, stranger.id)).length, 0);
  });

  test('access follows the parent record: no user.read, no file; delete needs its permission and the parent', async () => {
    const company = await newCompany(ctx.db);
    const hr = await signedIn(ctx.db, await company.user('hr'));
    const employee = await company.user('sales');
    const created = await upload(hr, employee.id, 'id-card.jpg', Buffer.from('ffd8ffdb0043', 'hex'));
    assert.equal(created.status, 201);

    // sales holds platform.attachment.read/create but may not read users.
    const sales = await signedIn(ctx.db, employee);
    assert.equal((await sales.get(`/api/v1/attachments/${created.body.id}/content`)).status, 404);
    assert.equal(
      (await sales.get(`/api/v1/attachments?recordType=platform.user&recordId=${employee.id}`)).status,
      404,
    );
    assert.equal((await upload(sales, employee.id, 'more.pdf', PDF)).status, 404);
    const history = `/api/v1/audit-log?entity=platform.attachment&entityId=${created.body.id}`;
    assert.equal((await sales.get(history)).status, 403, 'nor its history');
    assert.equal((await hr.get(history)).body.items.length, 1, 'hr reads the history without audit.read');

    // viewer reads users, so it may download, but it may not delete.
    const viewer = await signedIn(ctx.db, await company.user('viewer'));
    assert.equal((await viewer.get(`/api/v1/attachments/${created.body.id}/content`)).status, 200);
    assert.equal((await viewer.delete(`/api/v1/attachments/${created.body.id}`)).status, 403);
    assert.equal((await stored(ctx.db, company.id)).length, 1);

    assert.equal((await hr.delete(`/api/v1/attachments/${created.body.id}`)).status, 204);
    assert.equal((await stored(ctx.db, company.id)).length, 0);
    const audit = await one<{ changes: any }>(
      ctx.db.orm,
      sql`select changes from platform_audit_log where entity = 'platform.attachment' and entity_id = ${created.body.id}
           and action = 'delete'`,
    );
    assert.equal(audit!.changes.fileName.before, 'id-card.jpg');
    assert.equal((await hr.get(`/api/v1/attachments/${created.body.id}/content`)).status, 404);
  });
});
