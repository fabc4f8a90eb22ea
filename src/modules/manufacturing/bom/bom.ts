import { Decimal } from 'decimal.js';
import { unprocessable } from '../../../platform/errors.ts';

export type BomState = 'draft' | 'active' | 'archived';
export type BomAction = 'activate' | 'archive' | 'edit';

/**
 * The BOM state machine as data: only drafts are edited (a change to a BOM in use is a new revision);
 * a draft or archived BOM is activated, a draft or active one archived.
 */
const TRANSITIONS: Record<BomAction, { from: BomState[]; to: BomState }> = {
  edit: { from: ['draft'], to: 'draft' },
  activate: { from: ['draft', 'archived'], to: 'active' },
  archive: { from: ['draft', 'active'], to: 'archived' },
};

/** The state an action leads to; 422 `manufacturing.bom_state` when not allowed from the current one. */
export function bomTransition(state: BomState, action: BomAction): BomState {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state))
    throw unprocessable('manufacturing.bom_state', `A ${state} BOM cannot ${action}`, { state, action });
  return t.to;
}

/** A component line as the rules see it. */
export interface RuleLine {
  componentId: string;
  qty: string;
  scrapPct: string;
  substitute: boolean;
}

/** Quantity of a line needed per 1 unit of output, scrap included: qty × (1 + scrap %) / output qty. */
export function qtyPerUnit(
  line: { qty: Decimal.Value; scrapPct: Decimal.Value },
  outputQty: Decimal.Value,
): Decimal {
  return new Decimal(line.qty).mul(new Decimal(1).add(new Decimal(line.scrapPct).div(100))).div(outputQty);
}

/** A decimal as a plain string without trailing zeros (10 places at most): 0.3333333333, 2.2, 4. */
export function plain(d: Decimal): string {
  const fixed = d.toDecimalPlaces(10, Decimal.ROUND_HALF_UP).toFixed(10);
  return fixed.replace(/\.?0+$/, '') || '0';
}

/** A BOM's component quantities per unit of output, summed per component; substitutes left out. */
export function componentsPerUnit(lines: RuleLine[], outputQty: string): Map<string, Decimal> {
  const per = new Map<string, Decimal>();
  for (const l of lines) {
    if (l.substitute) continue;
    per.set(l.componentId, (per.get(l.componentId) ?? new Decimal(0)).add(qtyPerUnit(l, outputQty)));
  }
  return per;
}

/**
 * Refuses a BOM whose components lead back to its own product through other BOMs (422
 * `manufacturing.bom_cycle`, details.path: product ids from the product back to itself). Walks level by
 * level; `childrenOf` answers the components of the given products' BOMs (every non-archived one, so a
 * draft activated later cannot close a loop either).
 */
export async function assertNoCycle(
  productId: string,
  components: string[],
  childrenOf: (productIds: string[]) => Promise<Map<string, string[]>>,
): Promise<void> {
  const parent = new Map<string, string>();
  let frontier: string[] = [];
  for (const c of new Set(components)) {
    parent.set(c, productId);
    frontier.push(c);
  }
  for (let depth = 0; frontier.length > 0 && depth < 100; depth++) {
    if (frontier.includes(productId)) throw cycleError(productId, parent);
    const children = await childrenOf(frontier);
    const next: string[] = [];
    for (const p of frontier)
      for (const c of children.get(p) ?? []) {
        if (c === productId) {
          parent.set(productId, p);
          throw cycleError(productId, parent);
        }
        if (parent.has(c)) continue;
        parent.set(c, p);
        next.push(c);
      }
    frontier = next;
  }
}

function cycleError(productId: string, parent: Map<string, string>) {
  const path = [productId];
  let at = parent.get(productId);
  while (at !== undefined && at !== productId && path.length < 100) {
    path.unshift(at);
    at = parent.get(at);
  }
  path.unshift(productId);
  return unprocessable(
    'manufacturing.bom_cycle',
    'The BOM uses its own product, directly or through sub-BOMs',
    {
      path,
    },
  );
}

/** Two validity windows [from, to] (null = open) overlap. Dates are YYYY-MM-DD strings. */
export function windowsOverlap(
  a: { validFrom: string | null; validTo: string | null },
  b: { validFrom: string | null; validTo: string | null },
): boolean {
  const startsBeforeEnd = (from: string | null, to: string | null) =>
    from === null || to === null || from <= to;
  return startsBeforeEnd(a.validFrom, b.validTo) && startsBeforeEnd(b.validFrom, a.validTo);
}

/** A substitute must point at a main line of the same BOM, and a main line's component differs from it. */
export function assertSubstitutes(
  lines: Array<{ position: number; componentId: string; substituteOfPosition?: number | null }>,
): void {
  const byPosition = new Map(lines.map((l) => [l.position, l]));
  if (byPosition.size !== lines.length)
    throw unprocessable('manufacturing.bom_line_position', 'Two lines share a position');
  for (const l of lines) {
    if (l.substituteOfPosition == null) continue;
    const main = byPosition.get(l.substituteOfPosition);
    if (!main || main.substituteOfPosition != null || main.position === l.position)
      throw unprocessable(
        'manufacturing.bom_substitute',
        'A substitute replaces a main line of the same BOM',
        {
          position: l.position,
          substituteOf: l.substituteOfPosition,
        },
      );
    if (main.componentId === l.componentId)
      throw unprocessable(
        'manufacturing.bom_substitute',
        'A substitute is another product than the line it replaces',
        {
          position: l.position,
        },
      );
  }
}
