// What the pure MRP calculation (mrp.ts) takes and gives: quantities as decimal strings, dates YYYY-MM-DD.

export type ProcureMethod = 'make' | 'buy';
/** The document a demand comes from: a sales order, a forecast, a production order, a reorder rule, a proposal. */
export interface PegOrigin {
  type: string;
  id: string | null;
  number: string | null;
  /** The open procurement need (inventory) of the sales order line, when there is one. */
  needId?: string | null;
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
/** A product in a warehouse the run netted, at its low-level code, with how many proposals it got. */
export interface MrpPlannedItem {
  productId: string;
  warehouseId: string;
  level: number;
  proposals: number;
}
export interface MrpResult {
  proposals: MrpProposal[];
  items: MrpPlannedItem[];
  counts: { planned: number; demands: number; dependentDemands: number; levels: number; late: number };
}
export interface MrpOptions {
  newId?: () => string;
  /** Items netted between two progress reports (planMrpAsync yields to the event loop there). */
  chunk?: number;
}
