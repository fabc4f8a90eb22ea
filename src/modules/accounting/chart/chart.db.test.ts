import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { createCompany } from '../../../platform/org/create-company.ts';
import { accountForRole } from './account-for-role.ts';
import { ACCOUNT_ROLES } from './roles.ts';

describeDb('chart of accounts installed on company creation', (ctx) => {
  test('a zh-CN company gets 小企业会计准则 with its roles and six journals', async () => {
    const code = `CN${Date.now().toString(36).toUpperCase()}`.slice(0, 20);
    const { id } = await withTransaction(ctx.db, (tx) =>
      createCompany(tx, { code, name: '星辰贸易', locale: 'zh-CN' }),
    );
    const list = await rows<{ code: string; name: Record<string, string>; role: string | null }>(
      ctx.db.orm,
      sql`select code, name, role from accounting_account where company_id = ${id} and role is not null order by code`,
    );
    // One account per role the templates know (18 before manufacturing added `production`).
    assert.equal(list.length, ACCOUNT_ROLES.length);
    const vat = list.find((a) => a.role === 'output_vat')!;
    assert.deepEqual([vat.code, vat.name['zh-CN']], ['222102', '应交增值税(销项税额)']);
    const journals = await rows<{ code: string; voucher_word: string }>(
      ctx.db.orm,
      sql`select code, voucher_word from accounting_journal where company_id = ${id} order by code`,
    );
    assert.deepEqual(
      journals.map((j) => j.code),
      ['bank', 'cash', 'general', 'purchase', 'sales', 'stock'],
    );
    assert.ok(journals.every((j) => j.voucher_word === '记'));
    assert.ok(await accountForRole(ctx.db.orm, id, 'grni'));
  });
});
