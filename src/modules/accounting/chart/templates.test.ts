import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartTemplates, templateFor } from './install-chart.ts';
import { ACCOUNT_ROLES } from './roles.ts';

for (const [code, accounts] of Object.entries(chartTemplates)) {
  test(`${code}: every role once, on a leaf; codes unique; sub-accounts share the parent's type`, () => {
    const codes = new Set(accounts.map((a) => a.code));
    assert.equal(codes.size, accounts.length);
    const roles = accounts.filter((a) => a.role).map((a) => a.role);
    assert.deepEqual([...roles].sort(), [...ACCOUNT_ROLES].sort());
    const parents = new Set(accounts.filter((a) => a.parent).map((a) => a.parent));
    for (const a of accounts) {
      assert.ok(a.zh && a.en, a.code);
      if (a.role) assert.ok(!parents.has(a.code), `${a.code} holds ${a.role} but has sub-accounts`);
      if (a.parent) {
        const parent = accounts.find((p) => p.code === a.parent);
        assert.ok(parent, `${a.code}: parent ${a.parent} missing`);
        assert.equal(parent.type, a.type, a.code);
        assert.ok(a.code.startsWith(a.parent), `${a.code} is coded under ${a.parent}`);
      }
    }
  });
}

test('小企业会计准则 for zh-CN companies, the generic chart otherwise, unless chosen', () => {
  assert.equal(templateFor('zh-CN'), 'cn-small-business');
  assert.equal(templateFor('en'), 'ifrs-generic');
  assert.equal(templateFor('en', 'cn-small-business'), 'cn-small-business');
  const cn = Object.fromEntries(chartTemplates['cn-small-business'].map((a) => [a.role ?? a.code, a.code]));
  assert.deepEqual(
    [cn.cash, cn.bank, cn.receivable, cn.payable, cn.grni, cn.input_vat, cn.output_vat, cn.revenue, cn.cogs],
    ['1001', '1002', '1122', '220201', '220202', '222101', '222102', '5001', '5401'],
  );
});
