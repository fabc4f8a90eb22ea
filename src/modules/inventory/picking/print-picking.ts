import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { loadPicking } from './picking.repo.ts';
import { type PrintLang, renderPrintPage } from './print-note.ts';

/**
 * The print page of a delivery (送货单) or a return receipt, in the asked language (else the reader's,
 * else Chinese). Lots shown are those that actually moved once done, else the reserved ones.
 */
export async function printPicking(
  ex: Executor,
  actor: Actor,
  kind: 'delivery' | 'return_in',
  id: string,
  lang: PrintLang | undefined,
): Promise<string> {
  requirePermission(actor, kind === 'delivery' ? 'inventory.delivery.read' : 'inventory.receipt.read');
  const language: PrintLang = lang ?? (actor.locale === 'en' ? 'en' : 'zh-CN');
  const p = await loadPicking(ex, actor.companyId, id, kind, language);
  const company = await one<{ name: string; today: string }>(
    ex,
    sql`select name, to_char((coalesce(${p.doneAt}::timestamptz, now()) at time zone time_zone)::date, 'YYYY-MM-DD') as today
          from platform_company where id = ${actor.companyId}`,
  );
  const moved = await rows<{ picking_line_id: string; lot_no: string }>(
    ex,
    sql`select distinct m.picking_line_id, lot.lot_no from inventory_move m
          join inventory_lot lot on lot.company_id = m.company_id and lot.id = m.lot_id
         where m.company_id = ${actor.companyId} and m.picking_id = ${id} and m.kind in ('delivery', 'return_in')
         order by lot.lot_no`,
  );
  const returnOf = p.returnOfId
    ? await one<{ number: string }>(
        ex,
        sql`select number from inventory_picking where company_id = ${actor.companyId} and id = ${p.returnOfId}`,
      )
    : undefined;
  return renderPrintPage(
    {
      kind,
      companyName: company?.name ?? '',
      number: p.number,
      date: p.scheduledDate && !p.doneAt ? p.scheduledDate : (company?.today ?? ''),
      originNumber: p.originNumber,
      customerName: p.partyName,
      shipTo: p.shipTo,
      carrier: p.carrier,
      trackingNo: p.trackingNo,
      reason: kind === 'return_in' ? p.notes : '',
      returnOfNumber: returnOf?.number ?? null,
      lines: p.lines
        .filter((l) => p.state !== 'done' || new Decimal(l.qtyDone).gt(0))
        .map((l) => {
          const done = moved.filter((m) => m.picking_line_id === l.id).map((m) => m.lot_no);
          const lots =
            p.state === 'done' ? done : [...new Set(l.lots.map((x) => x.lotNo).filter((x) => x !== null))];
          return {
            lineNo: l.lineNo,
            sku: l.sku,
            name: l.productName,
            qty: p.state === 'done' ? l.qtyDone : l.qty,
            unit: l.uomCode,
            lots,
            quality: l.quality,
          };
        }),
    },
    language,
  );
}
