import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError } from '../../../platform/errors.ts';
import { lowLevelCodes } from './low-level-codes.ts';
import { lotSize, type MrpInput, planMrp } from './mrp.ts';

const WH = 'wh';
const so = (id: string) => ({ type: 'sales_order', id, number: id });

/**
 * The worked example (issue 6): today is 2025-03-10.
 *
 *   A (make, 2 days)  = 2 × B + 1 × C + 1 × D
 *   B (make, 3 days)  = 1.5 × D (scrap included)
 *   C (buy, 5 days, minimum order 12)
 *   D (buy, 14 days, reorder rule min 10 / max 40, multiple 25)
 *
 * D sits under A and under B: its low-level code is 2, so it is netted once, after A and B.
 * On hand − reserved: A 5, B 4, C 0, D 20. Open receipts: C 10 on 03-10, D 30 on 03-12.
 * Demand: SO-1 15 A on 03-20, SO-2 10 A on 03-25.
 *
 * A (level 0), projected 5:
 *   03-20: 5 − 15 = −10 → make 10 A, need 03-20, release 03-18 (−2 days); pegs SO-1 10 (5 came from stock)
 *   03-25: 0 − 10 = −10 → make 10 A, need 03-25, release 03-23; pegs SO-2 10
 *   each A proposal needs 2 × 10 = 20 B, 10 C, 10 D on its release date (03-18, 03-23)
 * B (level 1), projected 4:
 *   03-18: 4 − 20 = −16 → make 16 B, release 03-15 (−3 days); pegs the first A proposal 16 → 24 D on 03-15
 *   03-23: 0 − 20 = −20 → make 20 B, release 03-20; pegs the second A proposal 20 → 30 D on 03-20
 * C (level 1), projected 0:
 *   03-18: + receipt 10 (03-10) − 10 = 0 → nothing
 *   03-23: 0 − 10 = −10 → buy 12 C (minimum order), need 03-23, release 03-18 (−5 days); 2 left over
 * D (level 2), projected 20, floor (min) 10:
 *   03-10 (today, the rule's check): 20 ≥ 10 → nothing
 *   03-15: + receipt 30 (03-12) = 50; − 24 = 26 → nothing
 *   03-18: 26 − 10 = 16 → nothing
 *   03-20: 16 − 30 = −14 < 10 → refill to max: 40 − (−14) = 54, rounded up to the multiple 25 → buy 75 D;
 *          release 03-20 − 14 days = 03-06 is before today → released today 03-10, flagged late;
 *          pegs: of the 30 for the second B proposal, 6 were free above the min, 24 are pegged;
 *          the other 54 − 24 = 30 refill to max and peg the reorder rule. Projected 61.
 *   03-23: 61 − 10 = 51 → nothing
 */
function workedExample(): MrpInput {
  return {
    today: '2025-03-10',
    items: [
      { productId: 'A', method: 'make', leadTimeDays: 2 },
      { productId: 'B', method: 'make', leadTimeDays: 3 },
      { productId: 'C', method: 'buy', leadTimeDays: 5, minOrderQty: '12' },
      { productId: 'D', method: 'buy', leadTimeDays: 14 },
    ],
    boms: [
      {
        productId: 'A',
        bomId: 'bom-A',
        leadTimeDays: 2,
        components: [
          { productId: 'B', qtyPerUnit: '2' },
          { productId: 'C', qtyPerUnit: '1' },
          { productId: 'D', qtyPerUnit: '1' },
        ],
      },
      {
        productId: 'B',
        bomId: 'bom-B',
        leadTimeDays: 3,
        components: [{ productId: 'D', qtyPerUnit: '1.5' }],
      },
    ],
    rules: [
      {
        id: 'rule-D',
        productId: 'D',
        warehouseId: WH,
        route: 'reorder',
        minQty: '10',
        maxQty: '40',
        multiple: '25',
      },
    ],
    stock: [
      { productId: 'A', warehouseId: WH, available: '5' },
      { productId: 'B', warehouseId: WH, available: '4' },
      { productId: 'D', warehouseId: WH, available: '20' },
    ],
    supply: [
      { productId: 'C', warehouseId: WH, date: '2025-03-10', qty: '10' },
      { productId: 'D', warehouseId: WH, date: '2025-03-12', qty: '30' },
    ],
    demand: [
      { productId: 'A', warehouseId: WH, date: '2025-03-25', qty: '10', origin: so('SO-2') },
      { productId: 'A', warehouseId: WH, date: '2025-03-20', qty: '15', origin: so('SO-1') },
    ],
  };
}

