import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCondition, conditionContext, evaluateCondition } from './condition.ts';

test('a condition compares decimal amounts as numbers and strings as text', () => {
  const payload = { amount: '120000.0000', currency: 'CNY', number: 'SO-00012' };
  assert.deepEqual(evaluateCondition('amount > 100000 && currency == "CNY"', payload), {
    ok: true,
    matched: true,
  });
  assert.deepEqual(evaluateCondition('amount > 200000', payload), { ok: true, matched: false });
  assert.deepEqual(evaluateCondition('number == "SO-00012"', payload), { ok: true, matched: true });
  assert.deepEqual(evaluateCondition('', payload), { ok: true, matched: true });
  assert.equal(conditionContext({ code: '00123' }).code, '00123', 'codes without a decimal point stay text');
});

test('evaluation is total: missing fields, wrong types and non-boolean results answer, never throw', () => {
  const missing = evaluateCondition('customerId == "x"', { amount: 1 });
  assert.equal(missing.ok, false);
  assert.match(!missing.ok ? missing.error.message : '', /Unknown variable: customerId/);
  assert.equal(evaluateCondition('amount + "x" == "y"', { amount: 1 }).ok, false);
  assert.equal(evaluateCondition('amount', { amount: 1 }).ok, false);
  assert.equal(evaluateCondition('amount.constructor == 1', { amount: 1 }).ok, false);
  assert.equal(evaluateCondition('x.__proto__ == null', { x: {} }).ok, false);
});

test('saving checks syntax (with the position), field names, size and a boolean result', () => {
  const fields = ['amount', 'currency'];
  assert.equal(checkCondition('amount > 100000 && currency == "CNY"', fields), null);
  assert.deepEqual(checkCondition('amount > 100000 and currency == "CNY"', fields), {
    message: "Unexpected character: 'd'",
    position: 16,
  });
  assert.equal(checkCondition('amont > 1', fields)?.message, 'Unknown variable: amont');
  assert.match(checkCondition('amount + 1', fields)?.message ?? '', /true or false/);
  assert.ok(checkCondition(`amount > 1${' || amount > 1'.repeat(200)}`, fields));
  assert.equal(checkCondition('x'.repeat(2001), fields)?.position, 2000);
});
