import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import type { Db } from '../db/connect.ts';
import { one, rows } from '../db/tx.ts';

// The same security and integrity checks for every code + name + active resource; each entry
// names its table so the tests can compare the stored row before and after a refused request.
interface Resource {
  label: string;
  url: string;
  table: string;
  entity: string;
  /** A seeded row of any company, to address another company's record. */
  seeded: ReturnType<typeof sql>;
  create: Record<string, unknown>;
  update: Record<string, unknown>;
}

const name = (en: string) => ({ 'zh-CN': `测试 ${en}`, en });

const resources: Resource[] = [
  {
    label: 'currencies',
    url: '/api/v1/currencies',
    table: 'platform_currency',
    entity: 'platform.currency',
    seeded: sql`code = 'USD'`,
    create: { code: 'CHF', name: name('Swiss franc'), symbol: 'Fr.' },
    update: { symbol: 'CHF', decimals: 3 },
  },
  {
    label: 'tax codes',
    url: '/api/v1/tax-codes',
    table: 'platform_tax_code',
    entity: 'platform.tax_code',
    seeded: sql`code = 'VAT13-OUT'`,
    create: { code: 'VAT3-OUT', name: name('VAT 3%'), kind: 'output', rate: '0.03' },
    update: { rate: '0.01', priceIncluded: true },
  },
  {
    label: 'payment terms',
    url: '/api/v1/payment-terms',
    table: 'platform_payment_term',
    entity: 'platform.payment_term',
    seeded: sql`code = 'NET30'`,
    create: { code: 'NET45', name: name('Net 45'), dueDays: 45 },
    update: { dueDays: 50, endOfMonth: true },
  },
  {
    label: 'units',
    url: '/api/v1/units',
    table: 'platform_uom',
    entity: 'platform.uom',
    seeded: sql`code = 'KG'`,
    create: { code: 'DOZ', name: name('Dozen'), category: 'unit', factor: '12' },
    update: { factor: '12.5', name: name('Baker’s dozen') },
  },
  {
    label: 'dictionary entries',
    url: '/api/v1/dictionaries/industry/entries',
    table: 'platform_dictionary_entry',
    entity: 'platform.dictionary_entry',
    seeded: sql`dictionary = 'industry' and code = 'it'`,
    create: { code: 'agriculture', name: name('Agriculture'), sort: 5 },
    update: { sort: 7 },
  },
];

async function snapshot(db: Db, r: Resource, id: string) {
  const found = await one<{ row: Record<string, unknown> }>(
    db.orm,
    sql`select to_jsonb(t) as row from ${sql.identifier(r.table)} t where id = ${id}`,
  );
  return found?.row;
}

async function seededId(db: Db, r: Resource, companyId: string): Promise<string> {
  const found = await one<{ id: string }>(
    db.orm,
    sql`select id from ${sql.identifier(r.table)} where company_id = ${companyId} and ${r.seeded}`,
  );
  assert.ok(found, `seed of ${r.table}`);
  return found.id;
}

