import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { applyMoves, type MoveInput } from '../stock/apply-moves.ts';
import { bookStock } from '../stock/book-stock.ts';
import { virtualLocation } from '../warehouse/locations.ts';
import { assertCounting, bumpCount, COUNT_ENTITY, findCount, loadCount } from './count.repo.ts';

/**
 * Posts a count: each counted line whose count differs from the frozen expectation becomes an
 * adjustment move (a gain comes in at the product's current average cost, a loss goes out at it).
 * Lines nobody counted change nothing.
 */
export async function postCount(tx: Tx, actor: Actor, id: string, input: { version: number }) {
  requirePermission(actor, 'inventory.count.manage');
  const companyId = actor.companyId;
  const count = await findCount(tx, companyId, id, true);
  assertCounting(count, input.version);
  const lines = await rows<{
    id: string;
    product_id: string;
    location_id: string;
    lot_id: string | null;
    diff: string;
  }>(
    tx,
    sql`select id, product_id, location_id, lot_id, (counted_qty - expected_qty)::text as diff
          from inventory_count_line
         where company_id = ${companyId} and count_id = ${id} and counted_qty is not null
           and counted_qty <> expected_qty
         order by product_id, location_id, lot_id nulls first`,
  );
  const adjustment = await virtualLocation(tx, companyId, 'adjustment');
  const moves: MoveInput[] = lines.map((l) => {
    const diff = new Decimal(l.diff);
    const gain = diff.gt(0);
    return {
      kind: 'adjustment',
      productId: l.product_id,
      fromLocationId: gain ? adjustment : l.location_id,
      toLocationId: gain ? l.location_id : adjustment,
      qty: diff.abs().toFixed(4),
      lotId: l.lot_id,
      countId: id,
      originType: 'inventory_count',
      originId: id,
      originLineId: l.id,
      note: count.number,
    };
  });
  const applied = await applyMoves(tx, actor, moves);
  // Count differences at the average cost: a gain against, a loss to, the inventory adjustment account.
  await bookStock(
    tx,
    actor,
    { type: COUNT_ENTITY, id },
    `Stock count ${count.number}`,
    applied.map((m, i) =>
      moves[i].fromLocationId === adjustment
        ? { debit: 'inventory', credit: 'inventory_adjustment', value: m.value }
        : { debit: 'inventory_adjustment', credit: 'inventory', value: m.value },
    ),
  );
  await bumpCount(tx, companyId, id, sql`state = 'posted', posted_at = now(), posted_by = ${actor.userId}`);
  await recordAudit(tx, actor, {
    entity: COUNT_ENTITY,
    entityId: id,
    action: 'post',
    before: { state: count.state },
    after: {
      state: 'posted',
      differences: lines.map((l) => ({
        productId: l.product_id,
        locationId: l.location_id,
        lotId: l.lot_id,
        qty: l.diff,
      })),
    },
  });
  await publish(tx, actor, {
    type: 'stock_count.posted',
    aggregateType: COUNT_ENTITY,
    aggregateId: id,
    payload: { countId: id, number: count.number, warehouseId: count.warehouseId, differences: lines.length },
  });
  return loadCount(tx, companyId, id, actor.locale);
}
