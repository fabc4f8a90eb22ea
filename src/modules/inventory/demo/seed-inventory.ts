import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import type { DemoContext } from '../../../platform/demo/seed.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';
import { putSafetyLevel } from '../safety/safety-levels.ts';
import { applyMoves, type MoveInput } from '../stock/apply-moves.ts';
import { bookStock } from '../stock/book-stock.ts';
import { defaultWarehouse } from '../warehouse/default-warehouse.ts';
import { virtualLocation } from '../warehouse/locations.ts';
import { createWarehouse } from '../warehouse/manage-warehouses.ts';

interface DemoProduct {
  id: string;
  sku: string;
  sale_price: string;
  lot_tracked: boolean;
  expiry_tracked: boolean;
}

function addDays(date: Date, days: number): string {
  const d = new Date(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The demo company's stock: the Shanghai warehouse next to WH, opening stock for whatever active
 * stocked products exist (cost ≈ 60 % of the sale price; tea in two lots with expiry dates, the older
 * one first out; booked Dr inventory / Cr GRNI), a share of it in Shanghai, one product left empty,
 * and safety levels — one of them above what is on hand, so the purchasing people find a below-safety
 * notification.
 */
export async function seedInventoryDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const actor = systemActor(ctx.companyId, 'demo data');
  const wh = await defaultWarehouse(tx, ctx.companyId);
  const sh = await createWarehouse(tx, actor, {
    code: 'SH',
    name: { 'zh-CN': '上海仓', en: 'Shanghai warehouse' },
    address: '上海市浦东新区外高桥保税区富特北路 288 号',
  });
  const adjustment = await virtualLocation(tx, ctx.companyId, 'adjustment');
  const products = await rows<DemoProduct>(
    tx,
    sql`select id, sku, sale_price, lot_tracked, expiry_tracked from catalog_product
         where company_id = ${ctx.companyId} and kind = 'stocked' and active order by sku`,
  );
  const now = new Date();
  const moves: MoveInput[] = [];
  products.forEach((p, i) => {
    if (i === 3) return; // one product out of stock, so confirming an order for it shows a shortage
    const unitCost = new Decimal(p.sale_price).mul('0.6').toDecimalPlaces(2).toFixed(2);
    const qty = 40 + ((i * 37) % 160);
    const base = {
      kind: 'adjustment' as const,
      productId: p.id,
      fromLocationId: adjustment,
      unitCost,
      note: '期初库存 Opening stock',
    };
    const lots =
      p.lot_tracked || p.expiry_tracked
        ? [
            { lotNo: `${p.sku}-2501`, expiryDate: p.expiry_tracked ? addDays(now, 75) : null, share: 0.4 },
            { lotNo: `${p.sku}-2503`, expiryDate: p.expiry_tracked ? addDays(now, 400) : null, share: 0.6 },
          ]
        : [{ lotNo: null, expiryDate: null, share: 1 }];
    for (const lot of lots) {
      const lotQty = Math.max(1, Math.round(qty * lot.share));
      moves.push({
        ...base,
        toLocationId: wh.stockLocationId,
        qty: String(lotQty),
        lotNo: lot.lotNo,
        expiryDate: lot.expiryDate,
      });
      if (i % 3 === 0 && sh.stockLocationId)
        moves.push({
          ...base,
          toLocationId: sh.stockLocationId,
          qty: String(Math.ceil(lotQty / 4)),
          lotNo: lot.lotNo,
          expiryDate: lot.expiryDate,
        });
    }
  });
  if (moves.length > 0) {
    const applied = await applyMoves(tx, actor, moves);
    // Booked as goods received whose supplier invoices are still to come (暂估入库), so the ledger's
    // inventory account starts at the stock's value.
    await bookStock(
      tx,
      actor,
      { type: 'inventory.opening', id: applied[0].id },
      '期初库存暂估入库 Opening stock',
      applied.map((m) => ({ debit: 'inventory' as const, credit: 'grni' as const, value: m.value })),
    );
  }
  for (const [i, p] of products.slice(0, 6).entries()) {
    // The second product's level sits above its stock: a live below-safety alert for the demo.
    const safetyQty = i === 1 ? '500' : String(10 + i * 5);
    await putSafetyLevel(tx, actor, { productId: p.id, warehouseId: wh.id, safetyQty });
  }
}