describeDb('reference data API: the shared rules of every resource', (ctx) => {
  for (const r of resources) {
    test(`${r.label}: create, list, get, update and deactivate, each audited with actor and diff`, async () => {
      const company = await newCompany(ctx.db);
      const admin = await signedIn(ctx.db, company.admin);
      const created = await admin.post(r.url, r.create);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.code, r.create.code);
      assert.equal(created.body.active, true);
      assert.equal(created.body.version, 1);
      const id = created.body.id;

      const listed = await admin.get(`${r.url}?q=${encodeURIComponent(String(r.create.code))}`);
      assert.equal(listed.status, 200);
      assert.deepEqual(
        listed.body.items.map((x: any) => x.id),
        [id],
      );
      assert.equal((await admin.get(`${r.url}/${id}`)).body.code, r.create.code);

      const updated = await admin.patch(`${r.url}/${id}`, { version: 1, ...r.update });
      assert.equal(updated.status, 200, JSON.stringify(updated.body));
      assert.equal(updated.body.version, 2);
      for (const [key, value] of Object.entries(r.update)) assert.deepEqual(updated.body[key], value);

      const off = await admin.post(`${r.url}/${id}/deactivate`);
      assert.equal(off.status, 200);
      assert.equal(off.body.active, false);
      const active = await admin.get(`${r.url}?active=true&limit=200`);
      assert.ok(active.body.items.every((x: any) => x.id !== id));
      const inactive = await admin.get(`${r.url}?active=false`);
      assert.deepEqual(
        inactive.body.items.map((x: any) => x.id),
        [id],
      );

      const trail = await rows<{ action: string; actor_user_id: string; changes: Record<string, any> }>(
        ctx.db.orm,
        sql`select action, actor_user_id, changes from platform_audit_log
             where company_id = ${company.id} and entity = ${r.entity} and entity_id = ${id} order by seq`,
      );
      assert.deepEqual(
        trail.map((a) => a.action),
        ['create', 'update', 'deactivate'],
      );
      assert.ok(trail.every((a) => a.actor_user_id === company.admin.id));
      assert.equal(trail[0].changes.code.after, r.create.code);
      for (const [key, value] of Object.entries(r.update))
        assert.deepEqual(trail[1].changes[key].after, value);
      assert.deepEqual(trail[2].changes.active, { before: true, after: false });

      // The history is readable with the resource's read permission (registered audited entity).
      const sales = await signedIn(ctx.db, await company.user('sales'));
      const history = await sales.get(`/api/v1/audit-log?entity=${r.entity}&entityId=${id}`);
      assert.equal(history.status, 200);
      assert.equal(history.body.items.length, 3);
    });

    test(`${r.label}: SEC-AUTHZ-01 another company’s id is 404 everywhere and its row is unchanged`, async () => {
      const mine = await newCompany(ctx.db);
      const theirs = await newCompany(ctx.db);
      const admin = await signedIn(ctx.db, mine.admin);
      const id = await seededId(ctx.db, r, theirs.id);
      const before = await snapshot(ctx.db, r, id);
      assert.equal((await admin.get(`${r.url}/${id}`)).status, 404);
      const patch = await admin.patch(`${r.url}/${id}`, { version: 1, ...r.update });
      assert.equal(patch.status, 404);
      assert.equal(patch.body.error.code, 'not_found');
      assert.equal((await admin.post(`${r.url}/${id}/deactivate`)).status, 404);
      assert.deepEqual(await snapshot(ctx.db, r, id), before);
      const listed = await admin.get(`${r.url}?limit=200`);
      assert.ok(listed.body.items.every((x: any) => x.id !== id));
    });

    test(`${r.label}: stale version 409, duplicate code 409, nothing changed`, async () => {
      const company = await newCompany(ctx.db);
      const admin = await signedIn(ctx.db, company.admin);
      const id = await seededId(ctx.db, r, company.id);
      assert.equal((await admin.patch(`${r.url}/${id}`, { version: 1, ...r.update })).status, 200);
      const after = await snapshot(ctx.db, r, id);
      const stale = await admin.patch(`${r.url}/${id}`, { version: 1, name: name('Stale') });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'stale_version');
      assert.equal(stale.body.error.details.expected, 1);
      assert.equal(stale.body.error.details.actual, 2);
      assert.deepEqual(await snapshot(ctx.db, r, id), after);

      assert.equal((await admin.post(r.url, r.create)).status, 201);
      const dup = await admin.post(r.url, r.create);
      assert.equal(dup.status, 409);
      assert.equal(dup.body.error.code, 'duplicate');
      const count = await one<{ n: number }>(
        ctx.db.orm,
        sql`select count(*)::int as n from ${sql.identifier(r.table)} where company_id = ${company.id} and code = ${r.create.code}`,
      );
      assert.equal(count?.n, 1);
    });

    test(`${r.label}: a sales user reads, but writing is 403 and changes nothing`, async () => {
      const company = await newCompany(ctx.db);
      const sales = await signedIn(ctx.db, await company.user('sales'));
      const id = await seededId(ctx.db, r, company.id);
      const before = await snapshot(ctx.db, r, id);
      assert.equal((await sales.get(r.url)).status, 200);
      assert.equal((await sales.get(`${r.url}/${id}`)).status, 200);
      assert.equal((await sales.post(r.url, r.create)).status, 403);
      assert.equal((await sales.patch(`${r.url}/${id}`, { version: 1, ...r.update })).status, 403);
      assert.equal((await sales.post(`${r.url}/${id}/deactivate`)).status, 403);
      assert.deepEqual(await snapshot(ctx.db, r, id), before);
      const created = await one<{ n: number }>(
        ctx.db.orm,
        sql`select count(*)::int as n from ${sql.identifier(r.table)} where company_id = ${company.id} and code = ${r.create.code}`,
      );
      assert.equal(created?.n, 0);
    });

    test(`${r.label}: SEC-MASS-01 companyId, id, version on create and a version-less update are 400`, async () => {
      const company = await newCompany(ctx.db);
      const other = await newCompany(ctx.db);
      const admin = await signedIn(ctx.db, company.admin);
      for (const extra of [
        { companyId: other.id },
        { id: '01900000-0000-7000-8000-0000000000aa' },
        { version: 5 },
        { createdAt: '2020-01-01T00:00:00Z' },
      ]) {
        const res = await admin.post(r.url, { ...r.create, ...extra });
        assert.equal(res.status, 400, JSON.stringify(extra));
        assert.equal(res.body.error.code, 'validation');
      }
      const id = await seededId(ctx.db, r, company.id);
      const before = await snapshot(ctx.db, r, id);
      assert.equal((await admin.patch(`${r.url}/${id}`, r.update)).status, 400, 'version-less');
      assert.equal(
        (await admin.patch(`${r.url}/${id}`, { version: 1, ...r.update, companyId: other.id })).status,
        400,
      );
      assert.equal((await admin.patch(`${r.url}/${id}`, { version: 1, code: 'RENAMED' })).status, 400);
      assert.equal((await admin.patch(`${r.url}/${id}`, { version: 1, name: { fr: '' } })).status, 400);
      assert.deepEqual(await snapshot(ctx.db, r, id), before);
      const leaked = await one<{ n: number }>(
        ctx.db.orm,
        sql`select count(*)::int as n from ${sql.identifier(r.table)}
             where company_id in (${company.id}, ${other.id}) and code = ${r.create.code}`,
      );
      assert.equal(leaked?.n, 0);
    });
  }
});
