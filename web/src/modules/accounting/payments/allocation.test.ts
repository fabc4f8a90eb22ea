import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InvoiceSummary } from '../types.ts';
import { suggestAllocations } from './allocation.ts';

const invoice = (id: string, residual: string) => ({ id, residual }) as InvoiceSummary;

test('a payment settles the oldest invoices first, each at most its residual, the last one partly', () => {
  const open = [invoice('a', '100.00'), invoice('b', '250.50'), invoice('c', '80.00')];
  assert.deepEqual(suggestAllocations('300', open), { a: '100.00', b: '200.00' });
  assert.deepEqual(suggestAllocations('500', open), { a: '100.00', b: '250.50', c: '80.00' });
  assert.deepEqual(suggestAllocations('0.10', open), { a: '0.10' });
});

test('no amount, or not a number, suggests nothing', () => {
  const open = [invoice('a', '100.00')];
  assert.deepEqual(suggestAllocations('', open), {});
  assert.deepEqual(suggestAllocations('abc', open), {});
});
