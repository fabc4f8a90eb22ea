// The MRP calculation, pure (no I/O): gross demand and supply per product, warehouse and date in,
// dated buy/make proposals pegged to the demand they cover out. See ../README.md (Planning and MRP)
// for the rules; mrp.test.ts works an example through by hand.
import { Decimal } from 'decimal.js';
import { dayOf, isoOf } from './days.ts';
import { lowLevelCodes } from './low-level-codes.ts';

// 18 integer + 4 decimal digits times a per-unit quantity with its own decimals: 20 digits is too few.
const D = Decimal.clone({ precision: 40 });
type Dec = InstanceType<typeof D>;
const ZERO = new D(0);

export type ProcureMethod = 'make' | 'buy';
/** The document a demand comes from: a sales order, a forecast, a production order, a reorder rule, a proposal. */
export interface PegOrigin {
  type: string;
  id: string | null;
  number: string | null;
}
/** The part of one demand a proposal covers, and when it was needed. */
export interface Peg extends PegOrigin {
  qty: string;
  date: string;
}

export interface MrpItem {
  productId: string;
  method: ProcureMethod;
  /** Days from release to need: purchase lead time (buy) or production lead time (make). */
  leadTimeDays: number;
  /** The smallest lot worth ordering (a supplier's minimum); none when absent. */
  minOrderQty?: string;
}
export interface MrpRule {
  id: string;
  productId: string;
  warehouseId: string;
  /** reorder: keep the projected stock at or above min, refilling to max; mto: cover each demand on its own. */
  route: 'reorder' | 'mto';
  minQty: string;
  maxQty: string;
  /** Lots are rounded up to a multiple of this (0: any quantity). */
  multiple: string;
}
export interface MrpBom {
  productId: string;
  bomId: string;
  leadTimeDays: number;
  /** Per 1 unit of the product, scrap included. */
  components: Array<{ productId: string; qtyPerUnit: string }>;
}
export interface MrpStock {
  productId: string;
  warehouseId: string;
  /** On hand − reserved now. */
  available: string;
}
export interface MrpSupply {
  productId: string;
  warehouseId: string;
  /** Expected arrival; past or unknown dates count today. */
  date: string | null;
  qty: string;
}
export interface MrpDemand extends MrpSupply {
  origin: PegOrigin;
}
export interface MrpInput {
  /** The planning day (company time zone), YYYY-MM-DD: nothing is released or needed before it. */
  today: string;
  items: MrpItem[];
  boms: MrpBom[];
  rules: MrpRule[];
  stock: MrpStock[];
  supply: MrpSupply[];
  demand: MrpDemand[];
  /**
   * Planning period in days (default 1): a product's net requirements within one period from today
   * (today…today+n−1, then the next n days …) become one proposal, due on the period's first demand.
   */
  periodDays?: number;
}
export interface MrpProposal {
  id: string;
  productId: string;
  warehouseId: string;
  kind: ProcureMethod;
  bomId: string | null;
  qty: string;
  releaseDate: string;
  needDate: string;
  /** The release date would have been before today: released today, arrives after the need date. */
  late: boolean;
  pegging: Peg[];
}
export interface MrpResult {
  proposals: MrpProposal[];
  counts: { planned: number; demands: number; dependentDemands: number; levels: number; late: number };
}
export interface MrpOptions {
  newId?: () => string;
  /** Items netted between two progress reports (planMrpAsync yields to the event loop there). */
  chunk?: number;
}

interface DemandEvent {
  day: number;
  qty: Dec;
  origin: PegOrigin;
}
interface Node {
  productId: string;
  warehouseId: string;
  level: number;
  available: Dec;
  demands: DemandEvent[];
  supplies: Array<{ day: number; qty: Dec }>;
  rule: MrpRule | undefined;
  queued: boolean;
}
interface BomData {
  bomId: string;
  leadTimeDays: number;
  components: Array<{ productId: string; perUnit: Dec }>;
}
interface State {
  today: number;
  period: number;
  items: Map<string, MrpItem>;
  boms: Map<string, BomData>;
  codes: Map<string, number>;
  nodes: Map<string, Node>;
  buckets: Node[][];
  proposals: MrpProposal[];
  counts: MrpResult['counts'];
  newId: () => string;
}

const keyOf = (productId: string, warehouseId: string) => `${productId}|${warehouseId}`;

function bomMap(boms: MrpBom[]): Map<string, BomData> {
  const map = new Map<string, BomData>();
  for (const bom of boms) {
    // The same component on two lines is one requirement.
    const per = new Map<string, Dec>();
    for (const c of bom.components) per.set(c.productId, (per.get(c.productId) ?? ZERO).add(c.qtyPerUnit));
    map.set(bom.productId, {
      bomId: bom.bomId,
      leadTimeDays: bom.leadTimeDays,
      components: [...per].filter(([, q]) => q.gt(0)).map(([productId, perUnit]) => ({ productId, perUnit })),
    });
  }
  return map;
}

