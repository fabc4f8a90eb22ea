import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeDb } from '../../../../test/kit/index.ts';
import { one } from '../../../platform/db/tx.ts';
import { stockWorld } from './fixtures.ts';

describeDb('deliveries follow a customer merge', (ctx) => {
  test('an open delivery moves to the survivor, a shipped one stays; undo puts it back', async () => {
    const w = await stockWorld(ctx.db, { customerName: '上海星辰贸易有限公司' });
    const productId = await w.product();
    await w.receive([{ productId, qty: '10', unitCost: '2' }]);
    const shipped = await w.deliver([{ productId, qty: '2' }]);
    const ship = await w.admin.post(`/api/v1/deliveries/${shipped.id}/ship`, { version: 1 });
    assert.equal(ship.status, 200, JSON.stringify(ship.body));
    const open = await w.deliver([{ productId, qty: '3' }]);

    const survivor = await w.admin.post('/api/v1/customers', {
      name: '上海星辰贸易公司',
      ignoreDuplicates: true,
    });
    const merged = await w.admin.get(`/api/v1/customers/${w.customerId}`);
    const merge = await w.admin.post(`/api/v1/customers/${w.customerId}/merge`, {
      survivorId: survivor.body.id,
      version: merged.body.version,
    });
    assert.equal(merge.status, 200, JSON.stringify(merge.body));
    const partyOf = async (id: string) =>
      (
        await one<{ party_id: string }>(
          ctx.db.orm,
          sql`select party_id from inventory_picking where company_id = ${w.company.id} and id = ${id}`,
        )
      )?.party_id;
    assert.equal(await partyOf(open.id), survivor.body.id, 'the open delivery follows the survivor');
    assert.equal(await partyOf(shipped.id), w.customerId, 'the shipped delivery keeps its party');

    const merges = await w.admin.get(`/api/v1/customers/${survivor.body.id}/merges`);
    const undo = await w.admin.post(`/api/v1/customer-merges/${merges.body.items[0].id}/undo`, {});
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.equal(await partyOf(open.id), w.customerId, 'undo puts the open delivery back');
  });
});
