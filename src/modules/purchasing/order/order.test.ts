import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  lineAmounts,
  needsApproval,
  orderTotals,
  stateAfterReceipt,
  transition,
  unitCostCompany,
} from './order.ts';

test('line amounts round per line; a tax-included price splits the total', () => {
  assert.deepEqual(lineAmounts({ qty: '3', unitPrice: '3.333', taxRate: '0.13', taxIncluded: false }), {
    subtotal: '10.00',
    tax: '1.30',
    total: '11.30',
  });
  assert.deepEqual(lineAmounts({ qty: '1', unitPrice: '113', taxRate: '0.13', taxIncluded: true }), {
    subtotal: '100.00',
    tax: '13.00',
    total: '113.00',
  });
  assert.deepEqual(orderTotals([{ subtotal: '10.00', tax: '1.30', total: '11.30' }], '7.1'), {
    subtotal: '10.00',
    taxTotal: '1.30',
    total: '11.30',
    totalCompany: '80.23',
  });
  assert.equal(unitCostCompany({ qty: '3', subtotal: '10.00' }, '1'), '3.333333');
});

test('states: the table decides; receipts move to partly received, then received', () => {
  assert.equal(transition('draft', 'sent'), 'sent');
  assert.throws(() => transition('received', 'draft'), /cannot go from received to draft/);
  assert.equal(
    stateAfterReceipt([
      { qty: '10', qtyReceived: '4' },
      { qty: '2', qtyReceived: '2' },
    ]),
    'partly_received',
  );
  assert.equal(stateAfterReceipt([{ qty: '10', qtyReceived: '10' }]), 'received');
  assert.equal(needsApproval('1000.01', '1000'), true);
  assert.equal(needsApproval('1000.00', '1000'), false);
  assert.equal(needsApproval('1e9', null), false);
});
