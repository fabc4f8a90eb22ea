// The CRM in a real browser against the real server, in Chinese: a visitor leaves a lead on the public
// web form, the round-robin rule gives it to the salesperson, who finds it, converts it with an
// opportunity, drags the opportunity across two stages and reads the customer's timeline; edits the
// customer's addresses and brings contacts in and out as vCards.
// Screenshots go to test-results/screenshots/crm-*.png (zh-CN, English, and 375 px wide).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { dragToStage, LEAD, noSidewaysScroll, SALES, setUp, waitForTimeline } from './crm-helpers.ts';
import {
  ADMIN,
  chooseLanguage,
  chromiumPath,
  ensureWebBuild,
  launchChromium,
  screenshot,
  screenshotDir,
  settle,
  startTandem,
} from './support.ts';

test('CRM: web-form lead → assigned → converted → kanban → timeline, in zh-CN', {
  timeout: 240_000,
}, async (t) => {
  if (!existsSync(chromiumPath)) {
    t.skip(`chromium not installed at ${chromiumPath}: install Debian package chromium`);
    return;
  }
  ensureWebBuild();
  mkdirSync(screenshotDir, { recursive: true });
  rmSync(path.join(screenshotDir, 'crm-failure.png'), { force: true });

  const server = await startTandem();
  let browser: Browser | undefined;
  try {
    const { formPath } = await setUp(server.baseUrl);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const url = (p: string) => `${server.baseUrl}${p}`;
    let customerPath = '';
    // Each step builds on the one before: after a failure the rest are skipped, not failed again.
    let broken = false;
    let current: Page = page; // whose screen a failure screenshot shows
    const step = (name: string, fn: () => Promise<void>) =>
      t.test(name, async (st) => {
        if (broken) return st.skip('an earlier step failed');
        try {
          await fn();
        } catch (err) {
          broken = true;
          await current
            .screenshot({ path: path.join(screenshotDir, 'crm-failure.png'), fullPage: true })
            .catch(() => undefined);
          throw err;
        }
      });
    const opportunityName = `${LEAD.company} 采购项目`;

    await step('a visitor leaves a lead on the public form page', async () => {
      await page.goto(url(formPath));
      await page.getByRole('heading', { name: '联系我们' }).waitFor();
      await page.getByLabel('您的姓名').fill(LEAD.contact);
      await page.getByLabel('公司名称').fill(LEAD.company);
      await page.getByLabel('电话').fill(LEAD.phone);
      await page.getByLabel('地区代码').fill('CN-SH');
      await page.getByLabel('留言').fill('想了解贵公司的产品报价，谢谢。');
      await screenshot(page, 'crm-web-form-zh');
      await page.getByRole('button', { name: '提交' }).click();
      await page.getByText('谢谢！我们会尽快与您联系。').waitFor();
    });

    await step('the salesperson signs in and finds the lead assigned to them', async () => {
      await page.goto(url('/login'));
      await page.getByLabel('邮箱').fill(SALES.email);
      await page.getByLabel('密码', { exact: true }).fill(SALES.password);
      await page.getByRole('button', { name: /^登\s*录$/ }).click(); // antd spaces two-character labels
      await page.waitForURL(/\/dashboard$/);
      const nav = page.getByTestId('nav-menu');
      await nav.getByText('客户管理', { exact: true }).click();
      await nav.getByText('线索', { exact: true }).click();
      await page.waitForURL(/\/crm\/leads$/);
      const row = page.getByTestId('leads-table').locator('tr').filter({ hasText: LEAD.contact });
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', new RegExp(SALES.name), 'assigned to the salesperson');
      assert.match((await row.textContent()) ?? '', /新线索/);
      await screenshot(page, 'crm-leads-zh');
    });

    await step('the lead converts into a customer with an opportunity', async () => {
      await page.getByTestId('leads-table').getByText(LEAD.contact, { exact: true }).click();
      await page.getByTestId('lead-name').waitFor();
      await screenshot(page, 'crm-lead-zh');
      await page.getByTestId('convert-lead').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel('商机', { exact: true }).fill(opportunityName);
      await dialog.getByTestId('convert-amount').fill('128000');
      await screenshot(page, 'crm-convert-zh');
      await dialog.getByTestId('convert-submit').click();
      await page.waitForURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
      customerPath = new URL(page.url()).pathname;
      await page.getByTestId('customer-name').getByText(LEAD.company).waitFor();
    });

    await step('a call is logged on the customer page', async () => {
      await page.getByTestId('log-activity').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('主题').fill('电话沟通报价细节');
      await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
      await dialog.waitFor({ state: 'hidden' });
    });

    await step('on the kanban the opportunity is dragged across two stages', async () => {
      await page.getByTestId('nav-menu').getByText('销售漏斗', { exact: true }).click();
      await page.waitForURL(/\/crm\/pipeline$/);
      const first = page.locator('[data-testid="stage-column"][data-stage-code="qualification"]');
      await first.getByTestId('opportunity-card').filter({ hasText: opportunityName }).waitFor();
      await dragToStage(page, opportunityName, 'needs_analysis');
      await dragToStage(page, opportunityName, 'proposal');
      await screenshot(page, 'crm-pipeline-zh');
    });

    await step('the customer page shows the conversion and the stage changes on its timeline', async () => {
      await waitForTimeline(
        page,
        ['lead.converted', 'opportunity.stage_changed', 'customer.created', 'activity.logged'],
        url(`${customerPath}?tab=timeline`),
      );
      const timeline = page.getByTestId('timeline');
      await timeline.getByText('线索转化').first().waitFor();
      await timeline.getByText('阶段变更').first().waitFor();
      await timeline.getByText(`商机 ${opportunityName}：需求确认 → 方案报价`).waitFor();
      await timeline.getByText(`商机 ${opportunityName}：初步接洽 → 需求确认`).waitFor();
      await timeline.getByText('电话：电话沟通报价细节').waitFor();
      await screenshot(page, 'crm-customer-timeline-zh', true);
      await page.goto(url(`${customerPath}?tab=overview`));
      await page.getByText(opportunityName).first().waitFor();
      await screenshot(page, 'crm-customer-overview-zh', true);
    });

    await step('a shipping address is added, made the default, edited and removed', async () => {
      await page.goto(url(`${customerPath}?tab=overview`));
      const addresses = page.getByTestId('addresses');
      await addresses.getByTestId('add-address').click();
      const dialog = page.getByRole('dialog');
      // antd hides the radio input itself under its button: click the button (the label).
      await dialog.locator('label').filter({ hasText: '收货地址' }).click();
      assert.ok(await dialog.getByRole('radio', { name: '收货地址' }).isChecked());
      await dialog.getByLabel('城市').fill('上海');
      await dialog.getByLabel('邮编').fill('20012');
      await dialog.getByLabel('联系人').fill('韩梅梅');
      await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
      // Checked in the browser before anything is sent: the street is missing, the postal code is short.
      await dialog.getByText('此项必填').waitFor();
      await dialog.getByText('中国邮政编码为 6 位数字').waitFor();
      await screenshot(page, 'crm-address-form-invalid-zh');
      await dialog.getByLabel('详细地址').fill('浦东新区世纪大道 100 号');
      await dialog.getByLabel('邮编').fill('200120');
      // The messages fold away with an animation that moves the buttons: let it end before clicking.
      await dialog.getByText('此项必填').waitFor({ state: 'hidden' });
      await dialog.getByText('中国邮政编码为 6 位数字').waitFor({ state: 'hidden' });
      await settle(page);
      const added = page.waitForResponse(
        (res) => res.url().endsWith('/addresses') && res.request().method() === 'POST',
      );
      await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
      assert.equal((await added).status(), 201);
      await dialog.waitFor({ state: 'hidden' });
      const shipping = addresses.locator('[data-testid="address-row"][data-kind="shipping"]');
      await shipping.getByText('上海 浦东新区世纪大道 100 号').waitFor();
      assert.equal(await shipping.getAttribute('data-default'), 'false');
      await shipping.getByTestId('address-make-default').click();
      await addresses
        .locator('[data-kind="shipping"][data-default="true"]')
        .getByText('默认', { exact: true })
        .waitFor();
      await screenshot(page, 'crm-customer-addresses-zh');
      await shipping.getByTestId('address-edit').click();
      await dialog.getByLabel('详细地址').fill('浦东新区世纪大道 200 号 8 楼');
      await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await shipping.getByText('上海 浦东新区世纪大道 200 号 8 楼').waitFor();
      assert.equal(await shipping.getAttribute('data-default'), 'true', 'editing keeps it the default');
      await shipping.getByTestId('address-remove').click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /^删\s*除$/ })
        .click();
      await addresses.getByText('暂无地址').waitFor();
    });

    await step('two people come in from a vCard file, are listed, and go out again', async () => {
      await page.goto(url(`${customerPath}?tab=contacts`));
      await page.getByTestId('vcard-import').click();
      const dialog = page.getByRole('dialog');
      // One card names the customer as its company (ORG), the other names none: both land here.
      const vcf = [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N:陈;晓红;;;',
        'FN:陈晓红',
        `ORG:${LEAD.company}`,
        'TITLE:采购经理',
        'TEL;TYPE=CELL:13611112222',
        'EMAIL:chen.xiaohong@example.com',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:周建国',
        'TEL;TYPE=work:021-6888 1234',
        'END:VCARD',
        '',
      ].join('\r\n');
      await dialog
        .locator('input[type=file]')
        .setInputFiles({ name: 'contacts.vcf', mimeType: 'text/vcard', buffer: Buffer.from(vcf) });
      await dialog.getByTestId('vcard-import-submit').click();
      const result = dialog.getByTestId('vcard-result');
      await result.waitFor();
      const figure = async (id: string) =>
        (await result.getByTestId(id).locator('.ant-statistic-content-value').textContent())?.trim();
      assert.deepEqual(
        [await figure('vcard-created'), await figure('vcard-duplicates'), await figure('vcard-errors')],
        ['2', '0', '0'],
      );
      await screenshot(page, 'crm-vcard-import-zh');
      await dialog.getByTestId('vcard-done').click();
      const table = page.getByTestId('contacts-table');
      await table.getByText('陈晓红', { exact: true }).waitFor();
      await table.getByText('周建国', { exact: true }).waitFor();
      await screenshot(page, 'crm-customer-contacts-zh');
      const download = page.waitForEvent('download');
      await page.getByTestId('vcard-export').click();
      const file = await download;
      assert.match(file.suggestedFilename(), /\.vcf$/);
      const text = readFileSync(await file.path(), 'utf8');
      for (const name of ['FN:陈晓红', 'FN:周建国', `FN:${LEAD.contact}`])
        assert.ok(text.includes(name), name);
    });

    await step(
      'the activity calendar shows the call on its day; the dashboard shows the targets',
      async () => {
        await page.goto(url('/crm/activities'));
        await page.getByRole('tab', { name: '日历' }).click();
        const calendar = page.getByTestId('activity-calendar');
        await calendar.getByText('电话沟通报价细节').waitFor();
        const day = page.getByTestId('calendar-day-list');
        await day.getByText('电话沟通报价细节').waitFor();
        await day.getByTestId('open-activity').first().waitFor();
        assert.match(page.url(), /view=calendar/);
        assert.ok(
          await calendar
            .getByText(/^[一二三四五六日]$/)
            .first()
            .isVisible(),
          'weekdays in Chinese',
        );
        await screenshot(page, 'crm-calendar', true);
        await page.goto(url('/dashboard'));
        const targets = page.getByTestId('dashboard-targets');
        await targets.getByText('本月目标').waitFor();
        // count() does not wait: let the rows arrive first (the team's row is the last group).
        await targets.getByText('华东销售部').waitFor();
        await targets.getByTestId('target-row').nth(2).waitFor();
        assert.equal(await targets.getByTestId('target-row').count(), 3);
        await targets
          .getByTestId('target-note')
          .getByText(/财务模块/)
          .waitFor();
        await screenshot(page, 'crm-dashboard-targets', true);
      },
    );

    await step('the same screens in English', async () => {
      await chooseLanguage(page, 'English');
      await page.goto(url(`${customerPath}?tab=timeline`));
      await page.getByTestId('timeline').getByText('Lead converted').first().waitFor();
      await page
        .getByTestId('timeline')
        .getByText(`Opportunity ${opportunityName}: Needs analysis → Proposal`)
        .waitFor();
      await screenshot(page, 'crm-customer-timeline-en', true);
      await page.goto(url('/crm/customers'));
      await page.getByTestId('customers-table').getByText(LEAD.company).waitFor();
      await screenshot(page, 'crm-customers-en');
      await page.goto(url('/crm/activities'));
      await page.getByTestId('my-day').waitFor();
      await screenshot(page, 'crm-activities-en');
    });

    await step('at 375 px the CRM screens fit the phone', async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.evaluate(() => localStorage.setItem('tandem.locale', 'zh-CN'));
      await page.goto(url('/crm/customers'));
      await page.getByTestId('customers-table').getByText(LEAD.company).waitFor();
      await noSidewaysScroll(page, 'the customer list');
      await screenshot(page, 'crm-phone-customers-zh');
      await page.goto(url(customerPath));
      await page.getByTestId('customer-name').waitFor();
      await noSidewaysScroll(page, 'the customer page');
      await screenshot(page, 'crm-phone-customer-zh', true);
      await page.getByTestId('add-address').click();
      await page.getByRole('dialog').getByLabel('详细地址').waitFor();
      await noSidewaysScroll(page, 'the address form');
      await screenshot(page, 'crm-phone-address-zh');
      await page.getByRole('button', { name: /^取\s*消$/ }).click();
      await page.goto(url('/crm/pipeline'));
      await page.getByTestId('opportunity-card').first().waitFor();
      await noSidewaysScroll(page, 'the pipeline');
      await page.getByTestId('move-menu').first().click();
      const negotiation = page.getByRole('menuitem', { name: '商务谈判' });
      await negotiation.waitFor();
      await screenshot(page, 'crm-phone-pipeline-zh');
      // No dragging on a phone: "Move to stage…" does the same.
      const moved = page.waitForResponse(
        (res) => res.url().endsWith('/move') && res.request().method() === 'POST',
      );
      await negotiation.click();
      assert.equal((await moved).status(), 200);
      await page
        .locator('[data-testid="stage-column"][data-stage-code="negotiation"]')
        .getByTestId('opportunity-card')
        .waitFor();
      await page.goto(url('/crm/leads'));
      await page.getByTestId('leads-table').waitFor();
      await noSidewaysScroll(page, 'the lead list');
      await screenshot(page, 'crm-phone-leads-zh');
      await page.goto(url('/crm/activities?view=calendar'));
      await page.getByTestId('calendar-mark').first().waitFor();
      await noSidewaysScroll(page, 'the activity calendar');
      await screenshot(page, 'crm-phone-calendar-zh');
    });

    // The admin's side: the import wizard (dry run, import, undo) and duplicate review with merge and undo.
    const adminContext = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'en-US',
    });
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(15_000);
    admin.on('pageerror', (err) => pageErrors.push(err.message));
    current = admin;

    await step(
      'the admin imports customers: dry run with a duplicate and an error, import, undo',
      async () => {
        await admin.goto(url('/login'));
        await admin.getByLabel('Email').fill(ADMIN.email);
        await admin.getByLabel('Password', { exact: true }).fill(ADMIN.password);
        await admin.getByRole('button', { name: 'Sign in' }).click();
        await admin.waitForURL(/\/dashboard$/);
        await admin.goto(url('/crm/import'));
        await admin.getByTestId('import-entity').getByText('Customers', { exact: true }).click();
        const csv = [
          'Name,City,Contact name,Contact phone',
          // Not the converted lead's exact name (that row would update the customer: upsert by name), a
          // near-duplicate of it, which the dry run flags.
          '上海星辰贸易公司,上海,韩梅梅,13900139000',
          '北京晨光科技有限公司,北京,张伟,13700137000',
          ',广州,,',
        ].join('\n');
        await admin
          .locator('input[type=file]')
          .setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await admin.getByRole('button', { name: 'Next' }).click();
        await admin.getByTestId('import-mapping').waitFor();
        await screenshot(admin, 'crm-import-mapping-en');
        await admin.getByTestId('import-dry-run').click();
        const result = admin.getByTestId('import-result');
        await result.getByText('Duplicate', { exact: true }).waitFor();
        await screenshot(admin, 'crm-import-dry-run-en', true);
        await admin.getByTestId('import-run').click();
        await admin.getByTestId('import-undo').waitFor();
        await screenshot(admin, 'crm-import-done-en', true);
        await admin.getByTestId('import-undo').click();
        await admin.getByText('The import was undone').first().waitFor();
      },
    );

    await step(
      'a near-duplicate customer is flagged, created anyway, then merged and the merge undone',
      async () => {
        await admin.goto(url('/crm/customers'));
        await admin.getByTestId('new-customer').click();
        const drawer = admin.getByRole('dialog');
        await drawer.getByLabel('Name', { exact: true }).fill('上海星辰贸易公司');
        await drawer.getByTestId('customer-save').click();
        await drawer
          .getByTestId('duplicate-list')
          .getByText(/^(Same|Similar) name$/)
          .first()
          .waitFor();
        await screenshot(admin, 'crm-duplicate-warning-en');
        await drawer.getByTestId('create-anyway').click();
        await admin.waitForURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
        await admin.getByRole('tab', { name: 'Duplicates' }).click();
        await admin.getByTestId('duplicate-review').getByText(LEAD.company).waitFor();
        await admin.getByTestId('merge-button').first().click();
        const dialog = admin.getByRole('dialog');
        await dialog.getByRole('radio', { name: new RegExp(LEAD.company) }).check();
        await screenshot(admin, 'crm-merge-dialog-en');
        await dialog.getByRole('button', { name: 'Merge' }).click();
        await admin.waitForURL((target) => target.pathname === customerPath);
        await admin.getByTestId('undo-merge').waitFor();
        await screenshot(admin, 'crm-merged-en');
        await admin.getByTestId('undo-merge').click();
        await admin.getByText('The merge was undone').first().waitFor();
      },
    );

    await step('the forecast and the calendar feed (shown once)', async () => {
      await admin.goto(url('/crm/pipeline?view=forecast'));
      await admin.getByTestId('forecast-table').getByText('CNY 89,600.00').waitFor(); // 128,000 × 70 % (negotiation)
      await screenshot(admin, 'crm-forecast-en');
      await admin.goto(url('/crm/activities'));
      await admin.getByTestId('calendar-feed').click();
      await admin.getByRole('button', { name: 'Create my feed address' }).click();
      const feed = admin.getByTestId('calendar-url');
      await feed.waitFor();
      assert.match((await feed.textContent()) ?? '', /\/api\/v1\/public\/calendar\/.+\.ics/);
      await screenshot(admin, 'crm-calendar-feed-en');
    });

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } finally {
    await browser?.close();
    await server.stop();
  }
});
