import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestRule, orderLists, type RuleCandidate, rulePrice } from './pricing.ts';

let n = 0;
const rule = (r: Partial<RuleCandidate>): RuleCandidate => ({
  id: `r${String(++n).padStart(3, '0')}`,
  priceListId: 'L',
  productId: null,
  categoryId: null,
  minQty: '0',
  price: null,
  discountPercent: null,
  validFrom: null,
  validTo: null,
  ...r,
});

test('lists: customer over group over everyone, then priority, then code', () => {
  const lists = [
    { id: '1', code: 'ALL-HI', customerId: null, customerGroup: null, priority: 9 },
    { id: '2', code: 'VIP', customerId: null, customerGroup: 'VIP', priority: 0 },
    { id: '3', code: 'ALL-LO', customerId: null, customerGroup: null, priority: 1 },
    { id: '4', code: 'ACME', customerId: 'c1', customerGroup: null, priority: -5 },
    { id: '5', code: 'ALL-A', customerId: null, customerGroup: null, priority: 1 },
  ];
  assert.deepEqual(
    orderLists(lists).map((l) => l.code),
    ['ACME', 'VIP', 'ALL-HI', 'ALL-A', 'ALL-LO'],
  );
});

test('rules: product over category (nearest first) over all; highest min qty reached; dates', () => {
  const product = { id: 'p', categoryPath: ['child', 'root'] };
  const all = rule({ discountPercent: '3' });
  const root = rule({ categoryId: 'root', discountPercent: '5' });
  const child = rule({ categoryId: 'child', minQty: '10', discountPercent: '6' });
  const own = rule({ productId: 'p', minQty: '100', price: '2' });
  const own500 = rule({ productId: 'p', minQty: '500', price: '1.9' });
  const promo = rule({
    productId: 'p',
    minQty: '100',
    price: '1.5',
    validFrom: '2026-06-01',
    validTo: '2026-06-30',
  });
  const other = rule({ productId: 'q', price: '1' });
  const rules = [all, root, child, own, own500, promo, other];
  assert.equal(bestRule(rules, product, '1', '2026-01-01'), root);
  assert.equal(bestRule(rules, product, '10', '2026-01-01'), child);
  assert.equal(bestRule(rules, product, '99.9999', '2026-01-01'), child);
  assert.equal(bestRule(rules, product, '100', '2026-01-01'), own);
  assert.equal(
    bestRule(rules, product, '100', '2026-06-30'),
    promo,
    'a dated promotion overrides the standing rule',
  );
  assert.equal(bestRule(rules, product, '100', '2026-07-01'), own);
  assert.equal(bestRule(rules, product, '500', '2026-06-15'), own500);
  assert.equal(bestRule(rules, { id: 'z', categoryPath: [] }, '1', '2026-01-01'), all);
  assert.equal(bestRule([other], product, '1', '2026-01-01'), undefined);
});

test('rule prices: fixed, or a percentage off the list price, to 4 decimals half up', () => {
  assert.equal(rulePrice({ price: '2.2', discountPercent: null }, '9').toFixed(4), '2.2000');
  assert.equal(rulePrice({ price: null, discountPercent: '3' }, '21.50').toFixed(4), '20.8550');
  assert.equal(rulePrice({ price: null, discountPercent: '33.3333' }, '0.35').toFixed(4), '0.2333');
  assert.equal(rulePrice({ price: null, discountPercent: '12.5' }, '0.0003').toFixed(4), '0.0003');
  assert.equal(rulePrice({ price: null, discountPercent: '100' }, '5').toFixed(4), '0.0000');
});
