import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanFactor, tick } from './scan.ts';

const product = {
  uomCode: 'PCS',
  units: [{ uomCode: 'BOX12', factor: '12.0000000000', barcode: '6900000000012' }],
};

test('a packaging barcode counts its factor, the product code one', () => {
  assert.equal(scanFactor(product, 'BOX12'), '12');
  assert.equal(scanFactor(product, 'PCS'), '1');
  assert.equal(scanFactor(product, null), '1');
  assert.equal(scanFactor(product, 'CARTON'), '1');
});

test('scans fill the lines of a product in order and say when one goes over', () => {
  const lines = [
    { id: 'a', productId: 'p1', target: '2' },
    { id: 'b', productId: 'p1', target: '1' },
    { id: 'c', productId: 'p2', target: '5' },
  ];
  let state: Record<string, string> = {};
  for (const expected of ['a', 'a', 'b']) {
    const result = tick(lines, state, 'p1', '1');
    assert.equal(result.lineId, expected);
    assert.equal(result.over, false);
    state = result.ticked;
  }
  const over = tick(lines, state, 'p1', '1');
  assert.equal(over.lineId, 'b');
  assert.equal(over.over, true);
  assert.deepEqual(over.ticked, { a: '2', b: '2' });
  assert.equal(tick(lines, state, 'p9', '1').lineId, null);
  assert.deepEqual(tick(lines, {}, 'p2', '0.5').ticked, { c: '0.5' });
});
