import { sql } from 'drizzle-orm';
import { loadActor } from '../../../platform/auth/load-actor.ts';
import { iso } from '../../../platform/db/time.ts';
import { one, rows, type Tx } from '../../../platform/db/tx.ts';
import type { DemoContext } from '../../../platform/demo/seed.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { demoUscc } from '../../crm/index.ts';
import { validateReceipt } from '../../inventory/index.ts';
import { BillInput } from '../bill/contract.ts';
import { createSupplierBill } from '../bill/create-bill.ts';
import { postSupplierBill } from '../bill/post-bill.ts';
import { confirmPurchaseOrder } from '../order/confirm-order.ts';
import { OrderInput } from '../order/contract.ts';
import { createPurchaseOrder } from '../order/create-order.ts';
import { sendPurchaseOrder } from '../order/send-order.ts';
import { SupplierPriceInput } from '../price/contract.ts';
import { createSupplierPrice } from '../price/manage-prices.ts';
import { receiptDoneSubscriber } from '../reactions/on-receipt-done.ts';
import { SupplierInput } from '../supplier/contract.ts';
import { createSupplier } from '../supplier/create-supplier.ts';

// [key, party name (an existing party is reused), lead time days, notes]
const SUPPLIERS: Array<[string, string, number, string]> = [
  ['electronics', '深圳市华强辉煌电子有限公司', 5, '电子元器件主供应商，月结 30 天'],
  ['packaging', '东莞市恒丰包装材料有限公司', 7, '礼盒、内衬、缎带'],
  ['tea', '杭州西湖龙井茶业有限公司', 10, '明前龙井、铁观音产地直供'],
  ['office', '宁波得力文具供应链有限公司', 3, '办公纸品、书写工具'],
];

// [supplier key, sku, price (CNY, VAT exclusive), min qty, preferred]
const PRICES: Array<[string, string, string, string, boolean]> = [
  ['electronics', 'ELC-MCU-STM32', '5.2000', '0', true],
  ['electronics', 'ELC-CAP-100U', '0.1800', '500', true],
  ['electronics', 'ELC-LED-5MM', '0.0600', '500', true],
  ['electronics', 'ELC-RELAY-5V', '2.3000', '0', true],
  ['electronics', 'ELC-PSU-12V', '28.0000', '0', true],
  ['electronics', 'ELC-PCB-4CH', '4.1000', '50', true],
  ['electronics', 'ELC-SHELL-ABS', '5.6000', '0', true],
  ['customer', 'ELC-PCB-4CH', '4.3000', '0', false],
  ['customer', 'ELC-SHELL-ABS', '5.4000', '200', false],
  ['packaging', 'PKG-BOX-GIFT', '10.5000', '50', true],
  ['packaging', 'PKG-LINING', '1.8000', '50', true],
  ['packaging', 'PKG-RIBBON', '0.3500', '100', true],
  ['tea', 'TEA-LJ-250', '210.0000', '0', true],
  ['tea', 'TEA-TGY-250', '115.0000', '0', true],
  ['office', 'PAP-A4-70', '13.0000', '50', true],
  ['office', 'WRT-GEL-05', '1.3000', '120', true],
  ['office', 'PAP-A4-80', '16.5000', '50', true],
];

async function demoActor(tx: Tx, ctx: DemoContext, key: string): Promise<Actor | null> {
  const userId = ctx.users[key];
  const actor = userId ? await loadActor(tx, { userId, companyId: ctx.companyId }) : null;
  return actor && { ...actor, reason: 'demo data' };
}

/** Suppliers: the accounting demo's partners where they exist, new parties otherwise, one customer too. */
async function seedSuppliers(tx: Tx, actor: Actor, companyId: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [i, [key, name, leadTimeDays, notes]] of SUPPLIERS.entries()) {
    const party = await one<{ id: string }>(
      tx,
      sql`select id from crm_customer where company_id = ${companyId} and name = ${name} and merged_into_id is null`,
    );
    const input = SupplierInput.parse({
      ...(party ? { partyId: party.id } : { party: { name, taxId: demoUscc(3, i), ignoreDuplicates: true } }),
      leadTimeDays,
      notes,
    });
    ids[key] = (await createSupplier(tx, actor, input)).id;
  }
  // A customer that also sells us parts (a party may be both).
  const customer = await one<{ id: string }>(
    tx,
    sql`select c.id from crm_customer c where c.company_id = ${companyId} and c.kind = 'company'
           and c.merged_into_id is null and c.owner_user_id is not null
           and not exists (select 1 from purchasing_supplier s where s.company_id = c.company_id and s.party_id = c.id)
         order by c.code limit 1`,
  );
  if (customer)
    ids.customer = (
      await createSupplier(
        tx,
        actor,
        SupplierInput.parse({
          partyId: customer.id,
          leadTimeDays: 12,
          notes: '客户兼供应商：外壳与电路板二供',
        }),
      )
    ).id;
  return ids;
}

