// Who may see and act on data-quality findings, through HTTP: a salesperson may not, another company's
// finding or run is not there (404), bad input is a 400 and changes nothing.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  type Client,
  describeDb,
  newCompany,
  signedIn,
  type TestCompany,
} from '../../../../test/kit/index.ts';
import { one } from '../../../platform/db/tx.ts';
import { plantFinding } from './fixtures.ts';
import { qualityRunsSettled } from './run-checks.ts';

describeDb('data-quality routes', (ctx) => {
  let company: TestCompany;
  let admin: Client;
  let sales: Client;
  let viewer: Client;
  let other: Client;
  let findingId: string;

  before(async () => {
    company = await newCompany(ctx.db);
    admin = await signedIn(ctx.db, company.admin);
    sales = await signedIn(ctx.db, await company.user('sales'));
    viewer = await signedIn(ctx.db, await company.user('viewer'));
    const otherCompany = await newCompany(ctx.db);
    other = await signedIn(ctx.db, otherCompany.admin);
    findingId = await plantFinding(ctx.db, company.id);
  });

  test('a salesperson gets 403 on every data-quality route', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/data-quality/checks'],
      ['GET', '/api/v1/data-quality/findings'],
      ['GET', '/api/v1/data-quality/runs/latest'],
      ['POST', '/api/v1/data-quality/runs'],
      ['POST', `/api/v1/data-quality/findings/${findingId}/resolve`],
      ['POST', `/api/v1/data-quality/findings/${findingId}/ignore`],
    ] as const) {
      const res = await sales.request(method, url, method === 'POST' ? {} : undefined);
      assert.equal(res.status, 403, `${method} ${url}: ${res.status}`);
    }
  });

  test('the viewer reads but may not run or decide', async () => {
    assert.equal((await viewer.get('/api/v1/data-quality/findings')).status, 200);
    assert.equal((await viewer.post('/api/v1/data-quality/runs', {})).status, 403);
    assert.equal((await viewer.post(`/api/v1/data-quality/findings/${findingId}/ignore`, {})).status, 403);
  });

  test("another company's finding and run are 404 and stay as they were", async () => {
    for (const verb of ['resolve', 'ignore']) {
      const res = await other.post(`/api/v1/data-quality/findings/${findingId}/${verb}`, { note: 'x' });
      assert.equal(res.status, 404, `${verb}: ${res.status}`);
    }
    const listed = await other.get('/api/v1/data-quality/findings');
    assert.ok(!listed.body.items.some((f: any) => f.id === findingId));
    const run = await admin.post('/api/v1/data-quality/runs', {});
    assert.equal(run.status, 202);
    await qualityRunsSettled();
    assert.equal((await other.get(`/api/v1/data-quality/runs/${run.body.id}`)).status, 404);
    const row = await one<{ status: string }>(
      ctx.db.orm,
      sql`select status from integration_quality_finding where company_id = ${company.id} and id = ${findingId}`,
    );
    // The planted event finding names no real event: the run saw it gone.
    assert.equal(row!.status, 'resolved');
  });

  test('bad input is a 400', async () => {
    assert.equal((await admin.get('/api/v1/data-quality/findings?cursor=nonsense')).status, 400);
    assert.equal((await admin.get('/api/v1/data-quality/findings?status=maybe')).status, 400);
    assert.equal((await admin.get('/api/v1/data-quality/runs/not-a-uuid')).status, 400);
    const extra = await admin.post(`/api/v1/data-quality/findings/${findingId}/ignore`, {
      note: 'x',
      extra: 1,
    });
    assert.equal(extra.status, 400);
  });

  test('a second run while one is going is refused with 409', async () => {
    const first = await admin.post('/api/v1/data-quality/runs', {});
    const second = await admin.post('/api/v1/data-quality/runs', {});
    await qualityRunsSettled();
    assert.equal(first.status, 202);
    // The first may already be done on a fast machine; then the second is a new run.
    assert.ok([202, 409].includes(second.status), String(second.status));
    if (second.status === 409) assert.equal(second.body.error.code, 'integration.quality_running');
  });
});
