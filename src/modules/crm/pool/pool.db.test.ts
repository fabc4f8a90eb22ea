import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  type Client,
  describeDb,
  newCompany,
  signedIn,
  type TestCompany,
} from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { one, rows } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { drainOutbox } from '../../../platform/outbox/dispatcher.ts';
import { runPoolRules } from './run-pool-rules.ts';

async function team(company: TestCompany) {
  const manager = await company.user('sales_manager');
  const teamId = await company.department({ managerUserId: manager.id });
  const a = await company.user('sales', { departmentId: teamId });
  const a2 = await company.user('sales', { departmentId: teamId });
  const outsider = await company.user('sales');
  return { manager, teamId, a, a2, outsider };
}

async function customer(client: Client, name: string): Promise<string> {
  const res = await client.post('/api/v1/customers', { name, ignoreDuplicates: true });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

/** Time travel for one customer: created `createdDaysAgo` ago, last follow-up and last deal as given. */
async function age(
  db: Db,
  companyId: string,
  id: string,
  days: { created: number; activity?: number; deal?: number },
) {
  const ago = (d: number | undefined) => (d === undefined ? null : sql`now() - make_interval(days => ${d})`);
  await db.orm.execute(
    sql`update crm_customer set created_at = now() - make_interval(days => ${days.created}),
           last_activity_at = ${ago(days.activity)}, last_deal_at = ${ago(days.deal)}
         where company_id = ${companyId} and id = ${id}`,
  );
}

async function state(db: Db, companyId: string, id: string) {
  return one<{ in_pool: boolean; owner_user_id: string | null; warned: boolean }>(
    db.orm,
    sql`select in_pool, owner_user_id, pool_warned_at is not null as warned from crm_customer
         where company_id = ${companyId} and id = ${id}`,
  );
}

async function notifications(client: Client, kind: string) {
  return (await client.get('/api/v1/notifications')).body.items.filter((n: any) => n.kind === kind);
}

describeDb('public pool (公海): rules, return, warning, claim limit, allocation', (ctx) => {
  test('pool rules: one per team, managed within reach, validated and versioned', async () => {
    const company = await newCompany(ctx.db);
    const { manager, teamId, a } = await team(company);
    const otherTeam = await company.department();
    const mgr = await signedIn(ctx.db, manager);
    const rule = { teamId, daysWithoutFollowUp: 30, daysWithoutDeal: 60, warnDaysBefore: 5, claimLimit: 3 };
    const created = await mgr.post('/api/v1/pool-rules', rule);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.id, teamId);
    assert.equal((await mgr.post('/api/v1/pool-rules', rule)).status, 409);
    assert.equal(
      (await mgr.post('/api/v1/pool-rules', { ...rule, teamId: otherTeam })).status,
      404,
      'not my team',
    );
    assert.equal((await mgr.post('/api/v1/pool-rules', { ...rule, teamId: newId() })).status, 404);
    for (const bad of [
      { daysWithoutFollowUp: 0 },
      { claimLimit: -1 },
      { warnDaysBefore: 1.5 },
      { teamId: 'x' },
    ])
      assert.equal(
        (await mgr.post('/api/v1/pool-rules', { ...rule, ...bad })).status,
        400,
        JSON.stringify(bad),
      );
    const seller = await signedIn(ctx.db, a);
    assert.equal((await seller.post('/api/v1/pool-rules', rule)).status, 403);
    assert.equal((await seller.get('/api/v1/pool-rules')).status, 403);

    const edited = await mgr.patch(`/api/v1/pool-rules/${teamId}`, { version: 1, claimLimit: 10 });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.claimLimit, 10);
    assert.equal(
      (await mgr.patch(`/api/v1/pool-rules/${teamId}`, { version: 1, claimLimit: 5 })).status,
      409,
    );
    assert.deepEqual(
      (await mgr.get('/api/v1/pool-rules')).body.items.map((r: any) => r.teamId),
      [teamId],
    );
  });

  test('the daily rule returns a neglected customer to the pool, warns before, and every move is audited', async () => {
    const company = await newCompany(ctx.db);
    const { manager, teamId, a, outsider } = await team(company);
    const mgr = await signedIn(ctx.db, manager);
    await mgr.post('/api/v1/pool-rules', {
      teamId,
      daysWithoutFollowUp: 30,
      daysWithoutDeal: 60,
      warnDaysBefore: 5,
    });
    const seller = await signedIn(ctx.db, a);
    const neglected = await customer(seller, '被冷落的客户');
    const soon = await customer(seller, '快到期的客户');
    const fresh = await customer(seller, '新客户');
    const recentDeal = await customer(seller, '刚成交的客户');
    const other = await customer(await signedIn(ctx.db, outsider), '别的团队的客户');
    await age(ctx.db, company.id, neglected, { created: 100, activity: 40 });
    await age(ctx.db, company.id, soon, { created: 100, activity: 27 });
    await age(ctx.db, company.id, recentDeal, { created: 100, activity: 40, deal: 10 });
    await age(ctx.db, company.id, other, { created: 100, activity: 40 });

    await runPoolRules(ctx.db);
    assert.deepEqual(await state(ctx.db, company.id, neglected), {
      in_pool: true,
      owner_user_id: null,
      warned: false,
    });
    assert.deepEqual(await state(ctx.db, company.id, soon), {
      in_pool: false,
      owner_user_id: a.id,
      warned: true,
    });
    for (const id of [fresh, recentDeal, other])
      assert.equal(
        (await state(ctx.db, company.id, id))?.in_pool,
        false,
        'followed up, dealt, or not this team’s',
      );

    await runPoolRules(ctx.db);
    const warnings = await notifications(seller, 'crm.customer.pool_warning');
    assert.equal(warnings.length, 1, 'warned once');
    assert.match(warnings[0].title, /快到期的客户/);
    assert.equal((await notifications(seller, 'crm.customer.returned_to_pool')).length, 1);

    // A follow-up clears the warning, so the next time it is due the owner hears again.
    await seller.post('/api/v1/activities', { kind: 'call', subject: '跟进', customerId: soon, done: true });
    assert.equal((await state(ctx.db, company.id, soon))?.warned, false);

    const admin = await signedIn(ctx.db, company.admin);
    const history = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${neglected}`);
    const move = history.body.items.find((i: any) => i.action === 'return_to_pool');
    assert.equal(move.reason, 'public pool rule');
    assert.deepEqual(move.changes.ownerUserId, { before: a.id, after: null });
    assert.equal(move.actor.userId, null, 'done by the system');

    await drainOutbox(ctx.db);
    const timeline = await admin.get(`/api/v1/customers/${neglected}/timeline`);
    assert.equal(timeline.body.items[0].type, 'customer.returned_to_pool');
    assert.match(timeline.body.items[0].summary, /no follow-up for 30 days and no deal for 60 days/);
  });

  test('claiming: anyone with crm.pool.claim sees the pool; the team’s claim limit holds; managers allocate', async () => {
    const company = await newCompany(ctx.db);
    const { manager, teamId, a, a2, outsider } = await team(company);
    const mgr = await signedIn(ctx.db, manager);
    await mgr.post('/api/v1/pool-rules', { teamId, claimLimit: 2 });
    const seller = await signedIn(ctx.db, a);
    const owned = await customer(seller, '已有客户一');
    await customer(seller, '已有客户二');
    const admin = await signedIn(ctx.db, company.admin);
    const pooled: string[] = [];
    for (const name of ['公海客户甲', '公海客户乙', '公海客户丙']) {
      const id = await customer(admin, name);
      await ctx.db.orm.execute(
        sql`update crm_customer set in_pool = true, pool_since = now(), owner_user_id = null
             where company_id = ${company.id} and id = ${id}`,
      );
      pooled.push(id);
    }
    const outsiderClient = await signedIn(ctx.db, outsider);
    const list = await outsiderClient.get('/api/v1/pool');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.items.map((c: any) => c.id).sort(), [...pooled].sort());
    assert.ok(list.body.items.every((c: any) => c.inPool && c.poolSince));
    assert.deepEqual(
      (await outsiderClient.get(`/api/v1/pool?q=${encodeURIComponent('客户乙')}`)).body.items.map(
        (c: any) => c.id,
      ),
      [pooled[1]],
    );

    const refused = await seller.post(`/api/v1/pool/${pooled[0]}/claim`);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'crm.claim_limit');
    assert.deepEqual(refused.body.error.details, { limit: 2, owned: 2 });
    assert.deepEqual(await state(ctx.db, company.id, pooled[0]), {
      in_pool: true,
      owner_user_id: null,
      warned: false,
    });

    const claimed = await (await signedIn(ctx.db, a2)).post(`/api/v1/pool/${pooled[0]}/claim`);
    assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
    assert.equal(claimed.body.ownerUserId, a2.id);
    assert.equal(claimed.body.inPool, false);
    const again = await outsiderClient.post(`/api/v1/pool/${pooled[0]}/claim`);
    assert.equal(again.status, 409, 'no longer in the pool');
    assert.equal(again.body.error.code, 'crm.not_in_pool');
    assert.equal(
      (await outsiderClient.post(`/api/v1/pool/${newId()}/claim`)).status,
      404,
      'an unknown customer is a 404',
    );
    assert.equal(
      (await outsiderClient.post(`/api/v1/pool/${owned}/claim`)).status,
      404,
      'someone’s customer that was never in the pool stays invisible',
    );

    assert.equal((await seller.post(`/api/v1/pool/${pooled[1]}/allocate`, { userId: a.id })).status, 403);
    const outOfReach = await mgr.post(`/api/v1/pool/${pooled[1]}/allocate`, { userId: outsider.id });
    assert.equal(outOfReach.status, 422, 'the outsider is not in the manager’s team');
    const allocated = await mgr.post(`/api/v1/pool/${pooled[1]}/allocate`, {
      userId: a.id,
      reason: '老客户介绍',
    });
    assert.equal(allocated.status, 200, JSON.stringify(allocated.body));
    assert.equal(allocated.body.ownerUserId, a.id, 'allocation is the manager’s call, past the claim limit');
    assert.equal((await notifications(seller, 'crm.customer.allocated')).length, 1);

    const history = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${pooled[1]}`);
    const allocation = history.body.items.find((i: any) => i.action === 'allocate');
    assert.equal(allocation.reason, '老客户介绍');
    assert.deepEqual(allocation.changes.ownerUserId, { before: null, after: a.id });
    const claims = await admin.get(`/api/v1/audit-log?entity=crm.customer&entityId=${pooled[0]}`);
    assert.deepEqual(
      claims.body.items.map((i: any) => i.action),
      ['claim', 'create'],
    );
    const events = await rows<{ type: string }>(
      ctx.db.orm,
      sql`select type from platform_event where company_id = ${company.id} and type in ('customer.claimed', 'customer.allocated')
           order by seq`,
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ['customer.claimed', 'customer.allocated'],
    );
  });

  test('two salespeople claim the same customer at once: exactly one wins, the other gets 409', async () => {
    const company = await newCompany(ctx.db);
    const { a, a2 } = await team(company);
    const admin = await signedIn(ctx.db, company.admin);
    const id = await customer(admin, '抢手客户');
    await ctx.db.orm.execute(
      sql`update crm_customer set in_pool = true, pool_since = now(), owner_user_id = null
           where company_id = ${company.id} and id = ${id}`,
    );
    const [one_, two] = [await signedIn(ctx.db, a), await signedIn(ctx.db, a2)];
    const claim = (c: Client) => c.post(`/api/v1/pool/${id}/claim`);
    // PGlite is one connection in one process: its transactions run one after the other, so "at once"
    // cannot happen there. The race — both waiting on the row lock — is real only on PostgreSQL.
    const results =
      ctx.kind === 'postgres'
        ? await Promise.all([claim(one_), claim(two)])
        : [await claim(one_), await claim(two)];
    assert.deepEqual(
      results.map((r) => r.status).sort(),
      [200, 409],
      JSON.stringify(results.map((r) => r.body)),
    );
    const winner = results.find((r) => r.status === 200)!.body.ownerUserId;
    assert.equal((await state(ctx.db, company.id, id))?.owner_user_id, winner);
    const claims = await rows(
      ctx.db.orm,
      sql`select 1 from platform_audit_log where company_id = ${company.id} and entity_id = ${id} and action = 'claim'`,
    );
    assert.equal(claims.length, 1, 'one move, one audit row');
  });
});
