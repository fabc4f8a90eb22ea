import { Decimal } from 'decimal.js';
import { stateMachine } from '../document/state-machine.ts';
import { addDays } from '../quote/quote.ts';

export const ORDER_STATES = [
  'draft',
  'awaiting_approval',
  'confirmed',
  'partly_delivered',
  'delivered',
  'closed',
  'cancelled',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/**
 * draft ─confirm→ confirmed ─ship part→ partly_delivered ─ship rest→ delivered ─close→ closed
 *   │  └─over credit, approval asked→ awaiting_approval ─approved→ confirmed / ─rejected→ draft
 *   └─cancel (draft, awaiting approval, confirmed with nothing delivered)→ cancelled
 * partly_delivered ─close→ closed (the open backorder is cancelled)
 */
export const orderStates = stateMachine<OrderState>('sales order', {
  draft: ['confirmed', 'awaiting_approval', 'cancelled'],
  awaiting_approval: ['confirmed', 'draft', 'cancelled'],
  confirmed: ['partly_delivered', 'delivered', 'cancelled'],
  partly_delivered: ['delivered', 'closed'],
  delivered: ['closed'],
  closed: [],
  cancelled: [],
});

/** Days after the order date a short line is expected when no incoming stock covers it. */
export const DEFAULT_LEAD_DAYS = 7;

export interface ProjectionDay {
  date: string;
  projected: string;
}

/**
 * When a line's goods can leave: reserved in full → the requested date or the order date; short → the
 * first projected day whose available quantity covers the shortage, else the order date plus the
 * default lead time.
 */
export function expectedDate(input: {
  orderDate: string;
  requestedDate: string | null;
  short: Decimal.Value;
  projection?: ProjectionDay[];
}): string {
  const ready = input.requestedDate ?? input.orderDate;
  const short = new Decimal(input.short);
  if (short.lte(0)) return ready;
  const covered = input.projection?.find((d) => new Decimal(d.projected).gte(short));
  if (covered) return covered.date > ready ? covered.date : ready;
  const lead = addDays(input.orderDate, DEFAULT_LEAD_DAYS);
  return lead > ready ? lead : ready;
}

export interface LineProgress {
  qtyBase: Decimal.Value;
  qtyDelivered: Decimal.Value;
}

/** After a shipment: delivered once every stocked line is delivered in full, else partly delivered. */
export function stateAfterShipment(stockedLines: LineProgress[]): 'delivered' | 'partly_delivered' {
  return stockedLines.every((l) => new Decimal(l.qtyDelivered).gte(l.qtyBase))
    ? 'delivered'
    : 'partly_delivered';
}

export interface CreditFigures {
  limit: string;
  exposure: string;
  orderTotal: string;
}

/** Invoices of the customer open more than `days` days past due (the overdue block). */
export interface OverdueFigures {
  days: number;
  amount: string;
  invoices: number;
  oldestDueDate: string;
}

/** What holds a confirmation back: over the credit limit, overdue invoices, or both. */
export interface CreditHold {
  credit: CreditFigures | null;
  overdue: OverdueFigures | null;
}

/** The credit rule: exposure + this order must stay within the limit (equal is fine). */
export function withinCredit(f: CreditFigures): boolean {
  return new Decimal(f.exposure).plus(f.orderTotal).lte(f.limit);
}
