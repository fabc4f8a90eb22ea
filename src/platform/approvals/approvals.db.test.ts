import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import { one, withTransaction } from '../db/tx.ts';
import { unprocessable } from '../errors.ts';
import { type ApprovalRequest, registerApprovalKind } from './registry.ts';
import { requestApproval } from './request-approval.ts';

// A kind as a business module would register it: the handler runs inside the decision's transaction.
const seen: Array<{ verb: string; approver: string; request: ApprovalRequest }> = [];
registerApprovalKind('test.large_order', {
  async approve(tx, approver, request) {
    if (request.payload.refuse) throw unprocessable('test.refused', 'the handler refuses');
    seen.push({ verb: 'approve', approver: approver.userId, request });
    await tx.execute(sql`select 1`);
  },
  async reject(_tx, approver, request) {
    seen.push({ verb: 'reject', approver: approver.userId, request });
  },
});

describeDb('approval requests: the shared mechanism', (ctx) => {
  async function fileRequest(
    company: Awaited<ReturnType<typeof newCompany>>,
    payload: Record<string, unknown>,
  ) {
    const requester = await company.user('sales');
    const actor = await company.actor(requester);
    const id = await withTransaction(ctx.db, (tx) =>
      requestApproval(tx, actor, {
        kind: 'test.large_order',
        subjectType: 'sales.order',
        subjectId: 'SO-1',
        summary: 'Order SO-1 over the limit',
        payload,
        approverRoleCode: 'finance',
      }),
    );
    return { id, requester };
  }

  test('approve runs the kind’s handler with the approver; a handler that refuses undoes the decision', async () => {
    const company = await newCompany(ctx.db);
    const financeUser = await company.user('finance');
    const finance = await signedIn(ctx.db, financeUser);
    const { id } = await fileRequest(company, { amount: '125000.00' });
    const res = await finance.post(`/api/v1/approval-requests/${id}/approve`, { version: 1 });
    assert.equal(res.status, 200);
    const call = seen.find((s) => s.request.id === id);
    assert.equal(call?.verb, 'approve');
    assert.equal(call?.approver, financeUser.id);
    assert.deepEqual(call?.request.payload, { amount: '125000.00' });

    const refused = await fileRequest(company, { refuse: true });
    const denied = await finance.post(`/api/v1/approval-requests/${refused.id}/approve`, { version: 1 });
    assert.equal(denied.status, 422);
    assert.equal(denied.body.error.code, 'test.refused');
    const row = await one<{ status: string; version: number }>(
      ctx.db.orm,
      sql`select status, version from platform_approval_request where id = ${refused.id}`,
    );
    assert.deepEqual(row, { status: 'pending', version: 1 });
    const events = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_event where aggregate_id = ${refused.id} and type <> 'approval.requested'`,
    );
    assert.equal(events!.n, 0, 'no approval event leaves with a rolled-back decision');

    const rejected = await finance.post(`/api/v1/approval-requests/${refused.id}/reject`, { version: 1 });
    assert.equal(rejected.status, 200);
    assert.equal(seen.find((s) => s.request.id === refused.id)?.verb, 'reject');
  });

  test('filters by status and mine, pages with a cursor, rejects unknown filters', async () => {
    const company = await newCompany(ctx.db);
    const finance = await signedIn(ctx.db, await company.user('finance'));
    const a = await fileRequest(company, {});
    const b = await fileRequest(company, {});
    await fileRequest(company, {});
    assert.equal(
      (await finance.post(`/api/v1/approval-requests/${a.id}/reject`, { version: 1 })).status,
      200,
    );

    const pending = await finance.get('/api/v1/approval-requests?status=pending&mine=true');
    assert.equal(pending.body.items.length, 2);
    const page = await finance.get('/api/v1/approval-requests?limit=2');
    assert.equal(page.body.items.length, 2);
    const rest = await finance.get(`/api/v1/approval-requests?limit=2&cursor=${page.body.nextCursor}`);
    assert.equal(rest.body.items.length, 1);
    assert.equal(rest.body.nextCursor, null);

    const requester = await signedIn(ctx.db, b.requester);
    assert.equal(
      (await requester.get('/api/v1/approval-requests')).status,
      403,
      'sales cannot read approvals',
    );
    assert.equal((await finance.get('/api/v1/approval-requests?status=maybe')).status, 400);
    assert.equal((await finance.get('/api/v1/approval-requests?cursor=abc')).status, 400);
  });

  test('a request needs a role that exists and a kind that is registered', async () => {
    const company = await newCompany(ctx.db);
    const actor = await company.actor(company.admin);
    await assert.rejects(
      withTransaction(ctx.db, (tx) =>
        requestApproval(tx, actor, {
          kind: 'test.large_order',
          subjectType: 'x.y',
          subjectId: '1',
          summary: 's',
          payload: {},
          approverRoleCode: 'no_such_role',
        }),
      ),
      (e: any) => e.code === 'approval.no_approver_role',
    );
    await assert.rejects(
      withTransaction(ctx.db, (tx) =>
        requestApproval(tx, actor, {
          kind: 'test.unknown',
          subjectType: 'x.y',
          subjectId: '1',
          summary: 's',
          payload: {},
          approverRoleCode: 'admin',
        }),
      ),
      /not registered/,
    );
  });
});