function nodeFor(s: State, productId: string, warehouseId: string): Node {
  const key = keyOf(productId, warehouseId);
  let node = s.nodes.get(key);
  if (!node) {
    node = {
      productId,
      warehouseId,
      level: s.codes.get(productId) ?? 0,
      available: ZERO,
      demands: [],
      supplies: [],
      rule: undefined,
      queued: false,
    };
    s.nodes.set(key, node);
  }
  return node;
}

function enqueue(s: State, node: Node): void {
  if (node.queued) return;
  node.queued = true;
  while (s.buckets.length <= node.level) s.buckets.push([]);
  s.buckets[node.level].push(node);
}

function addDemand(
  s: State,
  productId: string,
  warehouseId: string,
  day: number,
  qty: Dec,
  origin: PegOrigin,
) {
  const node = nodeFor(s, productId, warehouseId);
  node.demands.push({ day: Math.max(day, s.today), qty, origin });
  enqueue(s, node);
}

function initialState(input: MrpInput, options: MrpOptions): State {
  const boms = bomMap(input.boms);
  const children = new Map<string, string[]>();
  for (const [productId, bom] of boms)
    children.set(
      productId,
      bom.components.map((c) => c.productId),
    );
  let seq = 0;
  const s: State = {
    today: dayOf(input.today),
    period: Math.max(1, Math.floor(input.periodDays ?? 1)),
    items: new Map(input.items.map((i) => [i.productId, i])),
    boms,
    codes: lowLevelCodes(children),
    nodes: new Map(),
    buckets: [],
    proposals: [],
    counts: { planned: 0, demands: 0, dependentDemands: 0, levels: 0, late: 0 },
    newId: options.newId ?? (() => `proposal-${++seq}`),
  };
  for (const row of input.stock) {
    const node = nodeFor(s, row.productId, row.warehouseId);
    node.available = node.available.add(row.available);
  }
  for (const row of input.supply) {
    const qty = new D(row.qty);
    if (qty.lte(0)) continue;
    const day = row.date ? Math.max(dayOf(row.date), s.today) : s.today;
    nodeFor(s, row.productId, row.warehouseId).supplies.push({ day, qty });
  }
  for (const rule of input.rules) {
    const node = nodeFor(s, rule.productId, rule.warehouseId);
    node.rule = rule;
    if (rule.route === 'reorder') enqueue(s, node);
  }
  for (const row of input.demand) {
    const qty = new D(row.qty);
    if (qty.lte(0)) continue;
    s.counts.demands++;
    addDemand(s, row.productId, row.warehouseId, row.date ? dayOf(row.date) : s.today, qty, row.origin);
  }
  return s;
}

/** The lot to order for a net requirement: at least the minimum order, rounded up to the multiple. */
export function lotSize(need: Decimal.Value, minOrderQty?: Decimal.Value, multiple?: Decimal.Value): string {
  let qty = new D(need);
  if (minOrderQty !== undefined && qty.lt(minOrderQty)) qty = new D(minOrderQty);
  if (multiple !== undefined && new D(multiple).gt(0)) qty = qty.div(multiple).ceil().mul(multiple);
  return qty.toFixed(4);
}

/** Creates the proposal for a net requirement on `day`; a make proposal adds its components' demand. */
function propose(s: State, node: Node, day: number, need: Dec, pegs: Peg[]): Dec {
  const item = s.items.get(node.productId);
  const bom = s.boms.get(node.productId);
  const kind: ProcureMethod = item?.method ?? (bom ? 'make' : 'buy');
  const lead = item?.leadTimeDays ?? (kind === 'make' ? (bom?.leadTimeDays ?? 0) : 0);
  const qty = new D(lotSize(need, item?.minOrderQty, node.rule?.multiple));
  const wanted = day - lead;
  const late = wanted < s.today;
  const release = late ? s.today : wanted;
  const proposal: MrpProposal = {
    id: s.newId(),
    productId: node.productId,
    warehouseId: node.warehouseId,
    kind,
    bomId: kind === 'make' ? (bom?.bomId ?? null) : null,
    qty: qty.toFixed(4),
    releaseDate: isoOf(release),
    needDate: isoOf(day),
    late,
    pegging: pegs,
  };
  s.proposals.push(proposal);
  if (late) s.counts.late++;
  if (kind === 'make' && bom) {
    // Components must be there when production starts: their need date is this release date.
    const origin: PegOrigin = { type: 'mrp_proposal', id: proposal.id, number: null };
    for (const c of bom.components) {
      const compQty = qty.mul(c.perUnit).toDecimalPlaces(4, Decimal.ROUND_UP);
      s.counts.dependentDemands++;
      addDemand(s, c.productId, node.warehouseId, release, compQty, origin);
    }
  }
  return qty;
}