test('the worked example: every proposal, its dates and what it covers', () => {
  const { proposals, counts } = planMrp(workedExample());
  const rows = proposals.map((p) => [p.id, p.kind, p.productId, p.qty, p.releaseDate, p.needDate, p.late]);
  assert.deepEqual(rows, [
    ['proposal-1', 'make', 'A', '10.0000', '2025-03-18', '2025-03-20', false],
    ['proposal-2', 'make', 'A', '10.0000', '2025-03-23', '2025-03-25', false],
    ['proposal-3', 'make', 'B', '16.0000', '2025-03-15', '2025-03-18', false],
    ['proposal-4', 'make', 'B', '20.0000', '2025-03-20', '2025-03-23', false],
    ['proposal-5', 'buy', 'C', '12.0000', '2025-03-18', '2025-03-23', false],
    ['proposal-6', 'buy', 'D', '75.0000', '2025-03-10', '2025-03-20', true],
  ]);
  const pegs = Object.fromEntries(
    proposals.map((p) => [p.id, p.pegging.map((g) => `${g.type}:${g.id}:${g.qty}@${g.date}`)]),
  );
  assert.deepEqual(pegs, {
    'proposal-1': ['sales_order:SO-1:10.0000@2025-03-20'],
    'proposal-2': ['sales_order:SO-2:10.0000@2025-03-25'],
    'proposal-3': ['mrp_proposal:proposal-1:16.0000@2025-03-18'],
    'proposal-4': ['mrp_proposal:proposal-2:20.0000@2025-03-23'],
    'proposal-5': ['mrp_proposal:proposal-2:10.0000@2025-03-23'],
    'proposal-6': ['mrp_proposal:proposal-4:24.0000@2025-03-20', 'reorder_rule:rule-D:30.0000@2025-03-20'],
  });
  assert.equal(proposals[0].bomId, 'bom-A');
  assert.equal(proposals[5].bomId, null);
  // A, B, C, D planned once each; 2 sales demands; 3 components × 2 A + 1 × 2 B exploded.
  assert.deepEqual(counts, { planned: 4, demands: 2, dependentDemands: 8, levels: 3, late: 1 });
});

test('low-level codes put a component below its deepest parent; a cycle is refused', () => {
  const codes = lowLevelCodes(
    new Map([
      ['A', ['B', 'D']],
      ['B', ['D']],
    ]),
  );
  assert.deepEqual(Object.fromEntries(codes), { A: 0, B: 1, D: 2 });
  try {
    lowLevelCodes(
      new Map([
        ['A', ['B']],
        ['B', ['C']],
        ['C', ['B']],
      ]),
    );
    assert.fail('a cycle must be refused');
  } catch (error) {
    assert.equal((error as AppError).code, 'manufacturing.bom_cycle');
    assert.deepEqual((error as AppError).details, { productIds: ['B', 'C'] });
  }
});

test('lot sizing: the minimum order first, then up to the multiple', () => {
  assert.equal(lotSize('3'), '3.0000');
  assert.equal(lotSize('3', '12'), '12.0000');
  assert.equal(lotSize('13', '12', '5'), '15.0000');
  assert.equal(lotSize('54', undefined, '25'), '75.0000');
  assert.equal(lotSize('0.3', undefined, '0.25'), '0.5000');
});