/** Validates a receipt now (named lines only when given) and lets the PO learn of it in the seed itself. */
async function receive(
  tx: Tx,
  actor: Actor,
  receiptId: string,
  pick: (sku: string, qty: string) => { qty: string; lotNo?: string } | null,
): Promise<string | null> {
  const lines = await rows<{ id: string; sku: string; qty: string; version: number }>(
    tx,
    sql`select l.id, pr.sku, l.qty::text as qty, p.version from inventory_picking_line l
          join inventory_picking p on p.company_id = l.company_id and p.id = l.picking_id
          join catalog_product pr on pr.company_id = l.company_id and pr.id = l.product_id
         where l.company_id = ${actor.companyId} and l.picking_id = ${receiptId} order by l.line_no`,
  );
  if (lines.length === 0) return null;
  const chosen = lines.flatMap((l) => {
    const p = pick(l.sku, l.qty);
    return p ? [{ lineId: l.id, ...p }] : [];
  });
  // In a savepoint the receipt's event is written at once, so the order can learn of it now.
  const done = await tx.transaction((sp) =>
    validateReceipt(sp as Tx, actor, receiptId, { version: lines[0].version, lines: chosen }),
  );
  const event = await one<Record<string, any>>(
    tx,
    sql`select * from platform_event where company_id = ${actor.companyId} and aggregate_type = 'inventory.picking'
          and aggregate_id = ${receiptId} and type = 'receipt.done' order by seq desc limit 1`,
  );
  const fresh =
    event &&
    (await rows(
      tx,
      sql`insert into platform_event_handled (company_id, event_id, subscriber)
          values (${actor.companyId}, ${event.id}, ${receiptDoneSubscriber.name}) on conflict do nothing returning event_id`,
    ));
  if (event && fresh && fresh.length > 0)
    await receiptDoneSubscriber.handle(tx, {
      companyId: actor.companyId,
      id: event.id,
      seq: Number(event.seq),
      type: event.type,
      aggregateType: event.aggregate_type,
      aggregateId: event.aggregate_id,
      payloadVersion: event.payload_version,
      payload: event.payload,
      actorUserId: event.actor_user_id,
      createdAt: iso(event.created_at),
    });
  return done.backorderId ?? null;
}

/**
 * The demo company's purchasing: four suppliers (the accounting demo's partners reused) and a customer
 * that supplies too, supplier prices for the parts and goods it buys, and purchase orders in every
 * stage — a draft, an RFQ sent, one confirmed with its receipt waiting, one partly received (its
 * backorder incoming) and one received in full and billed (posted: Dr GRNI, input VAT / Cr payable).
 */
export async function seedPurchasingDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const buyer = await demoActor(tx, ctx, 'purchasing');
  const clerk = (await demoActor(tx, ctx, 'warehouse')) ?? buyer;
  if (!buyer || !clerk) return;
  const products = await rows<{ id: string; sku: string }>(
    tx,
    sql`select id, sku from catalog_product where company_id = ${ctx.companyId} and active`,
  );
  const product = new Map(products.map((p) => [p.sku, p.id]));
  if (!product.has('ELC-MCU-STM32') || !product.has('PKG-BOX-GIFT')) return; // not the catalog demo
  const suppliers = await seedSuppliers(tx, buyer, ctx.companyId);
  for (const [key, sku, price, minQty, preferred] of PRICES)
    if (suppliers[key])
      await createSupplierPrice(
        tx,
        buyer,
        SupplierPriceInput.parse({
          supplierId: suppliers[key],
          productId: product.get(sku),
          price,
          minQty,
          preferred,
        }),
      );
  const order = (supplier: string, lines: Array<[string, string]>, notes = '') =>
    createPurchaseOrder(
      tx,
      buyer,
      OrderInput.parse({
        supplierId: suppliers[supplier],
        notes,
        lines: lines.map(([sku, qty]) => ({ productId: product.get(sku), qty, taxCode: 'VAT13-IN' })),
      }),
    );
  const confirm = (o: { id: string; version: number }) =>
    confirmPurchaseOrder(tx, buyer, o.id, { version: o.version });

  await order('office', [
    ['PAP-A4-70', '200'],
    ['WRT-GEL-05', '600'],
  ]);
  const rfq = await order('tea', [
    ['TEA-LJ-250', '24'],
    ['TEA-TGY-250', '36'],
  ]);
  await sendPurchaseOrder(tx, buyer, rfq.id, { version: rfq.version });
  await confirm(
    await order(
      'packaging',
      [
        ['PKG-BOX-GIFT', '100'],
        ['PKG-LINING', '100'],
        ['PKG-RIBBON', '100'],
      ],
      '中秋礼盒备货',
    ),
  );
  // Capacitors arrive first; the blank boards stay on the backorder receipt.
  const partly = await confirm(
    await order('electronics', [
      ['ELC-CAP-100U', '2000'],
      ['ELC-PCB-4CH', '100'],
    ]),
  );
  if (partly.receiptId)
    await receive(tx, clerk, partly.receiptId, (sku, qty) => (sku === 'ELC-CAP-100U' ? { qty } : null));
  const billed = await confirm(
    await order('electronics', [
      ['ELC-MCU-STM32', '200'],
      ['ELC-RELAY-5V', '400'],
    ]),
  );
  if (billed.receiptId) {
    const lot = `MCU-${new Date().toISOString().slice(2, 7).replace('-', '')}`;
    await receive(tx, clerk, billed.receiptId, (sku, qty) =>
      sku === 'ELC-MCU-STM32' ? { qty, lotNo: lot } : { qty },
    );
    const bill = await createSupplierBill(tx, buyer, billed.id, BillInput.parse({ reference: '44031920' }));
    await postSupplierBill(tx, buyer, bill.id, { version: bill.version });
  }
}
