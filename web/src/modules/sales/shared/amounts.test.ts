import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentTotals, lineAmounts, shortfall, toBase } from './amounts.ts';

test('a tax-exclusive line rounds the net to cents, then the tax', () => {
  assert.deepEqual(
    lineAmounts({ qty: '3', unitPrice: '0.1', discountPercent: '0', taxRate: '0.13', taxIncluded: false }),
    { subtotal: '0.30', tax: '0.04', total: '0.34' },
  );
  assert.deepEqual(
    lineAmounts({
      qty: '7',
      unitPrice: '12.345',
      discountPercent: '12.5',
      taxRate: '0.13',
      taxIncluded: false,
    }),
    { subtotal: '75.61', tax: '9.83', total: '85.44' },
  );
});

test('a tax-inclusive line keeps the rounded amount as the total and takes the tax out of it', () => {
  assert.deepEqual(
    lineAmounts({ qty: '1', unitPrice: '113', discountPercent: '0', taxRate: '0.13', taxIncluded: true }),
    { subtotal: '100.00', tax: '13.00', total: '113.00' },
  );
  assert.deepEqual(
    lineAmounts({ qty: '3', unitPrice: '9.99', discountPercent: '5', taxRate: '0.09', taxIncluded: true }),
    { subtotal: '26.12', tax: '2.35', total: '28.47' },
  );
});

test('header totals add the rounded lines and count the incomplete ones', () => {
  const a = lineAmounts({
    qty: '2',
    unitPrice: '1999.995',
    discountPercent: '0',
    taxRate: '0.13',
    taxIncluded: false,
  });
  const b = lineAmounts({
    qty: '',
    unitPrice: '10',
    discountPercent: '0',
    taxRate: '0.13',
    taxIncluded: false,
  });
  const c = lineAmounts({
    qty: '1',
    unitPrice: '0.01',
    discountPercent: '0',
    taxRate: '0',
    taxIncluded: false,
  });
  assert.equal(b, null);
  assert.deepEqual(documentTotals([a, b, c]), {
    subtotal: '4000.00',
    taxTotal: '520.00',
    total: '4520.00',
    incomplete: 1,
  });
});

test('a discount outside 0–100 is not a line yet', () => {
  assert.equal(
    lineAmounts({ qty: '1', unitPrice: '1', discountPercent: '101', taxRate: '0', taxIncluded: false }),
    null,
  );
});

test('shortfall and stock-unit quantities', () => {
  assert.equal(shortfall('10', '4.5'), '5.5');
  assert.equal(shortfall('3', '10'), '0');
  assert.equal(shortfall('3', '-2'), '3');
  assert.equal(toBase('2', '12'), '24');
  assert.equal(toBase('0.5', '0.001'), '0.0005');
});
