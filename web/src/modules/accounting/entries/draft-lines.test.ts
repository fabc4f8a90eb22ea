import assert from 'node:assert/strict';
import { test } from 'node:test';
import { balanceOf, type DraftLine, lineInput } from './draft-lines.ts';

const line = (accountId: string | null, debit: string, credit: string): DraftLine => ({
  key: `${accountId}-${debit}-${credit}`,
  accountId,
  debit,
  credit,
  description: '',
});

test('a line needs an account and exactly one of debit and credit above zero', () => {
  assert.deepEqual(lineInput(line('bank', '100', '')), {
    accountId: 'bank',
    debit: '100.00',
    description: undefined,
  });
  assert.deepEqual(lineInput(line('cash', '', '0.5')), {
    accountId: 'cash',
    credit: '0.50',
    description: undefined,
  });
  assert.equal(lineInput(line(null, '100', '')), null, 'no account');
  assert.equal(lineInput(line('bank', '100', '100')), null, 'both sides');
  assert.equal(lineInput(line('bank', '0', '')), null, 'zero');
  assert.equal(lineInput(line('bank', '1.234', '')), null, 'three decimals');
  assert.equal(lineInput(line('bank', '-5', '')), null, 'negative');
});

test('posting is allowed only when two or more complete lines balance, to the cent', () => {
  const unbalanced = balanceOf([line('bank', '500', ''), line('cash', '', '450')]);
  assert.equal(unbalanced.difference.toFixed(2), '50.00');
  assert.equal(unbalanced.postable, false);
  const balanced = balanceOf([line('bank', '0.1', ''), line('bank', '0.2', ''), line('cash', '', '0.3')]);
  assert.equal(balanced.difference.toFixed(2), '0.00', 'no float drift: 0.1 + 0.2 = 0.3');
  assert.equal(balanced.postable, true);
  assert.equal(
    balanceOf([line('bank', '10', ''), line(null, '', '10')]).postable,
    false,
    'a line without account',
  );
  assert.equal(balanceOf([line('bank', '10', '')]).postable, false, 'one line');
});
