import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, describeDb, newCompany, signedIn } from '../../../../test/kit/index.ts';
import { one, rows } from '../../../platform/db/tx.ts';

describeDb(
  'opportunities: default pipeline, CRUD, stage moves with history, won/lost, record rule',
  (ctx) => {
    async function board(client: Client) {
      const res = await client.get('/api/v1/opportunities/board');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    }
    const stageId = (b: any, code: string) => b.stages.find((s: any) => s.code === code).id;

    test('a new company has the default pipeline; a company without one gets it on first use', async () => {
      const company = await newCompany(ctx.db);
      const admin = await signedIn(ctx.db, company.admin);
      const list = await admin.get('/api/v1/pipelines');
      assert.equal(list.status, 200);
      assert.equal(list.body.items.length, 1);
      const p = list.body.items[0];
      assert.equal(p.isDefault, true);
      assert.deepEqual(
        p.stages.map((s: any) => [s.name['zh-CN'], s.name.en, s.probability, s.outcome]),
        [
          ['初步接洽', 'Qualification', 10, 'open'],
          ['需求确认', 'Needs analysis', 30, 'open'],
          ['方案报价', 'Proposal', 50, 'open'],
          ['商务谈判', 'Negotiation', 70, 'open'],
          ['赢单', 'Won', 100, 'won'],
          ['输单', 'Lost', 0, 'lost'],
        ],
      );
      // As if the company existed before crm: no pipeline at all.
      const older = await newCompany(ctx.db);
      await ctx.db.orm.execute(sql`delete from crm_stage where company_id = ${older.id}`);
      await ctx.db.orm.execute(sql`delete from crm_pipeline where company_id = ${older.id}`);
      const olderAdmin = await signedIn(ctx.db, older.admin);
      const customer = (await olderAdmin.post('/api/v1/customers', { name: 'Old Co' })).body;
      const opp = await olderAdmin.post('/api/v1/opportunities', {
        name: 'first',
        customerId: customer.id,
        amount: '1',
      });
      assert.equal(opp.status, 201, JSON.stringify(opp.body));
      const pipelines = await one<{ n: number }>(
        ctx.db.orm,
        sql`select count(*)::int as n from crm_pipeline where company_id = ${older.id}`,
      );
      assert.equal(pipelines?.n, 1);
    });

    test('create and edit: amount as a decimal string, currency, probability from the stage; bad input stores nothing', async () => {
      const company = await newCompany(ctx.db);
      const sales = await company.user('sales');
      const client = await signedIn(ctx.db, sales);
      const customer = (await client.post('/api/v1/customers', { name: '青岛蓝海渔业有限公司' })).body;
      const res = await client.post('/api/v1/opportunities', {
        name: '冷链设备',
        customerId: customer.id,
        amount: '250000.10',
        currency: 'CNY',
        expectedCloseDate: '2026-08-15',
        products: [{ name: '冷库', quantity: '2' }],
        competitor: '某某冷链',
        nextStep: '现场勘查',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.amount, '250000.10');
      assert.equal(res.body.probability, 10);
      assert.equal(res.body.status, 'open');
      assert.equal(res.body.ownerUserId, sales.id);
      assert.equal(res.body.expectedCloseDate, '2026-08-15');
      assert.equal(res.body.stageName.en, 'Qualification');

      const base = { name: 'x', customerId: customer.id };
      for (const amount of ['12.345', '-1', '1e5', 'abc', '', '1,000', 12, null, '99999999999999999'])
        assert.equal(
          (await client.post('/api/v1/opportunities', { ...base, amount })).status,
          400,
          String(amount),
        );
      for (const bad of [
        { ...base, currency: 'yuan' },
        { ...base, probability: 101 },
        { ...base, expectedCloseDate: '2026-02-30' },
        { ...base, expectedCloseDate: '0000-01-01' },
        { ...base, status: 'won' },
        { name: 'x' },
      ])
        assert.equal((await client.post('/api/v1/opportunities', bad)).status, 400, JSON.stringify(bad));
      assert.equal((await client.post('/api/v1/opportunities', { ...base, currency: 'XXX' })).status, 422);
      const n = await one<{ n: number }>(
        ctx.db.orm,
        sql`select count(*)::int as n from crm_opportunity where company_id = ${company.id}`,
      );
      assert.equal(n?.n, 1);

      const edited = await client.patch(`/api/v1/opportunities/${res.body.id}`, {
        version: 1,
        amount: '260000',
        probability: 25,
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.amount, '260000.00');
      assert.equal(edited.body.probability, 25);
      assert.equal(
        (await client.patch(`/api/v1/opportunities/${res.body.id}`, { version: 1, amount: '1' })).status,
        409,
      );
      assert.equal(
        (await client.patch(`/api/v1/opportunities/${res.body.id}`, { version: 2, amount: '1.001' })).status,
        400,
      );
    });

    test('moving through stages records who, when, from → to; won closes it and stamps the customer', async () => {
      const company = await newCompany(ctx.db);
      const sales = await company.user('sales');
      const client = await signedIn(ctx.db, sales);
      const customer = (await client.post('/api/v1/customers', { name: '大连北方重工有限公司' })).body;
      const opp = (
        await client.post('/api/v1/opportunities', {
          name: '起重机',
          customerId: customer.id,
          amount: '880000',
        })
      ).body;
      const b = await board(client);
      const move = (version: number, code: string, extra: Record<string, unknown> = {}) =>
        client.post(`/api/v1/opportunities/${opp.id}/move`, { version, stageId: stageId(b, code), ...extra });

      const proposal = await move(1, 'proposal');
      assert.equal(proposal.status, 200, JSON.stringify(proposal.body));
      assert.equal(proposal.body.probability, 50);
      assert.equal((await move(1, 'negotiation')).status, 409, 'stale version');
      const negotiation = await move(2, 'negotiation');
      assert.equal(negotiation.body.probability, 70);
      const lostNoReason = await move(3, 'lost');
      assert.equal(lostNoReason.status, 422);
      assert.equal(lostNoReason.body.error.code, 'crm.lost_reason_required');
      assert.equal(
        (
          await one<{ status: string }>(
            ctx.db.orm,
            sql`select status from crm_opportunity where id = ${opp.id}`,
          )
        )?.status,
        'open',
      );
      const won = await move(3, 'won');
      assert.equal(won.body.status, 'won');
      assert.equal(won.body.probability, 100);
      assert.ok(won.body.closedAt);
      const stamped = await one<{ last_deal_at: unknown; version: number }>(
        ctx.db.orm,
        sql`select last_deal_at, version from crm_customer where id = ${customer.id}`,
      );
      assert.ok(stamped?.last_deal_at);
      assert.equal(stamped?.version, 1, 'a system-kept stamp does not make the user’s edit stale');
      const closedEdit = await client.patch(`/api/v1/opportunities/${opp.id}`, { version: 4, amount: '1' });
      assert.equal(closedEdit.status, 409);

      const history = await client.get(`/api/v1/opportunities/${opp.id}/history`);
      assert.equal(history.status, 200);
      assert.deepEqual(
        history.body.items.map((h: any) => [h.fromStageName?.en ?? null, h.toStageName.en, h.changedBy]),
        [
          [null, 'Qualification', sales.id],
          ['Qualification', 'Proposal', sales.id],
          ['Proposal', 'Negotiation', sales.id],
          ['Negotiation', 'Won', sales.id],
        ],
      );
      assert.ok(history.body.items.every((h: any) => h.changedAt && h.changedByName));
      const events = await rows<{ type: string; customer_id: string; summary: string }>(
        ctx.db.orm,
        sql`select type, payload->>'customerId' as customer_id, payload->>'summary' as summary from platform_event
           where company_id = ${company.id} and aggregate_id = ${opp.id} order by seq`,
      );
      assert.deepEqual(
        events.map((e) => e.type),
        [
          'opportunity.created',
          'opportunity.stage_changed',
          'opportunity.stage_changed',
          'opportunity.stage_changed',
          'opportunity.won',
        ],
      );
      assert.ok(events.every((e) => e.customer_id === customer.id && e.summary));

      const lostOne = (
        await client.post('/api/v1/opportunities', { name: '备件', customerId: customer.id, amount: '5' })
      ).body;
      const lost = await client.post(`/api/v1/opportunities/${lostOne.id}/move`, {
        version: 1,
        stageId: stageId(b, 'lost'),
        lostReasonCode: 'competitor',
      });
      assert.equal(lost.body.status, 'lost');
      assert.equal(lost.body.lostReasonCode, 'competitor');
      const reopened = await client.post(`/api/v1/opportunities/${lostOne.id}/move`, {
        version: 2,
        stageId: stageId(b, 'proposal'),
      });
      assert.equal(reopened.body.status, 'open');
      assert.equal(reopened.body.closedAt, null);
      assert.equal(reopened.body.lostReasonCode, null);
      const elsewhere = await client.post('/api/v1/pipelines', {
        code: 'service',
        name: { en: 'Service' },
        stages: [
          { code: 'open', name: { en: 'Open' }, probability: 20 },
          { code: 'done', name: { en: 'Done' }, probability: 100, outcome: 'won' },
        ],
      });
      assert.equal(elsewhere.status, 403, 'sales may not manage pipelines');
    });

    test('salesperson A gets 404 for B’s opportunity, and for B’s customer when creating; the manager sees both', async () => {
      const company = await newCompany(ctx.db);
      const manager = await company.user('sales_manager');
      const team = await company.department({ managerUserId: manager.id });
      const a = await signedIn(ctx.db, await company.user('sales', { departmentId: team }));
      const b = await signedIn(ctx.db, await company.user('sales', { departmentId: team }));
      const bCustomer = (await b.post('/api/v1/customers', { name: 'B Co' })).body;
      const theirs = (
        await b.post('/api/v1/opportunities', { name: 'B deal', customerId: bCustomer.id, amount: '7' })
      ).body;
      const bBoard = await board(b);
      for (const [method, url, body] of [
        ['GET', `/api/v1/opportunities/${theirs.id}`, undefined],
        ['GET', `/api/v1/opportunities/${theirs.id}/history`, undefined],
        ['PATCH', `/api/v1/opportunities/${theirs.id}`, { version: 1, amount: '1' }],
        ['POST', `/api/v1/opportunities/${theirs.id}/move`, { version: 1, stageId: stageId(bBoard, 'won') }],
        ['POST', '/api/v1/opportunities', { name: 'steal', customerId: bCustomer.id }],
      ] as const) {
        const res = await a.request(method, url, body);
        assert.equal(res.status, 404, `${method} ${url} ${JSON.stringify(res.body)}`);
      }
      const row = await one<{ version: number; status: string; amount: string }>(
        ctx.db.orm,
        sql`select version, status, amount::text as amount from crm_opportunity where id = ${theirs.id}`,
      );
      assert.deepEqual(row, { version: 1, status: 'open', amount: '7.00' });
      const aBoard = await board(a);
      assert.equal(
        aBoard.stages.reduce((n: number, s: any) => n + s.opportunities.length, 0),
        0,
      );
      assert.equal((await a.get('/api/v1/opportunities')).body.items.length, 0);
      const boss = await signedIn(ctx.db, manager);
      assert.equal((await boss.get(`/api/v1/opportunities/${theirs.id}`)).status, 200);
      const bossBoard = await board(boss);
      assert.equal(bossBoard.stages[0].opportunities[0].id, theirs.id);
      assert.equal(bossBoard.stages[0].count, 1);
      assert.deepEqual(bossBoard.stages[0].totals, [{ currency: 'CNY', amount: '7.00' }]);
    });

    test('the weighted forecast by month and by owner is exact to the cent, visible records only', async () => {
      const company = await newCompany(ctx.db);
      const admin = await signedIn(ctx.db, company.admin);
      const salesUser = await company.user('sales');
      const sales = await signedIn(ctx.db, salesUser);
      const customer = (await sales.post('/api/v1/customers', { name: 'Forecast Co' })).body;
      const mk = (
        client: Client,
        amount: string,
        probability: number,
        expectedCloseDate: string | null,
        currency = 'CNY',
      ) =>
        client.post('/api/v1/opportunities', {
          name: 'f',
          customerId: customer.id,
          amount,
          probability,
          expectedCloseDate,
          currency,
        });
      await mk(sales, '100.05', 33, '2026-05-10'); // 33.0165
      await mk(sales, '0.01', 50, '2026-05-31'); // 0.005
      await mk(sales, '1000', 70, '2026-06-01'); // 700
      await mk(sales, '10', 10, null);
      await mk(sales, '200', 50, '2026-05-15', 'USD');
      const adminCustomer = (await admin.post('/api/v1/customers', { name: 'Admin Co' })).body;
      await admin.post('/api/v1/opportunities', {
        name: 'hidden from sales',
        customerId: adminCustomer.id,
        amount: '5000',
        expectedCloseDate: '2026-05-20',
      });
      const byMonth = await sales.get('/api/v1/reports/forecast?groupBy=month');
      assert.equal(byMonth.status, 200, JSON.stringify(byMonth.body));
      assert.deepEqual(
        byMonth.body.items.map((i: any) => [i.key, i.currency, i.count, i.amount, i.weightedAmount]),
        [
          ['2026-05', 'CNY', 2, '100.06', '33.02'],
          ['2026-05', 'USD', 1, '200.00', '100.00'],
          ['2026-06', 'CNY', 1, '1000.00', '700.00'],
          [null, 'CNY', 1, '10.00', '1.00'],
        ],
      );
      const ranged = await sales.get('/api/v1/reports/forecast?groupBy=month&from=2026-05-01&to=2026-05-31');
      assert.deepEqual(
        ranged.body.items.map((i: any) => i.key),
        ['2026-05', '2026-05'],
      );
      const byOwner = await admin.get('/api/v1/reports/forecast?groupBy=owner');
      const mine = byOwner.body.items.filter((i: any) => i.key === salesUser.id && i.currency === 'CNY');
      assert.deepEqual(
        mine.map((i: any) => [i.count, i.weightedAmount]),
        [[4, '734.02']],
      );
      assert.ok(
        byOwner.body.items.some((i: any) => i.key === company.admin.id && i.weightedAmount === '500.00'),
      );
      for (const bad of [
        'groupBy=amount',
        "groupBy=month'--",
        'from=2026-13-01',
        'from=2026-06-01&to=2026-05-01',
      ])
        assert.equal((await sales.get(`/api/v1/reports/forecast?${bad}`)).status, 400, bad);
    });

    test('stage editor: add, rename, change probability, reorder with the version, delete unused only', async () => {
      const company = await newCompany(ctx.db);
      const admin = await signedIn(ctx.db, company.admin);
      let p = (await admin.get('/api/v1/pipelines')).body.items[0];
      const added = await admin.post(`/api/v1/pipelines/${p.id}/stages`, {
        code: 'trial',
        name: { 'zh-CN': '试用', en: 'Trial' },
        probability: 60,
      });
      assert.equal(added.status, 201, JSON.stringify(added.body));
      p = added.body;
      assert.deepEqual(
        p.stages.map((s: any) => s.code),
        ['qualification', 'needs_analysis', 'proposal', 'negotiation', 'trial', 'won', 'lost'],
        'after the last open stage',
      );
      const trial = p.stages.find((s: any) => s.code === 'trial');
      const renamed = await admin.patch(`/api/v1/pipelines/${p.id}/stages/${trial.id}`, {
        version: trial.version,
        name: { 'zh-CN': '样品试用', en: 'Sample trial' },
        probability: 65,
      });
      assert.equal(renamed.status, 200);
      const again = renamed.body.stages.find((s: any) => s.id === trial.id);
      assert.deepEqual([again.name.en, again.probability], ['Sample trial', 65]);
      assert.equal(
        (
          await admin.patch(`/api/v1/pipelines/${p.id}/stages/${trial.id}`, {
            version: trial.version,
            probability: 1,
          })
        ).status,
        409,
      );
      assert.equal(
        (await admin.patch(`/api/v1/pipelines/${p.id}/stages/${trial.id}`, { version: 2, probability: 101 }))
          .status,
        400,
      );
      const ids = renamed.body.stages.map((s: any) => s.id);
      const reversed = [ids[4], ...ids.slice(0, 4), ...ids.slice(5)];
      assert.equal(
        (await admin.post(`/api/v1/pipelines/${p.id}/reorder`, { version: p.version, stageIds: reversed }))
          .status,
        409,
        'stale pipeline version',
      );
      const reordered = await admin.post(`/api/v1/pipelines/${p.id}/reorder`, {
        version: renamed.body.version,
        stageIds: reversed,
      });
      assert.equal(reordered.status, 200, JSON.stringify(reordered.body));
      assert.equal(reordered.body.stages[0].code, 'trial');
      const partial = await admin.post(`/api/v1/pipelines/${p.id}/reorder`, {
        version: reordered.body.version,
        stageIds: reversed.slice(1),
      });
      assert.equal(partial.status, 422);
      const customer = (await admin.post('/api/v1/customers', { name: 'Stage Co' })).body;
      const opp = await admin.post('/api/v1/opportunities', { name: 'o', customerId: customer.id });
      assert.equal(opp.body.stageId, trial.id, 'the first open stage is now Trial');
      const inUse = await admin.delete(`/api/v1/pipelines/${p.id}/stages/${trial.id}`);
      assert.equal(inUse.status, 409);
      const needs = reordered.body.stages.find((s: any) => s.code === 'needs_analysis');
      const removed = await admin.delete(`/api/v1/pipelines/${p.id}/stages/${needs.id}`);
      assert.equal(removed.status, 200);
      assert.equal(removed.body.stages.length, 6);
      const other = await newCompany(ctx.db);
      const stranger = await signedIn(ctx.db, other.admin);
      assert.equal((await stranger.get(`/api/v1/pipelines/${p.id}`)).status, 404);
      assert.equal(
        (
          await stranger.post(`/api/v1/pipelines/${p.id}/stages`, {
            code: 'x',
            name: { en: 'X' },
            probability: 1,
          })
        ).status,
        404,
      );
    });
  },
);