const peg = (origin: PegOrigin, qty: Dec, day: number): Peg => ({
  type: origin.type,
  id: origin.id,
  number: origin.number,
  qty: qty.toFixed(4),
  date: isoOf(day),
});

/** The first day of the planning period `day` falls in. */
const periodOf = (s: State, day: number) => s.today + Math.floor((day - s.today) / s.period) * s.period;

/**
 * Nets one product in one warehouse: walks its planning periods in order with the projected stock
 * (available now + supply arrived by the period's end − demand so far). Where it falls below the floor
 * (the reorder rule's min, else 0) a proposal due on the period's first demand brings it back: up to
 * max for a reorder rule, to 0 otherwise; make-to-order covers each demand line with its own proposal.
 */
function netNode(s: State, node: Node): void {
  const rule = node.rule;
  const reorder = rule?.route === 'reorder';
  const floor = reorder ? new D(rule.minQty) : ZERO;
  const ceiling = reorder ? D.max(rule.maxQty, rule.minQty) : ZERO;
  const demands = node.demands.sort((a, b) => a.day - b.day);
  const supplies = node.supplies.sort((a, b) => a.day - b.day);
  let projected = node.available;
  let si = 0;
  let di = 0;
  // A reorder rule is checked today even without demand; otherwise only demand lowers the projection.
  let start = reorder ? s.today : demands.length > 0 ? periodOf(s, demands[0].day) : Number.POSITIVE_INFINITY;
  while (Number.isFinite(start)) {
    const end = start + s.period - 1;
    while (si < supplies.length && supplies[si].day <= end) projected = projected.add(supplies[si++].qty);
    const first = di;
    while (di < demands.length && demands[di].day <= end) di++;
    const due = first < di ? demands[first].day : start;
    if (rule?.route === 'mto') {
      for (let i = first; i < di; i++) {
        const d = demands[i];
        projected = projected.sub(d.qty);
        if (projected.lt(0)) {
          const need = projected.neg();
          const pegs = [peg(d.origin, D.min(need, d.qty), d.day)];
          projected = projected.add(propose(s, node, d.day, need, pegs));
        }
      }
    } else {
      let free = D.max(projected.sub(floor), 0);
      const pegs: Peg[] = [];
      for (let i = first; i < di; i++) {
        const d = demands[i];
        projected = projected.sub(d.qty);
        const covered = D.min(free, d.qty);
        free = free.sub(covered);
        if (covered.lt(d.qty)) pegs.push(peg(d.origin, d.qty.sub(covered), d.day));
      }
      if (projected.lt(floor)) {
        const need = ceiling.sub(projected);
        const fromDemand = pegs.reduce((sum, p) => sum.add(p.qty), ZERO);
        if (rule && need.gt(fromDemand))
          pegs.push(peg({ type: 'reorder_rule', id: rule.id, number: null }, need.sub(fromDemand), due));
        projected = projected.add(propose(s, node, due, need, pegs));
      }
    }
    start = di < demands.length ? periodOf(s, demands[di].day) : Number.POSITIVE_INFINITY;
  }
}

function* levels(s: State, chunk: number): Generator<number> {
  let done = 0;
  for (let level = 0; level < s.buckets.length; level++) {
    const bucket = s.buckets[level];
    if (bucket.length > 0) s.counts.levels = level + 1;
    for (let i = 0; i < bucket.length; i++) {
      netNode(s, bucket[i]);
      done++;
      if (done % chunk === 0) {
        const waiting = s.buckets.slice(level).reduce((n, b) => n + b.length, 0) - i - 1;
        yield done / (done + waiting);
      }
    }
  }
  s.counts.planned = done;
}

/** Plans everything in one go. */
export function planMrp(input: MrpInput, options: MrpOptions = {}): MrpResult {
  const s = initialState(input, options);
  for (const _ of levels(s, options.chunk ?? 1000));
  return { proposals: s.proposals, counts: s.counts };
}

/** Plans in chunks, reporting the share done (0..1) and letting other work run between chunks. */
export async function planMrpAsync(
  input: MrpInput,
  onProgress: (share: number) => Promise<void> | void,
  options: MrpOptions = {},
): Promise<MrpResult> {
  const s = initialState(input, options);
  for (const share of levels(s, options.chunk ?? 1000)) {
    await onProgress(share);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { proposals: s.proposals, counts: s.counts };
}
