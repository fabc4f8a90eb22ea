import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { one } from '../../../platform/db/tx.ts';

describeDb('targets: monthly sales and collection targets per person and team, with progress', (ctx) => {
  test('set, read, edit and remove targets; bad input is refused and stores nothing', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const salesUser = await company.user('sales');
    const team = await company.department();
    const res = await admin.post('/api/v1/targets', {
      kind: 'sales',
      month: '2026-07-01',
      userId: salesUser.id,
      amount: '300000.00',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(
      [res.body.month, res.body.amount, res.body.currency],
      ['2026-07-01', '300000.00', 'CNY'],
    );
    const teamTarget = await admin.post('/api/v1/targets', {
      kind: 'collection',
      month: '2026-07-01',
      teamId: team,
      amount: '1000000',
    });
    assert.equal(teamTarget.status, 201);
    const dup = await admin.post('/api/v1/targets', {
      kind: 'sales',
      month: '2026-07-01',
      userId: salesUser.id,
      amount: '1',
    });
    assert.equal(dup.status, 409);
    for (const bad of [
      { kind: 'sales', month: '2026-07-15', userId: salesUser.id, amount: '1' },
      { kind: 'sales', month: '2026-07', userId: salesUser.id, amount: '1' },
      { kind: 'sales', month: '2026-08-01', userId: salesUser.id, teamId: team, amount: '1' },
      { kind: 'sales', month: '2026-08-01', amount: '1' },
      { kind: 'sales', month: '2026-08-01', userId: salesUser.id, amount: '1.005' },
      { kind: 'sales', month: '2026-08-01', userId: salesUser.id, amount: -1 },
      { kind: 'bonus', month: '2026-08-01', userId: salesUser.id, amount: '1' },
    ])
      assert.equal((await admin.post('/api/v1/targets', bad)).status, 400, JSON.stringify(bad));
    const other = await newCompany(ctx.db);
    const foreign = await admin.post('/api/v1/targets', {
      kind: 'sales',
      month: '2026-08-01',
      userId: other.admin.id,
      amount: '1',
    });
    assert.equal(foreign.status, 422);
    const n = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from crm_target where company_id = ${company.id}`,
    );
    assert.equal(n?.n, 2);

    const edited = await admin.patch(`/api/v1/targets/${res.body.id}`, { version: 1, amount: '320000' });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.amount, '320000.00');
    assert.equal(
      (await admin.patch(`/api/v1/targets/${res.body.id}`, { version: 1, amount: '1' })).status,
      409,
    );
    const sales = await signedIn(ctx.db, salesUser);
    assert.equal((await sales.get('/api/v1/targets?month=2026-07-01')).status, 200);
    const denied = await sales.patch(`/api/v1/targets/${res.body.id}`, { version: 2, amount: '1' });
    assert.equal(denied.status, 403);
    assert.equal((await admin.delete(`/api/v1/targets/${teamTarget.body.id}`)).status, 204);
    assert.equal((await admin.get(`/api/v1/targets/${teamTarget.body.id}`)).status, 404);
  });

  test('progress counts opportunities won in the month by the person or the team; collections wait for accounting', async () => {
    const company = await newCompany(ctx.db);
    const admin = await signedIn(ctx.db, company.admin);
    const team = await company.department();
    const aUser = await company.user('sales', { departmentId: team });
    const bUser = await company.user('sales', { departmentId: team });
    const outsider = await company.user('sales');
    // This month in the company's time zone (Asia/Shanghai), which decides what "won in the month" means.
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date())
      .slice(0, 7);
    const first = `${month}-01`;
    for (const body of [
      { kind: 'sales', month: first, userId: aUser.id, amount: '100000' },
      { kind: 'sales', month: first, teamId: team, amount: '300000' },
      { kind: 'collection', month: first, userId: aUser.id, amount: '50000' },
      { kind: 'sales', month: first, userId: outsider.id, amount: '0' },
    ])
      assert.equal((await admin.post('/api/v1/targets', body)).status, 201);

    const winAs = async (
      client: Client,
      amount: string,
      outcome: 'won' | 'lost' | 'open',
      currency = 'CNY',
    ) => {
      const customer = (await client.post('/api/v1/customers', { name: `Customer ${Math.random()}` })).body;
      const opp = (
        await client.post('/api/v1/opportunities', { name: 'o', customerId: customer.id, amount, currency })
      ).body;
      if (outcome === 'open') return opp;
      const board = (await client.get('/api/v1/opportunities/board')).body;
      const stage = board.stages.find((s: any) => s.outcome === outcome);
      const moved = await client.post(`/api/v1/opportunities/${opp.id}/move`, {
        version: 1,
        stageId: stage.id,
        lostReasonCode: outcome === 'lost' ? 'price' : undefined,
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      return moved.body;
    };
    const a = await signedIn(ctx.db, aUser);
    const b = await signedIn(ctx.db, bUser);
    const o = await signedIn(ctx.db, outsider);
    await winAs(a, '40000.50', 'won');
    await winAs(a, '9999', 'lost');
    await winAs(a, '7777', 'open');
    await winAs(a, '500', 'won', 'USD');
    const lastMonth = await winAs(a, '123456', 'won');
    await ctx.db.orm.execute(
      sql`update crm_opportunity set closed_at = now() - interval '40 days' where id = ${lastMonth.id}`,
    );
    await winAs(b, '60000', 'won');
    await winAs(o, '5', 'won');

    const res = await admin.get(`/api/v1/targets/progress?month=${first}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const of = (kind: string, who: string) =>
      res.body.items.find(
        (i: any) => i.target.kind === kind && (i.target.userId === who || i.target.teamId === who),
      );
    const aSales = of('sales', aUser.id);
    assert.deepEqual(
      [aSales.achieved, aSales.percentage, aSales.source],
      ['40000.50', '40.0', 'opportunities'],
    );
    const teamSales = of('sales', team);
    assert.deepEqual([teamSales.achieved, teamSales.percentage], ['100000.50', '33.3']);
    const collection = of('collection', aUser.id);
    assert.deepEqual(
      [collection.achieved, collection.percentage, collection.source],
      ['0.00', '0.0', 'accounting'],
    );
    assert.match(collection.note, /accounting/);
    const zero = of('sales', outsider.id);
    assert.deepEqual([zero.achieved, zero.percentage], ['5.00', null]);

    // A salesperson sees their own and their team's targets, not a colleague's outside the team.
    const mine = await a.get(`/api/v1/targets/progress?month=${first}`);
    assert.deepEqual(
      mine.body.items.map((i: any) => i.target.userId ?? i.target.teamId).sort(),
      [aUser.id, aUser.id, team].sort(),
    );
    assert.equal((await a.get(`/api/v1/targets/progress?month=${month}`)).status, 400);
  });
});
