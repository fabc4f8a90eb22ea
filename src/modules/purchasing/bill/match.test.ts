import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchLine, stateAfterMatch } from './match.ts';

test('3-way match: price either way, quantity only above what arrived unbilled', () => {
  const over = matchLine({ qty: '10', unitPrice: '110', orderPrice: '100', qtyBillable: '10' }, '2');
  assert.deepEqual(over, { priceDiffPct: '10.0000', qtyDiffPct: '0.0000', withinTolerance: false });
  const near = matchLine({ qty: '10', unitPrice: '98.5', orderPrice: '100', qtyBillable: '10' }, '2');
  assert.equal(near.withinTolerance, true);
  const tooMany = matchLine({ qty: '11', unitPrice: '100', orderPrice: '100', qtyBillable: '10' }, '2');
  assert.deepEqual(tooMany, { priceDiffPct: '0.0000', qtyDiffPct: '10.0000', withinTolerance: false });
  const fewer = matchLine({ qty: '4', unitPrice: '100', orderPrice: '100', qtyBillable: '10' }, '2');
  assert.equal(fewer.withinTolerance, true);
  const nothingArrived = matchLine({ qty: '1', unitPrice: '100', orderPrice: '100', qtyBillable: '0' }, '2');
  assert.equal(nothingArrived.qtyDiffPct, '100.0000');
  assert.equal(stateAfterMatch([near, over]), 'match_blocked');
  assert.equal(stateAfterMatch([near, fewer]), 'matched');
});