test('make-to-order covers each demand on its own; stock and supply are used first', () => {
  const { proposals } = planMrp({
    today: '2025-01-01',
    items: [{ productId: 'X', method: 'buy', leadTimeDays: 3 }],
    boms: [],
    rules: [
      { id: 'r', productId: 'X', warehouseId: WH, route: 'mto', minQty: '0', maxQty: '0', multiple: '0' },
    ],
    stock: [{ productId: 'X', warehouseId: WH, available: '4' }],
    supply: [{ productId: 'X', warehouseId: WH, date: '2024-12-20', qty: '1' }],
    demand: [
      { productId: 'X', warehouseId: WH, date: '2025-01-02', qty: '3', origin: so('S1') },
      { productId: 'X', warehouseId: WH, date: '2025-01-02', qty: '6', origin: so('S2') },
      { productId: 'X', warehouseId: WH, date: '2025-01-10', qty: '2', origin: so('S3') },
    ],
  });
  // 4 on hand + 1 overdue receipt (counts today) = 5: S1 takes 3, S2 takes 2 and needs 4 more; S3 needs 2.
  assert.deepEqual(
    proposals.map((p) => [
      p.qty,
      p.releaseDate,
      p.needDate,
      p.late,
      p.pegging.map((g) => `${g.id}:${g.qty}`),
    ]),
    [
      ['4.0000', '2025-01-01', '2025-01-02', true, ['S2:4.0000']],
      ['2.0000', '2025-01-07', '2025-01-10', false, ['S3:2.0000']],
    ],
  );
});

test('a reorder rule refills to max today even without demand; past demand is needed today', () => {
  const { proposals } = planMrp({
    today: '2025-01-01',
    items: [],
    boms: [],
    rules: [
      {
        id: 'r',
        productId: 'Y',
        warehouseId: WH,
        route: 'reorder',
        minQty: '5',
        maxQty: '20',
        multiple: '0',
      },
    ],
    stock: [{ productId: 'Y', warehouseId: WH, available: '2' }],
    supply: [],
    demand: [{ productId: 'Z', warehouseId: WH, date: '2024-12-01', qty: '1', origin: so('OLD') }],
  });
  assert.deepEqual(
    proposals.map((p) => [p.productId, p.kind, p.qty, p.releaseDate, p.needDate, p.late, p.pegging[0].type]),
    [
      ['Y', 'buy', '18.0000', '2025-01-01', '2025-01-01', false, 'reorder_rule'],
      ['Z', 'buy', '1.0000', '2025-01-01', '2025-01-01', false, 'sales_order'],
    ],
  );
});

test('a 7-day planning period: one proposal per period, due on its first demand, its components too', () => {
  const { proposals } = planMrp({
    today: '2025-01-01',
    periodDays: 7,
    items: [
      { productId: 'K', method: 'make', leadTimeDays: 1 },
      { productId: 'M', method: 'buy', leadTimeDays: 2 },
    ],
    boms: [
      { productId: 'K', bomId: 'b', leadTimeDays: 1, components: [{ productId: 'M', qtyPerUnit: '2' }] },
    ],
    rules: [],
    stock: [],
    supply: [],
    demand: [
      { productId: 'K', warehouseId: WH, date: '2025-01-03', qty: '1', origin: so('S1') },
      { productId: 'K', warehouseId: WH, date: '2025-01-06', qty: '2', origin: so('S2') },
      { productId: 'K', warehouseId: WH, date: '2025-01-10', qty: '4', origin: so('S3') },
    ],
  });
  // Periods 01-01…01-07 and 01-08…01-14. K: 3 due 01-03 (S1 + S2), 4 due 01-10. M: 6 on 01-02, 8 on 01-09
  // fall in the two periods → two buys, each due on its own first need.
  assert.deepEqual(
    proposals.map((p) => [p.productId, p.qty, p.releaseDate, p.needDate, p.pegging.length]),
    [
      ['K', '3.0000', '2025-01-02', '2025-01-03', 2],
      ['K', '4.0000', '2025-01-09', '2025-01-10', 1],
      ['M', '6.0000', '2025-01-01', '2025-01-02', 1],
      ['M', '8.0000', '2025-01-07', '2025-01-09', 1],
    ],
  );
});
