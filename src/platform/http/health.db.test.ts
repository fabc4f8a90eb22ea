import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, describeDb, testApp } from '../../../test/kit/index.ts';

describeDb('health', (ctx) => {
  test('GET /api/v1/health answers ok, the database in use and the version, without signing in', async () => {
    const res = await new Client(await testApp(ctx.db)).get('/api/v1/health');
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body).sort(), ['database', 'status', 'version']);
    assert.equal(res.body.status, 'ok');
    assert.equal(res.body.database, ctx.kind, 'pglite on the embedded database, postgres with DATABASE_URL');
    assert.match(res.body.version, /^\d+\.\d+\.\d+/);
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });
});
