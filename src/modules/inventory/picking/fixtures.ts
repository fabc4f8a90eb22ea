// Test data only: a company with a customer and stock, and deliveries made the way sales makes them
// (reserveStock then createDelivery in one transaction), since sales sits above and is not imported.
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { type Client, newCompany, signedIn, type TestCompany } from '../../../../test/kit/index.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { checkStockConsistency } from '../stock/consistency.ts';
import { makeProduct, type ProductFixture } from '../stock/fixtures.ts';
import { reserveStock } from '../stock/reservations.ts';
import { defaultWarehouse } from '../warehouse/default-warehouse.ts';
import { virtualLocation, warehouseLocations } from '../warehouse/locations.ts';
import { createDelivery } from './create-delivery.ts';

export async function stockWorld(db: Db, options: { customerName?: string } = {}) {
  const company = await newCompany(db);
  const actor = await company.actor(company.admin);
  const admin = await signedIn(db, company.admin);
  const wh = await withTransaction(db, (tx) => defaultWarehouse(tx, company.id));
  const locs = await withTransaction(db, (tx) => warehouseLocations(tx, company.id, wh.id));
  const virtual = await withTransaction(db, async (tx) => ({
    customer: await virtualLocation(tx, company.id, 'customer'),
    scrap: await virtualLocation(tx, company.id, 'scrap'),
    adjustment: await virtualLocation(tx, company.id, 'adjustment'),
  }));
  const customer = await admin.post('/api/v1/customers', {
    name: options.customerName ?? `Customer ${newId().slice(-6)}`,
    ignoreDuplicates: true,
  });
  assert.equal(customer.status, 201, JSON.stringify(customer.body));
  const customerId: string = customer.body.id;

  const product = (f?: ProductFixture) => makeProduct(db, company.id, f);

  /** Receives goods through the manual receipt routes (create + validate). */
  const receive = async (
    lines: Array<{ productId: string; qty: string; unitCost: string; lotNo?: string; expiryDate?: string }>,
    client: Client = admin,
  ) => {
    const r = await client.post('/api/v1/receipts', { warehouseId: wh.id, lines });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const v = await client.post(`/api/v1/receipts/${r.body.id}/validate`, { version: r.body.version });
    assert.equal(v.status, 200, JSON.stringify(v.body));
    return v.body;
  };

  /** What sales' confirm step does: reserve, then a delivery linked to the reservations. */
  const deliver = async (lines: Array<{ productId: string; qty: string }>) => {
    const originId = newId();
    const withIds = lines.map((l) => ({ ...l, originLineId: newId() }));
    const number = `SO-${originId.slice(-6)}`;
    const created = await withTransaction(db, async (tx) => {
      await reserveStock(tx, actor, {
        originType: 'sales_order',
        originId,
        originNumber: number,
        customerId,
        lines: withIds.map((l) => ({ ...l, warehouseId: wh.id })),
      });
      return createDelivery(tx, actor, {
        warehouseId: wh.id,
        partyId: customerId,
        originType: 'sales_order',
        originId,
        originNumber: number,
        scheduledDate: null,
        shipTo: { contact: 'Wang Wei', phone: '13800000000', address: 'Shanghai' },
        lines: withIds,
      });
    });
    assert.ok(created);
    return { ...created, originId, lines: withIds };
  };

  const consistent = async (step: string) => {
    const mismatches = await checkStockConsistency(db.orm, company.id);
    assert.deepEqual(mismatches, [], `balances differ from the ledger after ${step}`);
  };

  /** On hand per location (and lot number) of a product. */
  const stockOf = async (productId: string) => {
    const found = await rows<{
      location_id: string;
      lot_no: string | null;
      on_hand: string;
      reserved: string;
    }>(
      db.orm,
      sql`select b.location_id, lot.lot_no, b.on_hand::text as on_hand, b.reserved::text as reserved
            from inventory_balance b left join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
           where b.company_id = ${company.id} and b.product_id = ${productId} and b.on_hand <> 0 or
                 (b.company_id = ${company.id} and b.product_id = ${productId} and b.reserved <> 0)
           order by b.location_id, lot.lot_no nulls first`,
    );
    return found;
  };

  return {
    company,
    actor,
    admin,
    wh,
    locs,
    virtual,
    customerId,
    product,
    receive,
    deliver,
    consistent,
    stockOf,
  };
}

export type StockWorld = Awaited<ReturnType<typeof stockWorld>>;

/**
 * For the conformance suites: a delivery (optionally shipped) of a fresh product in `company`, made
 * as sales would make it; and records of the other document kinds. Returns ids.
 */
export async function conformanceRecords(db: Db, company: TestCompany, client: Client) {
  const actor = await company.actor(company.admin);
  const wh = await withTransaction(db, (tx) => defaultWarehouse(tx, company.id));
  const productId = await makeProduct(db, company.id);
  const customer = await client.post('/api/v1/customers', {
    name: `Victim buyer ${newId()}`,
    ignoreDuplicates: true,
  });
  const receipt = await client.post('/api/v1/receipts', {
    warehouseId: wh.id,
    lines: [{ productId, qty: '10', unitCost: '1' }],
  });
  const validated = await client.post(`/api/v1/receipts/${receipt.body.id}/validate`, { version: 1 });
  assert.equal(validated.status, 200, JSON.stringify(validated.body));
  const delivery = async (): Promise<string> => {
    const originId = newId();
    const originLineId = newId();
    const made = await withTransaction(db, async (tx) => {
      const origin = { originType: 'sales_order', originId, originNumber: `SO-${originId.slice(-6)}` };
      await reserveStock(tx, actor, {
        ...origin,
        lines: [{ originLineId, productId, warehouseId: wh.id, qty: '2' }],
      });
      return createDelivery(tx, actor, {
        ...origin,
        warehouseId: wh.id,
        partyId: customer.body.id,
        scheduledDate: null,
        shipTo: null,
        lines: [{ originLineId, productId, qty: '2' }],
      });
    });
    return made!.id;
  };
  return {
    delivery,
    /** A shipped delivery's return. */
    returned: async (): Promise<string> => {
      const id = await delivery();
      const shipped = await client.post(`/api/v1/deliveries/${id}/ship`, { version: 1 });
      assert.equal(shipped.status, 200, JSON.stringify(shipped.body));
      const res = await client.post('/api/v1/returns', {
        deliveryId: id,
        lines: [{ deliveryLineId: shipped.body.lines[0].id, qty: '1', quality: 'ok' }],
        reason: 'Victim return',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id;
    },
    receipt: async (): Promise<string> => {
      const res = await client.post('/api/v1/receipts', {
        warehouseId: wh.id,
        lines: [{ productId, qty: '1', unitCost: '1' }],
      });
      return res.body.id;
    },
    count: async (): Promise<string> => {
      const res = await client.post('/api/v1/stock-counts', { warehouseId: wh.id });
      return res.body.id;
    },
  };
}
