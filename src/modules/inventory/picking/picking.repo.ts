import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, staleVersion } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nextNumberInYear } from '../../../platform/sequences/next-number.ts';
import type { NewLine, Picking, PickingSummary } from './contract.ts';
import { documentNumber, type PickingKind, type PickingState } from './picking.ts';

export const PICKING_ENTITY = 'inventory.picking';

/** A product's name in the reader's language, else Chinese, else English, else the SKU. */
export const productName = (alias: SQL, locale: string) =>
  sql`coalesce(${alias}.name->>${locale}, ${alias}.name->>'zh-CN', ${alias}.name->>'en', ${alias}.sku)`;

export const selectPicking = sql`select p.*, c.name as party_name,
    to_char(p.scheduled_date, 'YYYY-MM-DD') as scheduled_text
  from inventory_picking p
  left join crm_customer c on c.company_id = p.company_id and c.id = p.party_id`;

export interface PickingRow extends PickingSummary {
  companyId: string;
}

export function toSummary(r: Record<string, any>): PickingRow {
  return {
    companyId: r.company_id,
    id: r.id,
    number: r.number,
    kind: r.kind,
    state: r.state,
    warehouseId: r.warehouse_id,
    partyId: r.party_id,
    partyName: r.party_name ?? null,
    originType: r.origin_type,
    originId: r.origin_id,
    originNumber: r.origin_number,
    scheduledDate: r.scheduled_text ?? null,
    shipTo: r.ship_to ?? null,
    carrier: r.carrier,
    trackingNo: r.tracking_no,
    notes: r.notes,
    backorderOfId: r.backorder_of_id,
    returnOfId: r.return_of_id,
    pickedAt: isoOrNull(r.picked_at),
    packedAt: isoOrNull(r.packed_at),
    doneAt: isoOrNull(r.done_at),
    doneBy: r.done_by,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** One stock document of the company and of that kind (404 otherwise), optionally locked for the change. */
export async function findPicking(
  ex: Executor,
  companyId: string,
  id: string,
  kind: PickingKind,
  lock = false,
): Promise<PickingRow> {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectPicking} where p.company_id = ${companyId} and p.id = ${id} and p.kind = ${kind}
        ${lock ? sql`for update of p` : sql``}`,
  );
  if (!row) throw notFound(kind === 'return_in' ? 'return' : kind, id);
  return toSummary(row);
}

export function assertVersion(p: PickingRow, version: number): void {
  if (p.version !== version) throw staleVersion(p.kind, version, p.version);
}

/** The lines with product, reserved quantity and the pick list (reservations by FEFO, then location). */
export async function pickingLines(ex: Executor, companyId: string, pickingId: string, locale: string) {
  const lines = await rows<Record<string, any>>(
    ex,
    sql`select l.*, pr.sku, pr.uom_code, ${productName(sql`pr`, locale)} as product_name,
               l.qty::text as qty_text, l.qty_done::text as qty_done_text, l.unit_cost::text as unit_cost_text,
               to_char(l.expiry_date, 'YYYY-MM-DD') as expiry_text
          from inventory_picking_line l
          join catalog_product pr on pr.company_id = l.company_id and pr.id = l.product_id
         where l.company_id = ${companyId} and l.picking_id = ${pickingId}
         order by l.line_no`,
  );
  const held = await rows<Record<string, any>>(
    ex,
    sql`select r.picking_line_id, b.location_id, loc.code as location_code, b.lot_id, lot.lot_no,
               to_char(lot.expiry_date, 'YYYY-MM-DD') as expiry_date, sum(r.qty)::text as qty
          from inventory_reservation r
          join inventory_picking_line l on l.company_id = r.company_id and l.id = r.picking_line_id
          join inventory_balance b on b.company_id = r.company_id and b.id = r.balance_id
          join inventory_location loc on loc.company_id = b.company_id and loc.id = b.location_id
          left join inventory_lot lot on lot.company_id = b.company_id and lot.id = b.lot_id
         where r.company_id = ${companyId} and l.picking_id = ${pickingId} and r.state = 'active'
         group by r.picking_line_id, b.location_id, loc.code, b.lot_id, lot.lot_no, lot.expiry_date
         order by lot.expiry_date nulls last, lot.lot_no nulls first, loc.code`,
  );
  return lines.map((l) => {
    const lots = held
      .filter((h) => h.picking_line_id === l.id)
      .map((h) => ({
        locationId: h.location_id,
        locationCode: h.location_code,
        lotId: h.lot_id,
        lotNo: h.lot_no ?? null,
        expiryDate: h.expiry_date ?? null,
        qty: h.qty,
      }));
    return {
      id: l.id as string,
      lineNo: Number(l.line_no),
      productId: l.product_id as string,
      sku: l.sku as string,
      productName: l.product_name as string,
      uomCode: l.uom_code as string,
      qty: l.qty_text as string,
      qtyDone: l.qty_done_text as string,
      reservedQty: lots.reduce((sum, h) => sum.add(h.qty), new Decimal(0)).toFixed(4),
      originLineId: l.origin_line_id as string | null,
      locationId: l.location_id as string | null,
      lotNo: l.lot_no as string | null,
      expiryDate: (l.expiry_text ?? null) as string | null,
      quality: l.quality as 'ok' | 'hold' | 'scrap' | null,
      returnOfLineId: l.return_of_line_id as string | null,
      unitCost: (l.unit_cost_text ?? null) as string | null,
      lots,
    };
  });
}

export type PickingLineView = Awaited<ReturnType<typeof pickingLines>>[number];

export async function loadPicking(
  ex: Executor,
  companyId: string,
  id: string,
  kind: PickingKind,
  locale: string,
): Promise<Picking> {
  const p = await findPicking(ex, companyId, id, kind);
  const { companyId: _c, ...summary } = p;
  return { ...summary, lines: await pickingLines(ex, companyId, id, locale) };
}

const PREFIX: Record<PickingKind, string> = {
  delivery: 'DO',
  receipt: 'GR',
  internal: 'IT',
  return_in: 'RT',
  return_out: 'RS',
};

/** The next number of a kind of document in the company's current year: DO-2026-00001. */
export async function nextPickingNumber(
  tx: Tx,
  companyId: string,
  kind: PickingKind | 'count',
): Promise<string> {
  const prefix = kind === 'count' ? 'SC' : PREFIX[kind];
  const { seq, year } = await nextNumberInYear(tx, companyId, `inventory.${kind}`);
  return documentNumber(prefix, year, seq);
}

/**
 * Gives a document inserted with `numberLater` its number from the yearly counter, and its state, in one
 * statement (the counter row stays locked until commit). The number's shape is `documentNumber`'s.
 */
export async function assignPickingNumber(
  tx: Tx,
  companyId: string,
  id: string,
  kind: PickingKind,
  state: PickingState,
): Promise<string> {
  const row = await one<{ number: string }>(
    tx,
    sql`with n as (
          insert into platform_sequence as s (company_id, key, last_value)
          select c.id, ${`inventory.${kind}.`} || to_char((now() at time zone c.time_zone)::date, 'YYYY'), 1
            from platform_company c where c.id = ${companyId}
          on conflict (company_id, key) do update set last_value = s.last_value + 1
          returning s.last_value as seq, right(s.key, 4) as year)
        update inventory_picking set number = ${PREFIX[kind]} || '-' || n.year || '-' || lpad(n.seq::text, 5, '0'),
               state = ${state}
          from n
         where company_id = ${companyId} and id = ${id}
        returning number`,
  );
  return row!.number;
}

export interface NewPicking {
  kind: PickingKind;
  state: PickingState;
  warehouseId: string;
  partyId?: string | null;
  originType?: string | null;
  originId?: string | null;
  originNumber?: string | null;
  scheduledDate?: string | null;
  shipTo?: Record<string, string> | null;
  notes?: string;
  backorderOfId?: string | null;
  returnOfId?: string | null;
}

/**
 * Inserts a document and its lines (numbered 1…n); returns the id, number and the line ids in order.
 * With `numberLater`, the document gets a provisional number (its id) and the caller gives it its real
 * one with `assignPickingNumber` as its last statement: the number counter is locked until commit, so
 * taking it last keeps concurrent writers (order confirmations) from queueing behind the whole work.
 */
export async function insertPicking(
  tx: Tx,
  companyId: string,
  p: NewPicking,
  lines: NewLine[],
  options: { numberLater?: boolean } = {},
): Promise<{ id: string; number: string; lineIds: string[] }> {
  const id = newId();
  const number = options.numberLater ? `~${id}` : await nextPickingNumber(tx, companyId, p.kind);
  const lineRows = lines.map((l, i) => ({
    id: newId(),
    lineNo: i + 1,
    productId: l.productId,
    qty: l.qty,
    originLineId: l.originLineId ?? null,
    locationId: l.locationId ?? null,
    lotNo: l.lotNo ?? null,
    expiryDate: l.expiryDate ?? null,
    quality: l.quality ?? null,
    unitCost: l.unitCost ?? null,
    returnOfLineId: l.returnOfLineId ?? null,
  }));
  // The document and all its lines in one statement (the lines' foreign key is checked at its end).
  await tx.execute(
    sql`with p as (
          insert into inventory_picking (company_id, id, number, kind, state, warehouse_id, party_id, origin_type,
            origin_id, origin_number, scheduled_date, ship_to, notes, backorder_of_id, return_of_id)
          values (${companyId}, ${id}, ${number}, ${p.kind}, ${p.state}, ${p.warehouseId}, ${p.partyId ?? null},
            ${p.originType ?? null}, ${p.originId ?? null}, ${p.originNumber ?? null}, ${p.scheduledDate ?? null},
            ${p.shipTo ? JSON.stringify(p.shipTo) : null}::jsonb, ${p.notes ?? ''}, ${p.backorderOfId ?? null},
            ${p.returnOfId ?? null}))
        insert into inventory_picking_line (company_id, id, picking_id, line_no, product_id, qty, origin_line_id,
          location_id, lot_no, expiry_date, quality, unit_cost, return_of_line_id)
        select ${companyId}, r.id, ${id}, r."lineNo", r."productId", r.qty, r."originLineId", r."locationId", r."lotNo",
               r."expiryDate", r.quality, r."unitCost", r."returnOfLineId"
          from jsonb_to_recordset(${JSON.stringify(lineRows)}::jsonb) as r(id uuid, "lineNo" int, "productId" uuid,
            qty numeric, "originLineId" uuid, "locationId" uuid, "lotNo" text, "expiryDate" date, quality text,
            "unitCost" numeric, "returnOfLineId" uuid)`,
  );
  return { id, number, lineIds: lineRows.map((l) => l.id) };
}

/** Writes a document's new state (and other columns) with the version bump. */
export async function updatePicking(tx: Tx, companyId: string, id: string, set: SQL): Promise<void> {
  await tx.execute(
    sql`update inventory_picking set ${set}, version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${id}`,
  );
}

/** What the audit log keeps of a document. */
export function auditablePicking(p: PickingSummary) {
  return {
    number: p.number,
    kind: p.kind,
    state: p.state,
    warehouseId: p.warehouseId,
    partyId: p.partyId,
    originType: p.originType,
    originId: p.originId,
    carrier: p.carrier,
    trackingNo: p.trackingNo,
    backorderOfId: p.backorderOfId,
  };
}
