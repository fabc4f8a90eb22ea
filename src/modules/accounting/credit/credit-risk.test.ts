import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessCredit, type PaymentBehaviour } from './credit-risk.ts';

const base: PaymentBehaviour = {
  paidTotal: '0',
  paidLateDayWeight: '0',
  open: '0',
  overdue: '0',
  invoicedRecent: '0',
  invoicedBefore: '0',
  invoicedYear: '0',
  creditedYear: '0',
  invoicedHalfYear: '0',
  termDays: 30,
};

test('a customer never invoiced is new: no score and no suggestion', () => {
  const a = assessCredit(base);
  assert.equal(a.band, 'new');
  assert.equal(a.suggestedLimit, null);
  assert.deepEqual(a.reasons, [{ code: 'no_history', params: {} }]);
});

test('pays on time, steady volume: band A, limit = 6 months of 60,000 / 6 × (1 + 1.5) = 25,000', () => {
  const a = assessCredit({
    ...base,
    paidTotal: '50000',
    paidLateDayWeight: '50000', // 1 day late on average
    open: '10000',
    invoicedRecent: '30000',
    invoicedBefore: '30000',
    invoicedYear: '110000',
    invoicedHalfYear: '60000',
  });
  assert.equal(a.score, 99);
  assert.equal(a.band, 'A');
  assert.equal(a.averageDaysLate, 1);
  assert.equal(a.suggestedLimit, '25000.00');
  assert.deepEqual(
    a.reasons.map((r) => r.code),
    ['pays_on_time', 'monthly_volume'],
  );
});

test('late, half overdue, credit notes and falling orders: every penalty counted, band D suggests 0', () => {
  const a = assessCredit({
    ...base,
    paidTotal: '20000',
    paidLateDayWeight: '500000', // 25 days late on average → −25
    open: '8000',
    overdue: '4000', // 50 % overdue → −25
    invoicedRecent: '5000',
    invoicedBefore: '10000', // −50 % → −10
    invoicedYear: '40000',
    creditedYear: '4000', // 10 % credited → −10
    invoicedHalfYear: '15000',
    termDays: 45,
  });
  assert.equal(a.score, 30);
  assert.equal(a.band, 'D');
  assert.equal(a.suggestedLimit, '0.00');
  assert.equal(a.overdueShare, 50);
  assert.deepEqual(
    a.reasons.map((r) => [r.code, r.params.percent ?? r.params.days ?? r.params.amount]),
    [
      ['pays_late', 25],
      ['overdue_share', 50],
      ['credit_notes', 10],
      ['orders_falling', 50],
      ['monthly_volume', '2500.00'],
    ],
  );
});

test('band C: 2,500 a month × (45/30 + 0.5) = 5,000 suggested', () => {
  const a = assessCredit({
    ...base,
    paidTotal: '20000',
    paidLateDayWeight: '400000', // 20 days → −20
    open: '8000',
    overdue: '2000', // 25 % → −12.5
    invoicedYear: '40000',
    invoicedHalfYear: '15000',
    termDays: 45,
  });
  assert.equal(a.score, 68); // 100 − 20 − 12.5 = 67.5 → 68
  assert.equal(a.band, 'C');
  assert.equal(a.suggestedLimit, '5000.00');
});
