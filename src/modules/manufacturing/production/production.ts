import { Decimal } from 'decimal.js';
import { unprocessable } from '../../../platform/errors.ts';
import { qtyPerUnit } from '../bom/bom.ts';

export type ProductionState = 'draft' | 'planned' | 'confirmed' | 'in_progress' | 'done' | 'cancelled';
export type ProductionAction = 'edit' | 'confirm' | 'start' | 'work' | 'finish' | 'cancel';

/**
 * The production order state machine as data. `planned` is a draft made by planning (MRP, a
 * procurement need); `work` is consume / produce / scrap, done while in progress. An order in progress
 * is cancelled only while nothing was consumed or produced (checked by the use case).
 */
const TRANSITIONS: Record<ProductionAction, { from: ProductionState[]; to: ProductionState | null }> = {
  edit: { from: ['draft', 'planned'], to: null },
  confirm: { from: ['draft', 'planned'], to: 'confirmed' },
  start: { from: ['confirmed'], to: 'in_progress' },
  work: { from: ['in_progress'], to: 'in_progress' },
  finish: { from: ['in_progress'], to: 'done' },
  cancel: { from: ['draft', 'planned', 'confirmed', 'in_progress'], to: 'cancelled' },
};

export const OPEN_STATES: ProductionState[] = ['draft', 'planned', 'confirmed', 'in_progress'];

/** The state an action leads to (the same one for edit); 422 `manufacturing.production_state` otherwise. */
export function productionTransition(state: ProductionState, action: ProductionAction): ProductionState {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state))
    throw unprocessable('manufacturing.production_state', `A ${state} production order cannot ${action}`, {
      state,
      action,
    });
  return t.to ?? state;
}

/** A BOM line scaled to an order: qty × qty per unit (scrap included), 4 decimals rounded up; substitutes 0. */
export function plannedQty(
  orderQty: Decimal.Value,
  line: { qty: string; scrapPct: string; substituteOf: string | null },
  outputQty: string,
): string {
  if (line.substituteOf !== null) return '0.0000';
  return new Decimal(orderQty)
    .mul(qtyPerUnit(line, outputQty))
    .toDecimalPlaces(4, Decimal.ROUND_UP)
    .toFixed(4);
}

/**
 * What one unit of output takes of the components consumed so far, at their actual cost: per main line,
 * its planned quantity per unit × the average cost of what the line consumed (lines not consumed yet
 * add nothing; they come in with later steps).
 */
export function componentCostPerUnit(
  orderQty: Decimal.Value,
  lines: Array<{
    substituteOf: string | null;
    qtyPlanned: string;
    qtyConsumed: string;
    consumedValue: string;
  }>,
): Decimal {
  return lines
    .filter((l) => l.substituteOf === null && new Decimal(l.qtyConsumed).gt(0))
    .reduce(
      (sum, l) =>
        sum.add(new Decimal(l.qtyPlanned).div(orderQty).mul(new Decimal(l.consumedValue).div(l.qtyConsumed))),
      new Decimal(0),
    );
}

/**
 * The value of one production step's output: the components these units take at actual cost (at most
 * what is still in WIP; everything still in WIP on the step that completes the order or when finishing),
 * plus labour and overhead per unit. So components consumed beyond plan, substitutes and the components
 * of scrapped units (which carry no value) land on the last units (normal spoilage).
 */
export function outputValue(input: {
  qty: Decimal.Value;
  componentCostPerUnit: Decimal.Value;
  consumedValue: Decimal.Value;
  releasedValue: Decimal.Value;
  labourPerUnit: Decimal.Value;
  overheadPerUnit: Decimal.Value;
  last: boolean;
}): { released: Decimal; conversion: Decimal; value: Decimal; unitCost: Decimal } {
  const qty = new Decimal(input.qty);
  const wip = new Decimal(input.consumedValue).sub(input.releasedValue);
  const share = qty.mul(input.componentCostPerUnit).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const released = input.last ? wip : Decimal.min(wip, share);
  const conversion = qty
    .mul(new Decimal(input.labourPerUnit).add(input.overheadPerUnit))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const value = released.add(conversion);
  return { released, conversion, value, unitCost: value.div(qty).toDecimalPlaces(6, Decimal.ROUND_HALF_UP) };
}
