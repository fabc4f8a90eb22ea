import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoiceEntryLines } from './booking.ts';
import {
  dueDateFor,
  inCompanyCurrency,
  invoiceTotals,
  lineAmounts,
  numberSeries,
  paymentStateOf,
  transition,
} from './invoice.ts';

test('line amounts are rounded per line, price exclusive or inclusive of tax', () => {
  const line = (
    quantity: string,
    unitPrice: string,
    taxRate: string,
    taxIncluded = false,
    discountPercent = '0',
  ) => lineAmounts({ quantity, unitPrice, taxRate, taxIncluded, discountPercent });
  assert.deepEqual(line('3', '33.33', '0.13'), { net: '99.99', tax: '13.00', total: '112.99' });
  assert.deepEqual(line('1', '113', '0.13', true), { net: '100.00', tax: '13.00', total: '113.00' });
  assert.deepEqual(line('1', '0.05', '0.13'), { net: '0.05', tax: '0.01', total: '0.06' }); // 0.0065 → 0.01
  assert.deepEqual(line('7', '9.99', '0.06', false, '12.5'), { net: '61.19', tax: '3.67', total: '64.86' });
  assert.deepEqual(line('2', '10', '0'), { net: '20.00', tax: '0.00', total: '20.00' });
  assert.throws(() => line('1', '1', '0', false, '101'), RangeError);
});

test('company amounts convert net and tax per line; totals are plain sums', () => {
  const a = inCompanyCurrency({ net: '33.33', tax: '4.33', total: '37.66' }, '7.1234');
  assert.deepEqual([a.netCompany, a.taxCompany], ['237.42', '30.84']);
  const b = inCompanyCurrency({ net: '0.01', tax: '0.00', total: '0.01' }, '7.1234');
  assert.deepEqual(invoiceTotals([a, b]), {
    untaxed: '33.34',
    tax: '4.33',
    total: '37.67',
    untaxedCompany: '237.49',
    taxCompany: '30.84',
    totalCompany: '268.33',
  });
});

test('the entry of an invoice, a credit note and a bill balances and sides are right', () => {
  const lines = [
    {
      accountId: 'rev',
      net: '100.00',
      tax: '13.00',
      netCompany: '710.00',
      taxCompany: '92.30',
      description: 'A',
    },
    {
      accountId: 'rev',
      net: '50.00',
      tax: '0.00',
      netCompany: '355.00',
      taxCompany: '0.00',
      description: 'B',
    },
  ];
  const doc = {
    number: 'X',
    partnerId: 'p',
    currency: 'USD',
    rate: '7.1',
    total: '163.00',
    totalCompany: '1157.30',
    lines,
  };
  const accounts = { partner: 'ar', tax: 'vat' };
  const inv = invoiceEntryLines({ ...doc, kind: 'customer_invoice' }, accounts);
  assert.deepEqual(
    inv.map((l) => [l.accountId, l.debit ?? '', l.credit ?? '', l.amountCurrency]),
    [
      ['ar', '1157.30', '', '163.00'],
      ['rev', '', '1065.00', '-150.00'],
      ['vat', '', '92.30', '-13.00'],
    ],
  );
  const note = invoiceEntryLines({ ...doc, kind: 'customer_credit_note' }, accounts);
  assert.deepEqual(
    note.map((l) => [l.accountId, l.debit ?? '', l.credit ?? '']),
    [
      ['ar', '', '1157.30'],
      ['rev', '1065.00', ''],
      ['vat', '92.30', ''],
    ],
  );
  const bill = invoiceEntryLines({ ...doc, kind: 'supplier_bill' }, { partner: 'ap', tax: 'in' });
  assert.deepEqual(
    bill.map((l) => [l.accountId, l.debit ?? '', l.credit ?? '']),
    [
      ['ap', '', '1157.30'],
      ['rev', '1065.00', ''],
      ['in', '92.30', ''],
    ],
  );
});

test('numbers, transitions, payment state and due dates', () => {
  assert.equal(numberSeries('customer_invoice', '2026-03-04').key, 'accounting.invoice:sales:2026');
  assert.equal(numberSeries('customer_credit_note', '2026-03-04').format(12), 'RINV-2026-000012');
  assert.equal(numberSeries('supplier_bill', '2027-01-01').format(1), 'BILL-2027-000001');
  assert.equal(transition('draft', 'posted'), 'posted');
  assert.throws(() => transition('cancelled', 'posted'), /cannot go from cancelled to posted/);
  assert.throws(() => transition('posted', 'draft'));
  assert.deepEqual(
    [paymentStateOf('100', '100'), paymentStateOf('100', '0.01'), paymentStateOf('100', '0')],
    ['not_paid', 'partial', 'paid'],
  );
  assert.equal(dueDateFor('2026-01-31', { dueDays: 30, endOfMonth: false }), '2026-03-02');
  assert.equal(dueDateFor('2026-01-15', { dueDays: 30, endOfMonth: true }), '2026-03-02');
  assert.equal(dueDateFor('2026-01-15', null), '2026-01-15');
});
