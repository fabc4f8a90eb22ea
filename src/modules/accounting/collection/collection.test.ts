import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCollected } from './collection.ts';

const lines = [
  { id: 'b', position: 2, dueDate: '2026-12-31', amount: '40000', note: '' },
  { id: 'a', position: 1, dueDate: '2026-11-30', amount: '30000', note: '' },
  { id: 'c', position: 3, dueDate: '2027-01-31', amount: '30000', note: '' },
];

test('collected money pays the earliest instalments first', () => {
  const out = applyCollected(lines, '45000', '2026-12-07');
  assert.deepEqual(
    out.map((l) => [l.id, l.collected, l.remaining, l.status]),
    [
      ['a', '30000.00', '0.00', 'collected'],
      ['b', '15000.00', '25000.00', 'partly'],
      ['c', '0.00', '30000.00', 'due'],
    ],
  );
});

test('a partly paid instalment past its date is overdue; nothing collected is overdue or due', () => {
  assert.deepEqual(
    applyCollected(lines, '10000', '2026-12-07').map((l) => l.status),
    ['overdue', 'due', 'due'],
  );
  assert.deepEqual(
    applyCollected(lines, '0', '2027-01-15').map((l) => l.status),
    ['overdue', 'overdue', 'due'],
  );
  assert.deepEqual(
    applyCollected(lines, '120000', '2027-03-01').map((l) => l.status),
    ['collected', 'collected', 'collected'],
    'more than planned: every line collected',
  );
});
