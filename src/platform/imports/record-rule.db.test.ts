import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Client, describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';

function importUsers(client: Client, csv: string) {
  return client.request('POST', '/api/v1/imports?entity=platform.user&fileName=people.csv', undefined, {
    raw: csv,
    contentType: 'text/csv',
  });
}

describeDb('record rules on import batches (own / team / company)', (ctx) => {
  test('a record outside the actor’s record rule is a 404; the team manager and the company-wide role see it', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const perms = [
      'platform.import.run',
      'platform.import.read',
      'platform.user.create',
      'platform.user.read',
    ];
    const roles: Record<string, string> = {};
    for (const scope of ['own', 'team', 'company'] as const) {
      const res = await admin.post('/api/v1/roles', {
        code: `importer_${scope}`,
        name: { en: scope },
        permissions: perms,
        recordScope: scope,
      });
      assert.equal(res.status, 201);
      roles[scope] = res.body.id;
    }
    const make = async (role: string) => {
      const u = await company.user('viewer');
      const r = await admin.patch(`/api/v1/users/${u.id}`, { version: 1, roleIds: [role] });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return u;
    };
    const alice = await make(roles.own);
    const bob = await make(roles.own);
    const manager = await make(roles.team);
    const auditor = await make(roles.company);
    const team = await company.department({ managerUserId: manager.id });
    for (const u of [alice]) {
      const me = await admin.get(`/api/v1/users/${u.id}`);
      assert.equal(
        (await admin.patch(`/api/v1/users/${u.id}`, { version: me.body.version, departmentId: team })).status,
        200,
      );
    }

    const aliceClient = await signedIn(ctx.db, alice);
    const imported = await importUsers(
      aliceClient,
      `email,name,role\nnew.${company.code}@example.com,New Hire,importer_own\n`,
    );
    assert.equal(imported.status, 201, JSON.stringify(imported.body));
    const batchId = imported.body.id;

    assert.equal((await aliceClient.get(`/api/v1/imports/${batchId}`)).status, 200, 'the owner sees it');
    const bobClient = await signedIn(ctx.db, bob);
    assert.equal(
      (await bobClient.get(`/api/v1/imports/${batchId}`)).status,
      404,
      'own scope: another person’s batch is a 404',
    );
    assert.equal((await bobClient.get(`/api/v1/imports/${batchId}/errors`)).status, 404);
    const bobList = await bobClient.get('/api/v1/imports');
    assert.ok(!bobList.body.items.some((b: any) => b.id === batchId), 'nor does it appear in a list');
    assert.equal(
      (await (await signedIn(ctx.db, manager)).get(`/api/v1/imports/${batchId}`)).status,
      200,
      'team scope: the manager of her department',
    );
    assert.equal(
      (await (await signedIn(ctx.db, auditor)).get(`/api/v1/imports/${batchId}`)).status,
      200,
      'company scope',
    );
  });
});
