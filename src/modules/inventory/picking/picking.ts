import { Decimal } from 'decimal.js';
import { unprocessable } from '../../../platform/errors.ts';

export type PickingKind = 'delivery' | 'receipt' | 'internal' | 'return_in' | 'return_out';
export type PickingState = 'draft' | 'waiting' | 'ready' | 'picked' | 'packed' | 'done' | 'cancelled';
export type PickingAction = 'pick' | 'pack' | 'ship' | 'validate' | 'cancel';

/**
 * The state machine of stock documents, as data. A delivery may ship without being picked or packed
 * (small warehouses skip those steps) and while still waiting for stock (a partial shipment, the rest
 * goes to a backorder). A receipt is validated from draft or ready.
 */
const TRANSITIONS: Record<PickingAction, { kinds: PickingKind[]; from: PickingState[]; to: PickingState }> = {
  pick: { kinds: ['delivery'], from: ['waiting', 'ready'], to: 'picked' },
  pack: { kinds: ['delivery'], from: ['picked'], to: 'packed' },
  ship: { kinds: ['delivery'], from: ['waiting', 'ready', 'picked', 'packed'], to: 'done' },
  validate: { kinds: ['receipt'], from: ['draft', 'ready'], to: 'done' },
  cancel: {
    kinds: ['delivery', 'receipt'],
    from: ['draft', 'waiting', 'ready', 'picked', 'packed'],
    to: 'cancelled',
  },
};

/** The state an action leads to; 422 `inventory.picking_state` when not allowed from the current one. */
export function transition(kind: PickingKind, state: PickingState, action: PickingAction): PickingState {
  const t = TRANSITIONS[action];
  if (!t.kinds.includes(kind) || !t.from.includes(state))
    throw unprocessable('inventory.picking_state', `A ${kind} in state ${state} cannot ${action}`, {
      kind,
      state,
      action,
    });
  return t.to;
}

export const OPEN_STATES: PickingState[] = ['draft', 'waiting', 'ready', 'picked', 'packed'];

export interface PlanLine {
  id: string;
  qty: string;
  qtyDone: string;
  reservedQty: string;
}

export interface Requested {
  lineId: string;
  qty: string;
  lotNo?: string | null;
}

export interface PlannedLine {
  lineId: string;
  qty: Decimal;
  lotNo: string | null;
}

/**
 * What each line ships: the requested quantities (lines not named ship nothing), or, without a
 * request, everything reserved. A line named twice, unknown to the document or asked for more than
 * it still needs is refused (422); shipping nothing at all too.
 */
export function planQuantities(lines: PlanLine[], requested: Requested[] | undefined): PlannedLine[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  let plan: PlannedLine[];
  if (requested) {
    const seen = new Set<string>();
    plan = requested.map((r) => {
      const line = byId.get(r.lineId);
      if (!line)
        throw unprocessable('inventory.line_unknown', 'This line is not part of the document', {
          lineId: r.lineId,
        });
      if (seen.has(r.lineId))
        throw unprocessable('inventory.line_repeated', 'A line is named twice', { lineId: r.lineId });
      seen.add(r.lineId);
      const open = new Decimal(line.qty).sub(line.qtyDone);
      if (new Decimal(r.qty).gt(open))
        throw unprocessable('inventory.qty_exceeds_demand', 'More than the line still needs', {
          lineId: r.lineId,
          open: open.toFixed(4),
        });
      return { lineId: r.lineId, qty: new Decimal(r.qty), lotNo: r.lotNo?.trim() || null };
    });
  } else {
    plan = lines.map((l) => ({
      lineId: l.id,
      qty: Decimal.min(new Decimal(l.reservedQty), new Decimal(l.qty).sub(l.qtyDone)),
      lotNo: null,
    }));
  }
  plan = plan.filter((p) => p.qty.gt(0));
  if (plan.length === 0)
    throw unprocessable(
      'inventory.nothing_to_ship',
      'Nothing to ship: no quantity given and nothing reserved',
    );
  return plan;
}

/** Lines still open after this step (what a backorder takes over), with their remaining quantity. */
export function remainders(
  lines: PlanLine[],
  done: Map<string, Decimal>,
): Array<{ lineId: string; qty: Decimal }> {
  return lines
    .map((l) => ({ lineId: l.id, qty: new Decimal(l.qty).sub(l.qtyDone).sub(done.get(l.id) ?? 0) }))
    .filter((r) => r.qty.gt(0));
}

/** The timeline line sales and the CRM show: "Delivery DO-2026-00001 shipped: 3 lines, SF Express SF123". */
export function shippedSummary(
  number: string,
  lineCount: number,
  carrier: string,
  trackingNo: string,
): string {
  const via = [carrier, trackingNo].filter(Boolean).join(' ');
  return `Delivery ${number} shipped: ${lineCount} line${lineCount === 1 ? '' : 's'}${via ? `, ${via}` : ''}`;
}

/** A document number: `DO-2026-00001` (prefix, the company's year, a yearly counter). */
export function documentNumber(prefix: string, year: string, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(5, '0')}`;
}
