import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import { settlementEntryLines } from './booking.ts';
import { paymentSplit, settle, settles } from './payment.ts';

const usdInvoice = {
  id: 'i1',
  number: 'INV-1',
  kind: 'customer_invoice' as const,
  currency: 'USD',
  rate: '7.1',
  residual: '100.00',
  residualCompany: '710.00',
};

test('a receipt at a higher rate than the invoice gains; a payment of a bill at a higher rate loses', () => {
  const gain = settle('inbound', usdInvoice, '100', '7.25');
  assert.deepEqual(
    [gain.invoiceAmountCompany, gain.paymentAmountCompany, gain.fxDifference],
    ['710.00', '725.00', '15.00'],
  );
  assert.deepEqual([gain.residual, gain.residualCompany], ['0.00', '0.00']);
  const bill = { ...usdInvoice, kind: 'supplier_bill' as const };
  const loss = settle('outbound', bill, '40', '7.25');
  assert.deepEqual(
    [loss.invoiceAmountCompany, loss.paymentAmountCompany, loss.fxDifference],
    ['284.00', '290.00', '-6.00'],
  );
  assert.deepEqual([loss.residual, loss.residualCompany], ['60.00', '426.00']);
  assert.throws(() => settle('inbound', usdInvoice, '100.01', '7'), /more than the invoice still owes/);
  assert.equal(settles('inbound', 'customer_invoice'), true);
  assert.equal(settles('inbound', 'supplier_bill'), false);
  assert.equal(settles('outbound', 'customer_credit_note'), true);
});

test('the last part of a settled invoice clears exactly what is left in company currency', () => {
  const odd = { ...usdInvoice, rate: '7.123', residual: '3.00', residualCompany: '21.37' };
  const first = settle('inbound', odd, '1', '7.123'); // 7.12
  const rest = settle(
    'inbound',
    { ...odd, residual: first.residual, residualCompany: first.residualCompany },
    '2',
    '7.123',
  );
  assert.deepEqual(
    [first.invoiceAmountCompany, rest.invoiceAmountCompany, rest.residualCompany],
    ['7.12', '14.25', '0.00'],
  );
  assert.equal(rest.fxDifference, '0.00');
});

test('a payment’s rest stays unallocated; a rounding gap goes to the last settlement and the entry balances', () => {
  const parts = [
    settle(
      'inbound',
      { ...usdInvoice, id: 'a', residual: '0.33', residualCompany: '0.99', rate: '3' },
      '0.33',
      '3.333',
    ),
  ];
  const split = paymentSplit('0.33', '1.10', parts);
  assert.deepEqual([split.unallocated, split.unallocatedCompany], ['0.00', '0.00']);
  const lines = settlementEntryLines({
    direction: 'inbound',
    partnerId: 'p',
    currency: 'USD',
    rate: '3.333',
    label: 'RCV-1',
    source: { accountId: 'bank', amount: '0.33', amountCompany: '1.10' },
    settlements: split.settlements.map((s) => ({
      ...s,
      partnerAccountId: 'ar',
      invoiceRate: '3',
      invoiceNumber: 'A',
      invoiceTotal: '1',
    })),
    advance: null,
    fx: { gain: 'gain', loss: 'loss' },
  });
  const sum = (k: 'debit' | 'credit') => lines.reduce((s, l) => s.plus(l[k] ?? 0), new Decimal(0)).toFixed(2);
  assert.deepEqual([sum('debit'), sum('credit')], ['1.10', '1.10']);
  const over = paymentSplit('500', '500.00', [
    settle('inbound', { ...usdInvoice, rate: '1', residualCompany: '100.00' }, '100', '1'),
  ]);
  assert.deepEqual([over.unallocated, over.unallocatedCompany], ['400.00', '400.00']);
});
