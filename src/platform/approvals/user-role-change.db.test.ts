import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb, newCompany, signedIn } from '../../../test/kit/index.ts';
import type { Db } from '../db/connect.ts';
import { one, rows } from '../db/tx.ts';

async function roleCodes(db: Db, companyId: string, userId: string): Promise<string[]> {
  const list = await rows<{ code: string }>(
    db.orm,
    sql`select r.code from platform_user_role ur join platform_role r on r.company_id = ur.company_id and r.id = ur.role_id
         where ur.company_id = ${companyId} and ur.user_id = ${userId} order by r.code`,
  );
  return list.map((r) => r.code);
}

async function approvalRow(db: Db, id: string) {
  return one<{ status: string; version: number; decided_by: string | null }>(
    db.orm,
    sql`select status, version, decided_by from platform_approval_request where id = ${id}`,
  );
}

describeDb('approval requests: user role change', (ctx) => {
  test('hr asks for admin for someone; nothing changes until an admin approves; then roles, audit, events, notifications', async () => {
    const company = await newCompany(ctx.db);
    const hrUser = await company.user('hr');
    const target = await company.user('sales');
    const secondAdmin = await company.user('admin');
    const hr = await signedIn(ctx.db, hrUser);

    const direct = await hr.patch(`/api/v1/users/${target.id}`, {
      version: 1,
      roleIds: [company.roles.admin],
    });
    assert.equal(direct.status, 403, 'hr cannot grant admin directly');

    const asked = await hr.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [company.roles.admin],
      reason: 'runs the office while the owner is away',
    });
    assert.equal(asked.status, 201);
    assert.equal(asked.body.status, 'pending');
    assert.equal(asked.body.kind, 'user.role_change');
    assert.equal(asked.body.approverRole.code, 'admin');
    assert.equal(asked.body.requestedBy.id, hrUser.id);
    assert.deepEqual(await roleCodes(ctx.db, company.id, target.id), ['sales'], 'no change yet');

    // Every active admin is told; the requester is not.
    for (const user of [company.admin, secondAdmin]) {
      const client = await signedIn(ctx.db, user);
      const inbox = await client.get('/api/v1/notifications?unread=true');
      const note = inbox.body.items.find((n: any) => n.kind === 'approval.requested');
      assert.ok(note, 'the admin is notified');
      assert.equal(note.link, `/approvals/${asked.body.id}`);
    }
    assert.equal((await hr.get('/api/v1/notifications')).body.items.length, 0);

    const admin = await signedIn(ctx.db, company.admin);
    const pending = await admin.get('/api/v1/approval-requests?status=pending');
    assert.deepEqual(
      pending.body.items.map((a: any) => a.id),
      [asked.body.id],
    );
    const approved = await admin.post(`/api/v1/approval-requests/${asked.body.id}/approve`, {
      version: asked.body.version,
      reason: 'ok for a month',
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    assert.equal(approved.body.decidedBy.id, company.admin.id);
    assert.equal(approved.body.decisionReason, 'ok for a month');
    assert.deepEqual(await roleCodes(ctx.db, company.id, target.id), ['admin']);

    const audit = await rows<{ entity: string; action: string; actor_user_id: string; changes: any }>(
      ctx.db.orm,
      sql`select entity, action, actor_user_id, changes from platform_audit_log
           where company_id = ${company.id} and entity_id in (${target.id}, ${asked.body.id}) order by seq`,
    );
    assert.deepEqual(
      audit.map((a) => [a.entity, a.action, a.actor_user_id]),
      [
        ['platform.approval_request', 'request', hrUser.id],
        ['platform.user', 'update', company.admin.id],
        ['platform.approval_request', 'approve', company.admin.id],
      ],
    );
    assert.deepEqual(audit[1].changes.roleIds, {
      before: [company.roles.sales],
      after: [company.roles.admin],
    });

    const events = await rows<{ type: string }>(
      ctx.db.orm,
      sql`select type from platform_event where company_id = ${company.id} and aggregate_id = ${asked.body.id} order by seq`,
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ['approval.requested', 'approval.approved'],
    );
    const told = await hr.get('/api/v1/notifications');
    assert.equal(told.body.items.length, 1);
    assert.equal(told.body.items[0].kind, 'approval.approved');
  });

  test('a rejection changes no role and tells the requester; a decided request cannot be decided again', async () => {
    const company = await newCompany(ctx.db);
    const hrUser = await company.user('hr');
    const target = await company.user('sales');
    const hr = await signedIn(ctx.db, hrUser);
    const admin = await signedIn(ctx.db, company.admin);
    const asked = await hr.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [company.roles.finance],
      reason: 'moves to finance',
    });
    const rejected = await admin.post(`/api/v1/approval-requests/${asked.body.id}/reject`, {
      version: asked.body.version,
      reason: 'not yet',
    });
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.status, 'rejected');
    assert.deepEqual(await roleCodes(ctx.db, company.id, target.id), ['sales']);
    assert.equal((await hr.get('/api/v1/notifications')).body.items[0].kind, 'approval.rejected');

    const again = await admin.post(`/api/v1/approval-requests/${asked.body.id}/approve`, {
      version: rejected.body.version,
    });
    assert.equal(again.status, 422);
    assert.equal(again.body.error.code, 'approval.not_pending');
    assert.deepEqual(await roleCodes(ctx.db, company.id, target.id), ['sales']);
    assert.equal((await approvalRow(ctx.db, asked.body.id))!.status, 'rejected');
  });

  test('no deciding your own request; a stale version is a 409; both change nothing', async () => {
    const company = await newCompany(ctx.db);
    const target = await company.user('sales');
    const other = await company.user('admin');
    const admin = await signedIn(ctx.db, company.admin);
    const asked = await admin.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [company.roles.warehouse],
      reason: 'covers the warehouse',
    });
    assert.equal(asked.status, 201);
    const own = await admin.post(`/api/v1/approval-requests/${asked.body.id}/approve`, {
      version: asked.body.version,
    });
    assert.equal(own.status, 422);
    assert.equal(own.body.error.code, 'approval.own_request');

    const otherAdmin = await signedIn(ctx.db, other);
    const stale = await otherAdmin.post(`/api/v1/approval-requests/${asked.body.id}/approve`, {
      version: asked.body.version + 1,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'stale_version');
    const row = await approvalRow(ctx.db, asked.body.id);
    assert.equal(row!.status, 'pending');
    assert.equal(row!.version, asked.body.version);
    assert.deepEqual(await roleCodes(ctx.db, company.id, target.id), ['sales']);

    const ok = await otherAdmin.post(`/api/v1/approval-requests/${asked.body.id}/approve`, {
      version: asked.body.version,
    });
    assert.equal(ok.status, 200);
    assert.deepEqual(await roleCodes(ctx.db, company.id, target.id), ['warehouse']);
  });

  test('deciders need the permission AND the role; record scope hides requests; nobody approves their own roles', async () => {
    const company = await newCompany(ctx.db);
    const hrUser = await company.user('hr');
    const financeUser = await company.user('finance'); // approval.* and company scope, not admin
    const managerUser = await company.user('sales_manager'); // approval.* with team scope
    const otherAdmin = await company.user('admin');
    const hr = await signedIn(ctx.db, hrUser);
    const asked = await hr.post(`/api/v1/users/${otherAdmin.id}/role-change-requests`, {
      roleIds: [company.roles.admin, company.roles.sales],
      reason: 'also sells',
    });
    assert.equal(asked.status, 201);
    const body = { version: asked.body.version };

    const noPermission = await hr.post(`/api/v1/approval-requests/${asked.body.id}/approve`, body);
    assert.equal(noPermission.status, 403);
    const finance = await signedIn(ctx.db, financeUser);
    const notApprover = await finance.post(`/api/v1/approval-requests/${asked.body.id}/approve`, body);
    assert.equal(notApprover.status, 403);
    assert.equal(notApprover.body.error.code, 'approval.not_approver');
    assert.equal(
      (await finance.get('/api/v1/approval-requests')).body.items.length,
      1,
      'company scope sees it',
    );
    assert.equal((await finance.get('/api/v1/approval-requests?mine=true')).body.items.length, 0);

    const manager = await signedIn(ctx.db, managerUser);
    assert.equal(
      (await manager.get('/api/v1/approval-requests')).body.items.length,
      0,
      'team scope does not',
    );
    assert.equal((await manager.get(`/api/v1/approval-requests/${asked.body.id}`)).status, 404);
    assert.equal(
      (await manager.post(`/api/v1/approval-requests/${asked.body.id}/approve`, body)).status,
      404,
    );

    const subject = await signedIn(ctx.db, otherAdmin);
    const self = await subject.post(`/api/v1/approval-requests/${asked.body.id}/approve`, body);
    assert.equal(self.status, 422);
    assert.equal(self.body.error.code, 'approval.own_subject');
    assert.equal((await approvalRow(ctx.db, asked.body.id))!.status, 'pending');
    assert.deepEqual(await roleCodes(ctx.db, company.id, otherAdmin.id), ['admin']);
  });

  test('another company’s request and user are 404s and change nothing (SEC-AUTHZ-01)', async () => {
    const company = await newCompany(ctx.db);
    const stranger = await newCompany(ctx.db);
    const target = await company.user('sales');
    const hr = await signedIn(ctx.db, await company.user('hr'));
    const asked = await hr.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [company.roles.viewer],
      reason: 'read only',
    });
    const outsider = await signedIn(ctx.db, stranger.admin);
    for (const verb of ['approve', 'reject']) {
      const res = await outsider.post(`/api/v1/approval-requests/${asked.body.id}/${verb}`, {
        version: asked.body.version,
      });
      assert.equal(res.status, 404);
    }
    assert.equal((await outsider.get(`/api/v1/approval-requests/${asked.body.id}`)).status, 404);
    assert.equal((await approvalRow(ctx.db, asked.body.id))!.status, 'pending');

    const foreignUser = await outsider.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [stranger.roles.admin],
      reason: 'x',
    });
    assert.equal(foreignUser.status, 404);
    const foreignRole = await hr.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [stranger.roles.admin],
      reason: 'x',
    });
    assert.equal(foreignRole.status, 422);
    const count = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_approval_request where subject_id = ${target.id}`,
    );
    assert.equal(count!.n, 1);
  });

  test('extra keys are refused (SEC-MASS-01); a second pending request and a no-op request are refused', async () => {
    const company = await newCompany(ctx.db);
    const target = await company.user('sales');
    const hr = await signedIn(ctx.db, await company.user('hr'));
    const admin = await signedIn(ctx.db, company.admin);
    const sneaky = await hr.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [company.roles.admin],
      reason: 'x',
      status: 'approved',
      approverRoleId: company.roles.hr,
      requestedBy: company.admin.id,
    });
    assert.equal(sneaky.status, 400);
    const same = await hr.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [company.roles.sales],
      reason: 'x',
    });
    assert.equal(same.status, 422);
    const first = await hr.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [company.roles.admin],
      reason: 'x',
    });
    assert.equal(first.status, 201);
    const second = await hr.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [company.roles.finance],
      reason: 'y',
    });
    assert.equal(second.status, 409);
    const decideExtra = await admin.post(`/api/v1/approval-requests/${first.body.id}/approve`, {
      version: first.body.version,
      status: 'rejected',
    });
    assert.equal(decideExtra.status, 400);
    const count = await one<{ n: number }>(
      ctx.db.orm,
      sql`select count(*)::int as n from platform_approval_request where subject_id = ${target.id} and status = 'pending'`,
    );
    assert.equal(count!.n, 1);
  });

  test('a user changed after the request cannot be approved on the old picture', async () => {
    const company = await newCompany(ctx.db);
    const target = await company.user('sales');
    const hr = await signedIn(ctx.db, await company.user('hr'));
    const admin = await signedIn(ctx.db, company.admin);
    const asked = await hr.post(`/api/v1/users/${target.id}/role-change-requests`, {
      roleIds: [company.roles.admin],
      reason: 'x',
    });
    const moved = await admin.patch(`/api/v1/users/${target.id}`, {
      version: 1,
      roleIds: [company.roles.service],
    });
    assert.equal(moved.status, 200);
    const late = await admin.post(`/api/v1/approval-requests/${asked.body.id}/approve`, {
      version: asked.body.version,
    });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'approval.subject_changed');
    assert.deepEqual(await roleCodes(ctx.db, company.id, target.id), ['service']);
    assert.equal((await approvalRow(ctx.db, asked.body.id))!.status, 'pending');
  });
});
