import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { createPurchaseOrder } from '../order/create-order.ts';
import { bestPrice } from '../price/best-price.ts';
import { purchasingSettings } from '../settings.ts';
import type { ToOrdersInput } from './contract.ts';

interface OpenRequisition {
  id: string;
  number: string;
  state: string;
  product_id: string;
  warehouse_id: string;
  qty: string;
  supplier_id: string | null;
}

interface Group {
  supplierId: string;
  warehouseId: string;
  /** product → summed quantity and the requisitions behind it. */
  products: Map<string, { qty: Decimal; ids: string[] }>;
}

/**
 * Draft purchase orders (RFQs) from requisitions: each goes to its chosen supplier, else to the supplier
 * of the best valid price for its quantity; one order per supplier and warehouse, one line per product
 * (quantities summed, priced from that supplier's list). Requisitions without any price stay as they
 * are and are reported as unassigned.
 */
export async function requisitionsToOrders(tx: Tx, actor: Actor, input: ToOrdersInput) {
  requirePermission(actor, 'purchasing.requisition.create');
  requirePermission(actor, 'purchasing.order.create');
  const companyId = actor.companyId;
  const ids = [...new Set(input.requisitionIds)];
  const found = await rows<OpenRequisition>(
    tx,
    sql`select id, number, state, product_id, warehouse_id, qty::text as qty, supplier_id
          from purchasing_requisition
         where company_id = ${companyId} and id = any(${`{${ids.join(',')}}`}::uuid[])
         order by id for update`,
  );
  const missing = ids.filter((id) => !found.some((r) => r.id === id));
  if (missing.length > 0) throw notFound('requisition', missing[0]);
  const closed = found.filter((r) => r.state !== 'draft' && r.state !== 'approved');
  if (closed.length > 0)
    throw unprocessable(
      'purchasing.requisition_not_open',
      'Only draft or approved requisitions can be ordered',
      {
        numbers: closed.map((r) => r.number),
      },
    );
  const orderDate = input.orderDate ?? (await purchasingSettings(tx, companyId)).today;
  const groups = new Map<string, Group>();
  const unassigned: Array<{ requisitionId: string; number: string; reason: string }> = [];
  for (const r of found) {
    const best = await bestPrice(tx, companyId, {
      productId: r.product_id,
      qty: r.qty,
      date: orderDate,
      supplierId: r.supplier_id,
    });
    if (!best) {
      unassigned.push({ requisitionId: r.id, number: r.number, reason: 'no_supplier_price' });
      continue;
    }
    const key = `${best.price.supplierId}|${r.warehouse_id}`;
    const group = groups.get(key) ?? {
      supplierId: best.price.supplierId,
      warehouseId: r.warehouse_id,
      products: new Map(),
    };
    groups.set(key, group);
    const line = group.products.get(r.product_id) ?? { qty: new Decimal(0), ids: [] };
    line.qty = line.qty.plus(r.qty);
    line.ids.push(r.id);
    group.products.set(r.product_id, line);
  }
  const orders = [];
  for (const g of groups.values()) {
    const lines = [...g.products.entries()];
    const order = await createPurchaseOrder(
      tx,
      actor,
      {
        supplierId: g.supplierId,
        warehouseId: g.warehouseId,
        orderDate,
        lines: lines.map(([productId, l]) => ({ productId, qty: l.qty.toFixed(4) })),
      },
      lines.map(([, l]) => l.ids),
    );
    const { lines: _l, ...summary } = order;
    orders.push(summary);
  }
  return { orders, unassigned };
}
