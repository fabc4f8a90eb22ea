import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { documentTotals, lineAmounts, priceInLineUnit } from './amounts.ts';
import { amountInChineseWords } from './words.ts';

describe('line amounts', () => {
  test('tax-exclusive: net rounded half-up to cents, tax on the rounded net', () => {
    // 3 × 19.99 × 0.95 = 56.9715 → 56.97; tax 56.97 × 0.13 = 7.4061 → 7.41
    assert.deepEqual(
      lineAmounts({
        qty: '3',
        unitPrice: '19.99',
        discountPercent: '5',
        taxRate: '0.13',
        taxIncluded: false,
      }),
      { subtotal: '56.97', tax: '7.41', total: '64.38' },
    );
  });

  test('half-up, not banker’s rounding: 0.125 → 0.13', () => {
    assert.deepEqual(
      lineAmounts({ qty: '1', unitPrice: '0.125', discountPercent: '0', taxRate: '0', taxIncluded: false }),
      { subtotal: '0.13', tax: '0.00', total: '0.13' },
    );
    // tax 0.5 × 0.13 = 0.065 → 0.07
    assert.equal(
      lineAmounts({ qty: '1', unitPrice: '0.5', discountPercent: '0', taxRate: '0.13', taxIncluded: false })
        .tax,
      '0.07',
    );
  });

  test('tax-inclusive: the amount is the total, tax = total × rate / (1 + rate)', () => {
    // 113 incl. 13 % → tax 13, net 100
    assert.deepEqual(
      lineAmounts({ qty: '1', unitPrice: '113', discountPercent: '0', taxRate: '0.13', taxIncluded: true }),
      { subtotal: '100.00', tax: '13.00', total: '113.00' },
    );
    // 2 × 9.99 = 19.98; tax 19.98 × 0.13 / 1.13 = 2.2986… → 2.30; net 17.68
    assert.deepEqual(
      lineAmounts({ qty: '2', unitPrice: '9.99', discountPercent: '0', taxRate: '0.13', taxIncluded: true }),
      { subtotal: '17.68', tax: '2.30', total: '19.98' },
    );
  });

  test('no float drift: 0.1 × 3 is 0.30', () => {
    assert.equal(
      lineAmounts({ qty: '3', unitPrice: '0.1', discountPercent: '0', taxRate: '0', taxIncluded: false })
        .total,
      '0.30',
    );
  });

  test('a discount outside 0–100 is refused', () => {
    assert.throws(() =>
      lineAmounts({ qty: '1', unitPrice: '1', discountPercent: '101', taxRate: '0', taxIncluded: false }),
    );
  });
});

describe('document totals', () => {
  test('sums the rounded lines; company total = round(total × rate)', () => {
    const lines = [
      { subtotal: '56.97', tax: '7.41', total: '64.38' },
      { subtotal: '17.68', tax: '2.30', total: '19.98' },
    ];
    assert.deepEqual(documentTotals(lines, '7.1234'), {
      subtotal: '74.65',
      taxTotal: '9.71',
      total: '84.36',
      // 84.36 × 7.1234 = 600.930024 → 600.93
      totalCompany: '600.93',
    });
  });

  test('an empty document is zero', () => {
    assert.deepEqual(documentTotals([], '1'), {
      subtotal: '0.00',
      taxTotal: '0.00',
      total: '0.00',
      totalCompany: '0.00',
    });
  });
});

test('price per line unit from a price per stock unit: box of 12 at 1.5 a piece = 18', () => {
  assert.equal(priceInLineUnit('1.5', '2', '24'), '18.0000');
  assert.equal(priceInLineUnit('0.33333', '1', '3'), '1.0000');
});

test('amount in Chinese capital numerals', () => {
  assert.equal(amountInChineseWords('12345.67'), '壹万贰仟叁佰肆拾伍元陆角柒分');
  assert.equal(amountInChineseWords('100000'), '壹拾万元整');
  assert.equal(amountInChineseWords('10000010'), '壹仟万零壹拾元整');
  assert.equal(amountInChineseWords('100001000'), '壹亿零壹仟元整');
  assert.equal(amountInChineseWords('1005.08'), '壹仟零伍元零捌分');
  assert.equal(amountInChineseWords('0.5'), '伍角整');
  assert.equal(amountInChineseWords('0'), '零元整');
});
