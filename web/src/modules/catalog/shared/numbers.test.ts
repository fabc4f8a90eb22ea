import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAmount, formatPrice, formatQty, PERCENT, QTY, SIGNED_QTY, sign } from './numbers.ts';

test('quantities drop trailing zeros and group thousands, without going through a float', () => {
  assert.equal(formatQty('12.5000'), '12.5');
  assert.equal(formatQty('1234567.0001'), '1,234,567.0001');
  assert.equal(formatQty('-3'), '-3');
  assert.equal(formatQty(null), '—');
  assert.equal(formatQty('abc'), '—');
});

test('amounts keep their cents exactly, rounded half-up', () => {
  assert.equal(formatAmount('9007199254740993.01', 'CNY'), 'CNY 9,007,199,254,740,993.01');
  assert.equal(formatAmount('0.125'), '0.13');
  assert.equal(formatAmount('-0.001'), '0.00');
  assert.equal(formatPrice('2.1250', 'CNY'), 'CNY 2.125');
  assert.equal(formatPrice('128.0000'), '128.00');
});

test('what a person may type', () => {
  assert.ok(QTY.test('12.5') && !QTY.test('-1') && !QTY.test('1e3') && !QTY.test('1.23456'));
  assert.ok(SIGNED_QTY.test('-2.5') && !SIGNED_QTY.test('--2'));
  assert.ok(PERCENT.test('100') && PERCENT.test('12.5') && !PERCENT.test('100.5') && !PERCENT.test('101'));
  assert.equal(sign('-0.0001'), -1);
  assert.equal(sign('0.000'), 0);
  assert.equal(sign(''), 0);
});
