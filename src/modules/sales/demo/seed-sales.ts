import { sql } from 'drizzle-orm';
import { loadActor } from '../../../platform/auth/load-actor.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import type { DemoContext } from '../../../platform/demo/seed.ts';
import { type Actor, systemActor } from '../../../platform/permissions/actor.ts';
import { shipDelivery } from '../../inventory/index.ts';
import { expireDueQuotes } from '../jobs/expire-quotes.ts';
import { cancelOrder } from '../order/cancel-order.ts';
import { confirmOrder } from '../order/confirm-order.ts';
import { createOrder } from '../order/create-order.ts';
import { acceptQuote } from '../quote/accept-quote.ts';
import { cancelQuote } from '../quote/cancel-quote.ts';
import { createQuote } from '../quote/create-quote.ts';
import { addDays } from '../quote/quote.ts';
import { reviseQuote } from '../quote/revise-quote.ts';
import { sendQuote } from '../quote/send-quote.ts';
import { deliverShipmentNow, invoiceDemoOrders } from './invoice-demo-orders.ts';

/**
 * Quotes and orders for the demo customers, made with sales' own use cases so they are what users
 * would make: quotes draft, sent, accepted, superseded, cancelled and expired; orders draft,
 * confirmed (some backordered), awaiting approval and cancelled; one shipped in full and one in part,
 * both invoiced by finance for what was delivered (the shipments reach the orders in the seed itself).
 */
export async function seedSalesDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const customers = await rows<{ id: string; owner_user_id: string | null; credit_limit: string | null }>(
    tx,
    sql`select id, owner_user_id, credit_limit::text as credit_limit from crm_customer
         where company_id = ${ctx.companyId} and merged_into_id is null and owner_user_id is not null
         order by code limit 8`,
  );
  const products = await rows<{ id: string }>(
    tx,
    sql`select id from catalog_product where company_id = ${ctx.companyId} and active and kind = 'stocked'
         order by sku limit 6`,
  );
  if (customers.length < 4 || products.length < 2) return;
  const system = systemActor(ctx.companyId, 'demo data');
  const as = async (userId: string | null): Promise<Actor> =>
    (userId && (await loadActor(tx, { userId, companyId: ctx.companyId }))) || system;
  const pick = (i: number) => products[i % products.length].id;
  const lines = (i: number) => [
    { productId: pick(i), qty: String(2 + (i % 5)) },
    { productId: pick(i + 1), qty: String(1 + (i % 3)), discountPercent: i % 2 ? '5' : undefined },
  ];
  const quote = async (c: (typeof customers)[number], i: number, extra: Record<string, unknown> = {}) =>
    createQuote(tx, await as(c.owner_user_id), { customerId: c.id, lines: lines(i), ...extra });
  const publicUrl = 'http://localhost:3000';
  const [c0, c1, c2, c3] = customers;

  await quote(c0, 0);
  const sent = await quote(c1, 1);
  await sendQuote(
    tx,
    await as(c1.owner_user_id),
    sent.id,
    { version: sent.version, to: 'buyer@example.com' },
    publicUrl,
  );
  const toAccept = await quote(c2, 2);
  await acceptQuote(tx, await as(c2.owner_user_id), toAccept.id, { version: toAccept.version });
  const toRevise = await quote(c3, 3);
  await reviseQuote(tx, await as(c3.owner_user_id), toRevise.id, { version: toRevise.version });
  const toCancel = await quote(c0, 4);
  await cancelQuote(tx, await as(c0.owner_user_id), toCancel.id, { version: toCancel.version });
  const old = addDays(new Date().toISOString().slice(0, 10), -45);
  await quote(c1, 5, { quoteDate: old, validUntil: addDays(old, 30) });
  await expireDueQuotes(tx, ctx.companyId);

  const shipped: string[] = [];
  for (const [i, c] of customers.entries()) {
    const actor = await as(c.owner_user_id);
    const order = await createOrder(tx, actor, { customerId: c.id, lines: lines(i + 2) });
    if (i % 4 === 0) continue; // stays a draft
    const confirmed = await confirmOrder(tx, actor, order.id, {
      version: order.version,
      requestApproval: true,
    });
    if (i % 4 === 3 && confirmed.state === 'confirmed')
      await cancelOrder(tx, actor, order.id, {
        version: confirmed.version,
        reason: 'customer changed the plan',
      });
    const delivery = confirmed.deliveries?.find((d) => d.state === 'ready');
    // The first two deliveries that are ready: one ships in full, the next in part.
    if (delivery && shipped.length < 2 && i % 4 !== 3 && confirmed.state === 'confirmed') {
      await shipDemo(tx, system, delivery.id, shipped.length === 1);
      shipped.push(order.id);
    }
  }
  // Finance invoices both shipped orders (the one shipped in part for what left the warehouse).
  await invoiceDemoOrders(tx, ctx, shipped);
}

/** The warehouse ships a demo delivery: everything reserved, or half of its first line (a backorder). */
async function shipDemo(tx: Tx, actor: Actor, deliveryId: string, partial: boolean): Promise<void> {
  const [line] = await rows<{ id: string; qty: string; version: number }>(
    tx,
    sql`select l.id, l.qty::text as qty, p.version from inventory_picking_line l
          join inventory_picking p on p.company_id = l.company_id and p.id = l.picking_id
         where l.company_id = ${actor.companyId} and l.picking_id = ${deliveryId} order by l.line_no limit 1`,
  );
  if (!line) return;
  const half = Math.floor(Number(line.qty) / 2);
  // In a savepoint the shipment's event is written at once, so the order can learn of it now.
  await tx.transaction((sp) =>
    shipDelivery(sp as Tx, actor, deliveryId, {
      version: line.version,
      carrier: partial ? '顺丰速运' : '德邦物流',
      trackingNo: partial ? 'SF1402837461' : 'DPK300912845',
      ...(partial && half > 0 ? { lines: [{ lineId: line.id, qty: String(half) }] } : {}),
    }),
  );
  await deliverShipmentNow(tx, actor.companyId, deliveryId);
}
