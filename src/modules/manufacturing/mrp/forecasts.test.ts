import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consumeForecasts } from './forecasts.ts';
import { planMrp } from './mrp.ts';

const f = (id: string, month: string, qty: string, productId = 'X') => ({
  id,
  productId,
  warehouseId: 'wh',
  month,
  qty,
});
const o = (month: string, qty: string, productId = 'X') => ({ productId, warehouseId: 'wh', month, qty });

test('orders of a month consume its forecast: max(0, forecast − orders)', () => {
  const net = consumeForecasts(
    [
      f('mar', '2025-03-01', '100'),
      f('apr', '2025-04-01', '50'),
      f('may', '2025-05-01', '30'),
      f('y', '2025-03-01', '5', 'Y'),
    ],
    // March: 30 + 25 ordered; April: 80 (more than the forecast); May: none; Y: another product.
    [o('2025-03-01', '30'), o('2025-03-01', '25.5'), o('2025-04-01', '80'), o('2025-03-01', '7', 'Z')],
  );
  assert.deepEqual(
    net.map((n) => [n.id, n.qty]),
    [
      ['mar', '44.5000'],
      ['may', '30.0000'],
      ['y', '5.0000'],
    ],
  );
});

test('MRP nets orders plus the unconsumed forecast, not their sum', () => {
  // 100 forecast in March, 60 ordered (40 of them still to ship, unreserved): MRP needs 40 + (100 − 60).
  const forecast = consumeForecasts([f('mar', '2025-03-01', '100')], [o('2025-03-01', '60')]);
  const { proposals } = planMrp({
    today: '2025-03-03',
    periodDays: 31,
    items: [{ productId: 'X', method: 'buy', leadTimeDays: 0 }],
    boms: [],
    rules: [],
    stock: [],
    supply: [],
    demand: [
      {
        productId: 'X',
        warehouseId: 'wh',
        date: '2025-03-10',
        qty: '40',
        origin: { type: 'sales_order', id: 's', number: 'S' },
      },
      ...forecast.map((n) => ({
        productId: 'X',
        warehouseId: 'wh',
        date: '2025-03-03',
        qty: n.qty,
        origin: { type: 'forecast', id: n.id, number: '2025-03' },
      })),
    ],
  });
  assert.deepEqual(
    proposals.map((p) => [p.qty, p.pegging.map((g) => `${g.type}:${g.qty}`)]),
    [['80.0000', ['forecast:40.0000', 'sales_order:40.0000']]],
  );
});
