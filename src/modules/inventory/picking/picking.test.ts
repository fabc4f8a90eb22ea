import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import type { AppError } from '../../../platform/errors.ts';
import { documentNumber, planQuantities, remainders, shippedSummary, transition } from './picking.ts';
import { e, renderPrintPage } from './print-note.ts';

const lines = [
  { id: 'a', qty: '6.0000', qtyDone: '0.0000', reservedQty: '6.0000' },
  { id: 'b', qty: '5.0000', qtyDone: '0.0000', reservedQty: '3.0000' },
  { id: 'c', qty: '2.0000', qtyDone: '0.0000', reservedQty: '0.0000' },
];

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'no error';
};

test('deliveries ship from waiting to packed, never twice; receipts validate from draft', () => {
  assert.equal(transition('delivery', 'waiting', 'ship'), 'done');
  assert.equal(transition('delivery', 'ready', 'pick'), 'picked');
  assert.equal(transition('delivery', 'picked', 'pack'), 'packed');
  assert.equal(
    code(() => transition('delivery', 'done', 'ship')),
    'inventory.picking_state',
  );
  assert.equal(
    code(() => transition('delivery', 'ready', 'pack')),
    'inventory.picking_state',
  );
  assert.equal(
    code(() => transition('delivery', 'cancelled', 'cancel')),
    'inventory.picking_state',
  );
  assert.equal(
    code(() => transition('receipt', 'draft', 'ship')),
    'inventory.picking_state',
  );
  assert.equal(transition('receipt', 'draft', 'validate'), 'done');
});

test('without a request everything reserved ships; a request names lines and quantities', () => {
  assert.deepEqual(
    planQuantities(lines, undefined).map((p) => [p.lineId, p.qty.toFixed(4)]),
    [
      ['a', '6.0000'],
      ['b', '3.0000'],
    ],
  );
  const asked = planQuantities(lines, [{ lineId: 'c', qty: '2', lotNo: ' L1 ' }]);
  assert.deepEqual([asked[0].qty.toFixed(0), asked[0].lotNo], ['2', 'L1']);
  assert.equal(
    code(() => planQuantities(lines, [{ lineId: 'x', qty: '1' }])),
    'inventory.line_unknown',
  );
  assert.equal(
    code(() => planQuantities(lines, [{ lineId: 'a', qty: '7' }])),
    'inventory.qty_exceeds_demand',
  );
  assert.equal(
    code(() =>
      planQuantities(lines, [
        { lineId: 'a', qty: '1' },
        { lineId: 'a', qty: '1' },
      ]),
    ),
    'inventory.line_repeated',
  );
  assert.equal(
    code(() => planQuantities([{ id: 'z', qty: '1', qtyDone: '0', reservedQty: '0' }], undefined)),
    'inventory.nothing_to_ship',
  );
});

test('remainders, numbers and the timeline summary', () => {
  const done = new Map([
    ['a', new Decimal(6)],
    ['b', new Decimal(1)],
  ]);
  assert.deepEqual(
    remainders(lines, done).map((r) => [r.lineId, r.qty.toFixed(4)]),
    [
      ['b', '4.0000'],
      ['c', '2.0000'],
    ],
  );
  assert.equal(documentNumber('DO', '2026', 1), 'DO-2026-00001');
  assert.equal(
    shippedSummary('DO-2026-00001', 3, 'SF Express', 'SF123'),
    'Delivery DO-2026-00001 shipped: 3 lines, SF Express SF123',
  );
  assert.equal(shippedSummary('DO-2026-00002', 1, '', ''), 'Delivery DO-2026-00002 shipped: 1 line');
});

test('the print page escapes every value', () => {
  assert.equal(
    e(`<img src=x onerror="a('b')">&`),
    '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
  );
  const html = renderPrintPage(
    {
      kind: 'delivery',
      companyName: '<b>Co</b>',
      number: 'DO-1',
      date: '2026-01-01',
      originNumber: '"><script>1</script>',
      customerName: '</td><script>alert(1)</script>',
      shipTo: { address: '<svg onload=x>' },
      carrier: '<i>SF</i>',
      trackingNo: "'",
      reason: '',
      returnOfNumber: null,
      lines: [{ lineNo: 1, sku: '<s>', name: '<u>n</u>', qty: '2.5000', unit: 'PCS', lots: ['<L1>'] }],
    },
    'en',
  );
  assert.ok(!/<script|<svg|<img|<u>|<i>|<s>|<b>Co/.test(html));
  assert.match(html, />2\.5</);
  assert.match(html, /Shipped by/);
});
