import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import { effectiveQuoteState, quoteStates } from '../quote/quote.ts';
import { expectedDate, orderStates, stateAfterShipment, withinCredit } from './order.ts';

describe('order transitions', () => {
  test('the happy path is allowed', () => {
    for (const [from, to] of [
      ['draft', 'confirmed'],
      ['confirmed', 'partly_delivered'],
      ['partly_delivered', 'delivered'],
      ['delivered', 'closed'],
      ['partly_delivered', 'closed'],
      ['draft', 'awaiting_approval'],
      ['awaiting_approval', 'confirmed'],
      ['awaiting_approval', 'draft'],
    ] as const)
      assert.equal(orderStates.transition(from, to), to);
  });

  test('anything else is a 422 sales.invalid_transition', () => {
    for (const [from, to] of [
      ['partly_delivered', 'cancelled'],
      ['delivered', 'cancelled'],
      ['confirmed', 'closed'],
      ['cancelled', 'confirmed'],
      ['closed', 'draft'],
      ['draft', 'delivered'],
    ] as const)
      assert.throws(
        () => orderStates.transition(from, to),
        (e: unknown) => e instanceof AppError && e.status === 422 && e.code === 'sales.invalid_transition',
      );
  });

  test('quotes: accepted, superseded and cancelled are final', () => {
    for (const from of ['accepted', 'superseded', 'cancelled'] as const)
      assert.equal(quoteStates.can(from, 'sent'), false);
    assert.equal(quoteStates.can('sent', 'accepted'), true);
    assert.equal(quoteStates.can('expired', 'accepted'), false);
  });

  test('a draft or sent quote past its validity reads as expired', () => {
    assert.equal(effectiveQuoteState('sent', '2026-03-01', '2026-03-02'), 'expired');
    assert.equal(effectiveQuoteState('sent', '2026-03-02', '2026-03-02'), 'sent');
    assert.equal(effectiveQuoteState('accepted', '2026-03-01', '2026-03-02'), 'accepted');
    assert.equal(effectiveQuoteState('draft', null, '2026-03-02'), 'draft');
  });
});

describe('expected date of a line', () => {
  test('reserved in full: the requested date, else the order date', () => {
    assert.equal(
      expectedDate({ orderDate: '2026-03-02', requestedDate: '2026-03-10', short: '0' }),
      '2026-03-10',
    );
    assert.equal(expectedDate({ orderDate: '2026-03-02', requestedDate: null, short: '0' }), '2026-03-02');
  });

  test('short: the first projected day that covers the shortage', () => {
    const projection = [
      { date: '2026-03-02', projected: '0' },
      { date: '2026-03-04', projected: '3' },
      { date: '2026-03-05', projected: '8' },
    ];
    assert.equal(
      expectedDate({ orderDate: '2026-03-02', requestedDate: null, short: '5', projection }),
      '2026-03-05',
    );
  });

  test('short and nothing incoming: order date + 7 days', () => {
    assert.equal(
      expectedDate({ orderDate: '2026-02-25', requestedDate: null, short: '1', projection: [] }),
      '2026-03-04',
    );
  });
});

test('delivered once every stocked line is delivered in full', () => {
  assert.equal(
    stateAfterShipment([
      { qtyBase: '10', qtyDelivered: '10' },
      { qtyBase: '2', qtyDelivered: '1' },
    ]),
    'partly_delivered',
  );
  assert.equal(stateAfterShipment([{ qtyBase: '10', qtyDelivered: '10.0000' }]), 'delivered');
});

test('credit: exposure + order within the limit passes, one cent over does not', () => {
  assert.equal(withinCredit({ limit: '1000.00', exposure: '600.00', orderTotal: '400.00' }), true);
  assert.equal(withinCredit({ limit: '1000.00', exposure: '600.00', orderTotal: '400.01' }), false);
});
