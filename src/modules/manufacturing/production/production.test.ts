import assert from 'node:assert/strict';
import { test } from 'node:test';
import { componentCostPerUnit, outputValue, plannedQty, productionTransition } from './production.ts';

test('component lines scale with the order, scrap included, rounded up to 4 decimals; substitutes 0', () => {
  assert.equal(plannedQty('10', { qty: '0.5', scrapPct: '20', substituteOf: null }, '1'), '6.0000');
  assert.equal(plannedQty('1', { qty: '1', scrapPct: '0', substituteOf: null }, '3'), '0.3334');
  assert.equal(plannedQty('10', { qty: '1', scrapPct: '0', substituteOf: 'x' }, '1'), '0.0000');
});

test('output takes its components at actual cost; the last step takes all WIP left', () => {
  const lines = [
    { substituteOf: null, qtyPlanned: '20', qtyConsumed: '12', consumedValue: '60' },
    { substituteOf: null, qtyPlanned: '6', qtyConsumed: '4', consumedValue: '40' },
  ];
  const perUnit = componentCostPerUnit('10', lines);
  assert.equal(perUnit.toFixed(2), '16.00');
  const base = { consumedValue: '100', releasedValue: '0', labourPerUnit: '3', overheadPerUnit: '1' };
  const first = outputValue({ ...base, qty: '4', componentCostPerUnit: perUnit, last: false });
  assert.deepEqual(
    [first.released.toFixed(2), first.value.toFixed(2), first.unitCost.toFixed(6)],
    ['64.00', '80.00', '20.000000'],
  );
  // Never more than is in WIP; the last step everything.
  const capped = outputValue({ ...base, qty: '10', componentCostPerUnit: '16', last: false });
  assert.equal(capped.released.toFixed(2), '100.00');
  const last = outputValue({
    ...base,
    consumedValue: '165',
    releasedValue: '64',
    qty: '5',
    componentCostPerUnit: perUnit,
    last: true,
  });
  assert.deepEqual([last.value.toFixed(2), last.unitCost.toFixed(6)], ['121.00', '24.200000']);
});

test('transitions: confirm from draft or planned, work only in progress', () => {
  assert.equal(productionTransition('planned', 'confirm'), 'confirmed');
  assert.equal(productionTransition('in_progress', 'work'), 'in_progress');
  assert.throws(() => productionTransition('confirmed', 'work'), /cannot work/);
  assert.throws(() => productionTransition('done', 'cancel'), /cannot cancel/);
});
