import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDb } from '../../../../test/kit/index.ts';
import { withTransaction } from '../../../platform/db/tx.ts';
import { stockWorld } from '../picking/fixtures.ts';
import { inventorySettings } from '../settings.ts';
import { projectAvailability } from './availability.ts';
import { registerIncomingSupply } from './incoming-supply.ts';

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describeDb('incoming supply registered by other modules feeds the availability projection', (ctx) => {
  test('a provider’s supply is added to the day it comes, overdue supply counts today', async () => {
    const w = await stockWorld(ctx.db);
    const widget = await w.product();
    const other = await w.product();
    const { today } = await inventorySettings(ctx.db.orm, w.company.id);
    await w.receive([{ productId: widget, qty: '2', unitCost: '1' }]);
    await w.deliver([{ productId: widget, qty: '5' }]); // 2 reserved, 3 still to go out (undated: today)
    // As purchasing or manufacturing would: only this company's documents; one late, one in 3 days,
    // one beyond the horizon, one of another product and one of another warehouse (both ignored).
    const filters: Array<{ productIds: string[]; to: string }> = [];
    registerIncomingSupply('test.incoming-supply', async (_ex, companyId, filter) => {
      if (companyId !== w.company.id) return [];
      filters.push({ productIds: filter.productIds, to: filter.to });
      return [
        { productId: widget, warehouseId: w.wh.id, date: addDays(today, -2), qty: '1.5' },
        { productId: widget, warehouseId: w.wh.id, date: addDays(today, 3), qty: '4' },
        { productId: widget, warehouseId: w.wh.id, date: addDays(today, 30), qty: '100' },
        { productId: other, warehouseId: w.wh.id, date: today, qty: '7' },
        { productId: widget, warehouseId: w.virtual.customer, date: today, qty: '9' },
      ];
    });
    const a = await withTransaction(ctx.db, (tx) =>
      projectAvailability(tx, w.company.id, { productId: widget, warehouseId: w.wh.id, days: 5 }),
    );
    assert.deepEqual(filters, [{ productIds: [widget], to: addDays(today, 4) }]);
    assert.deepEqual([a.onHand, a.reserved, a.available], ['2.0000', '2.0000', '0.0000']);
    assert.deepEqual(
      a.days.map((d) => [d.date, d.incoming, d.outgoing, d.projected]),
      [
        [today, '1.5000', '3.0000', '-1.5000'],
        [addDays(today, 1), '0.0000', '0.0000', '-1.5000'],
        [addDays(today, 2), '0.0000', '0.0000', '-1.5000'],
        [addDays(today, 3), '4.0000', '0.0000', '2.5000'],
        [addDays(today, 4), '0.0000', '0.0000', '2.5000'],
      ],
    );
    // Over HTTP too (the availability chart).
    const res = await w.admin.get(`/api/v1/stock/availability?product=${widget}&warehouse=${w.wh.id}&days=5`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.days[3].incoming, '4.0000');
  });
});
