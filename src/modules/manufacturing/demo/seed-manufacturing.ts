import { sql } from 'drizzle-orm';
import { loadActor } from '../../../platform/auth/load-actor.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import type { DemoContext } from '../../../platform/demo/seed.ts';
import { defaultWarehouse } from '../../inventory/index.ts';
import { activateBom } from '../bom/bom-state.ts';
import { BomInput } from '../bom/contract.ts';
import { createBom } from '../bom/create-bom.ts';
import { confirmProductionOrder } from '../production/confirm-production-order.ts';
import { createProductionOrder, createProductionOrders } from '../production/create-production-orders.ts';
import { produceOutput } from '../production/produce-output.ts';
import { startProductionOrder } from '../production/start-production-order.ts';

// [made sku, lead days, labour, overhead, lines [component sku, qty per unit, scrap %]]
const BOMS: Array<[string, number, string, string, Array<[string, string, string?]>]> = [
  [
    'KIT-PCBA-4CH',
    2,
    '3.50',
    '1.20',
    [
      ['ELC-MCU-STM32', '1'],
      ['ELC-CAP-100U', '6', '2'],
      ['ELC-LED-5MM', '5', '5'],
      ['ELC-PCB-4CH', '1'],
    ],
  ],
  [
    'KIT-RELAY-4CH',
    3,
    '8.00',
    '2.50',
    [
      ['KIT-PCBA-4CH', '1'],
      ['ELC-RELAY-5V', '4'],
      ['ELC-PSU-12V', '1'],
      ['ELC-SHELL-ABS', '1'],
      ['CBL-RVV-2C', '1.5'],
    ],
  ],
  [
    'PKG-GIFT-SET',
    1,
    '1.50',
    '0.50',
    [
      ['PKG-BOX-GIFT', '1'],
      ['PKG-LINING', '1', '5'],
      ['PKG-RIBBON', '0.8'],
    ],
  ],
  [
    'TEA-GIFT',
    1,
    '6.00',
    '2.00',
    [
      ['TEA-LJ-250', '1'],
      ['TEA-TGY-250', '1'],
      ['PKG-GIFT-SET', '1'],
    ],
  ],
];

function addDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The demo company's production: active 2-level BOMs for the relay controller (its PCBA a
 * sub-assembly) and the tea gift box (its packing set a sub-assembly), and production orders in every
 * stage — the packing sets and 10 gift boxes done (components consumed, output valued and booked), the
 * PCBA half produced (in progress), a planned and a draft controller order waiting for their parts.
 */
export async function seedManufacturingDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const userId = ctx.users.production;
  const loaded = userId ? await loadActor(tx, { userId, companyId: ctx.companyId }) : null;
  if (!loaded) return;
  const actor = { ...loaded, reason: 'demo data' };
  const products = await rows<{ id: string; sku: string }>(
    tx,
    sql`select id, sku from catalog_product where company_id = ${ctx.companyId} and active`,
  );
  const id = new Map(products.map((p) => [p.sku, p.id]));
  if (BOMS.some(([sku, , , , lines]) => !id.has(sku) || lines.some(([c]) => !id.has(c)))) return;
  for (const [sku, leadTimeDays, labour, overhead, lines] of BOMS) {
    const bom = await createBom(
      tx,
      actor,
      BomInput.parse({
        productId: id.get(sku),
        leadTimeDays,
        labourCostPerUnit: labour,
        overheadCostPerUnit: overhead,
        lines: lines.map(([c, qty, scrapPct]) => ({ componentId: id.get(c), qty, scrapPct })),
      }),
    );
    await activateBom(tx, actor, bom.id, { version: bom.version });
  }
  const wh = await defaultWarehouse(tx, ctx.companyId);
  const make = (sku: string, qty: string, start: number) =>
    createProductionOrder(tx, actor, {
      productId: id.get(sku) as string,
      warehouseId: wh.id,
      qty,
      plannedStart: addDays(start),
      plannedFinish: null,
    });
  /** Confirm (reserve), start, then produce `qty` with backflush (consumes what the plan says). */
  const work = async (order: { id: string; version: number }, qty: string) => {
    const confirmed = await confirmProductionOrder(tx, actor, order.id, { version: order.version });
    const started = await startProductionOrder(tx, actor, order.id, { version: confirmed.version });
    return produceOutput(tx, actor, order.id, { version: started.version, qty, backflush: true });
  };
  await work(await make('PKG-GIFT-SET', '30', 0), '30');
  await work(await make('TEA-GIFT', '10', 0), '10');
  await work(await make('KIT-PCBA-4CH', '40', 0), '20');
  await createProductionOrders(tx, actor, [
    {
      productId: id.get('KIT-RELAY-4CH') as string,
      warehouseId: wh.id,
      qty: '50',
      plannedStart: addDays(7),
      plannedFinish: null,
      originType: 'manual',
      originId: null,
      originNumber: null,
    },
  ]);
  await make('KIT-RELAY-4CH', '20', 14);
}
