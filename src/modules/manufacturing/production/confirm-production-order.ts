import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { reserveStock } from '../../inventory/index.ts';
import type { ProductionOrder } from './contract.ts';
import {
  bumpOrder,
  eventPayload,
  findOrder,
  loadOrder,
  ORIGIN_TYPE,
  orderLines,
  PRODUCTION_ENTITY,
} from './production.repo.ts';
import { productionTransition } from './production.ts';

/**
 * Confirms a draft or planned order: its components (main lines, not substitutes) are reserved in the
 * order's warehouse as far as stock allows, each reservation held for its order line; what is short
 * stays short (MRP or the planner provides it) and is reported per line in the event.
 */
export async function confirmProductionOrder(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<ProductionOrder> {
  requirePermission(actor, 'manufacturing.production.confirm');
  const companyId = actor.companyId;
  const order = await findOrder(tx, companyId, id, { lock: true, version: input.version });
  const next = productionTransition(order.state, 'confirm');
  const lines = (await orderLines(tx, companyId, id, actor.locale)).filter(
    (l) => l.substituteOf === null && new Decimal(l.qtyPlanned).gt(0),
  );
  const reserved = await reserveStock(tx, actor, {
    originType: ORIGIN_TYPE,
    originId: id,
    originNumber: order.number,
    lines: lines.map((l) => ({
      originLineId: l.id,
      productId: l.productId,
      warehouseId: order.warehouseId,
      qty: l.qtyPlanned,
    })),
  });
  await bumpOrder(tx, companyId, id, sql`state = ${next}, confirmed_at = now()`);
  await recordAudit(tx, actor, {
    entity: PRODUCTION_ENTITY,
    entityId: id,
    action: 'confirm',
    before: { state: order.state },
    after: { state: next, reserved },
  });
  await publish(tx, actor, {
    type: 'production_order.confirmed',
    aggregateType: PRODUCTION_ENTITY,
    aggregateId: id,
    payload: {
      ...eventPayload(order),
      lines: reserved.map((r) => ({
        lineId: r.originLineId,
        productId: lines.find((l) => l.id === r.originLineId)?.productId as string,
        reserved: r.reserved,
        short: r.short,
      })),
    },
  });
  return loadOrder(tx, companyId, id, actor.locale);
}
