// Set-up and steps of the CRM browser test (crm.e2e.test.ts): the data an admin makes through the API,
// dragging a kanban card, waiting for the outbox-fed timeline, and the phone-width check.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ADMIN, ApiSession, settle } from './support.ts';

export const SALES = { email: 'wang.xiaoming@example.com', password: 'Sales-Person-42!', name: '王小明' };
export const LEAD = { company: '上海星辰贸易有限公司', contact: '李雷', phone: '13800138000' };

interface Named {
  id: string;
  code: string;
}

/** As the admin, through the API: a team, a salesperson in it, targets, a web form and a round-robin rule. */
export async function setUp(baseUrl: string): Promise<{ formPath: string; formKey: string }> {
  const admin = new ApiSession(baseUrl);
  await admin.login(ADMIN.email, ADMIN.password);
  const roles = await admin.call<{ items: Named[] }>('GET', '/roles?limit=200');
  const sales = roles.items.find((role) => role.code === 'sales');
  assert.ok(sales, 'the built-in role "sales" exists');
  const team = await admin.call<{ id: string }>('POST', '/departments', {
    code: 'EAST',
    name: { 'zh-CN': '华东销售部', en: 'East sales' },
  });
  const user = await admin.call<{ id: string }>('POST', '/users', {
    email: SALES.email,
    name: SALES.name,
    locale: 'zh-CN',
    password: SALES.password,
    roleIds: [sales.id],
    departmentId: team.id,
  });
  // This month's targets, for the dashboard: the salesperson's sales and collection targets and the team's.
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
  for (const target of [
    { kind: 'sales', userId: user.id, amount: '300000' },
    { kind: 'collection', userId: user.id, amount: '150000' },
    { kind: 'sales', teamId: team.id, amount: '1200000' },
  ])
    await admin.call('POST', '/targets', { month, currency: 'CNY', ...target });
  const form = await admin.call<{ key: string; pagePath: string }>('POST', '/web-forms', {
    name: '官网联系表单',
    sourceCode: 'web',
    teamId: team.id,
  });
  await admin.call('POST', '/assignment-rules', {
    name: '官网线索轮流分配',
    matchSourceCode: 'web',
    strategy: 'round_robin',
    userIds: [user.id],
    teamId: team.id,
  });
  return { formPath: form.pagePath, formKey: form.key };
}

/** Moves a kanban card onto a column by native HTML5 drag and drop, and waits for the server's answer. */
export async function dragToStage(page: Page, opportunityName: string, stageCode: string): Promise<void> {
  const card = page.getByTestId('opportunity-card').filter({ hasText: opportunityName });
  const column = page.locator(`[data-testid="stage-column"][data-stage-code="${stageCode}"]`);
  const moved = page.waitForResponse(
    (res) => /\/api\/v1\/opportunities\/[^/]+\/move$/.test(res.url()) && res.request().method() === 'POST',
  );
  await card.dragTo(column);
  const res = await moved;
  assert.equal(res.status(), 200, `moving to ${stageCode}: ${await res.text()}`);
  await column.getByTestId('opportunity-card').filter({ hasText: opportunityName }).waitFor();
}

/** The timeline is fed by the outbox, a moment after the change: reload until the entries are there. */
export async function waitForTimeline(page: Page, types: string[], url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.goto(url);
    await page.getByTestId('customer-name').waitFor();
    await settle(page);
    const present = await page
      .getByTestId('timeline-entry')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-type')));
    const stageChanges = present.filter((type) => type === 'opportunity.stage_changed').length;
    if (types.every((type) => present.includes(type)) && stageChanges >= 2) return;
    if (Date.now() > deadline) assert.fail(`timeline entries after 20 s: ${present.join(', ')}`);
    await page.waitForTimeout(750);
  }
}

export async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px at 375 px`);
}
