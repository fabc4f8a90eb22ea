import { z } from 'zod';
import { Version } from '../../../platform/http/schemas.ts';
import { BusinessDate, Currency, HeaderView, Lines, LineView, ShipTo } from '../document/contract.ts';
import { ORDER_STATES } from './order.ts';

const TermCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'a payment term code such as NET30');

export const OrderInput = z.strictObject({
  customerId: z.uuid(),
  contactId: z.uuid().nullable().optional(),
  /** The deal this order closes: it is marked won when the order is confirmed. */
  opportunityId: z.uuid().nullable().optional(),
  priceListId: z.uuid().nullable().optional(),
  warehouseId: z.uuid().optional(),
  currency: Currency.optional(),
  /** Today (company time zone) unless given. */
  orderDate: BusinessDate.optional(),
  requestedDate: BusinessDate.nullable().optional(),
  /** The customer's payment term unless given. */
  paymentTermCode: TermCode.nullable().optional(),
  shipTo: ShipTo.nullable().optional(),
  notes: z.string().trim().max(4000).optional(),
  lines: Lines,
});
export type OrderInput = z.infer<typeof OrderInput>;

export const OrderPatch = z.strictObject({
  version: Version,
  contactId: z.uuid().nullable().optional(),
  opportunityId: z.uuid().nullable().optional(),
  priceListId: z.uuid().nullable().optional(),
  warehouseId: z.uuid().optional(),
  currency: Currency.optional(),
  orderDate: BusinessDate.optional(),
  requestedDate: BusinessDate.nullable().optional(),
  paymentTermCode: TermCode.nullable().optional(),
  shipTo: ShipTo.nullable().optional(),
  notes: z.string().trim().max(4000).optional(),
  /** Replaces every line; without it a change of currency, price list or date re-prices the lines. */
  lines: Lines.optional(),
});
export type OrderPatch = z.infer<typeof OrderPatch>;

export const ConfirmInput = z.strictObject({
  version: Version,
  /** Over the credit limit: ask a sales manager instead of failing (the order waits in awaiting_approval). */
  requestApproval: z.boolean().optional(),
  /** Why the approval is asked (shown to the approver). */
  reason: z.string().trim().max(500).optional(),
});
export type ConfirmInput = z.infer<typeof ConfirmInput>;

export const InvoiceOrderInput = z.strictObject({
  version: Version.optional(),
  /** Post the invoice at once (number, journal entry, receivable); false leaves a draft. */
  post: z.boolean().default(true),
  invoiceDate: BusinessDate.optional(),
});

export const CancelInput = z.strictObject({
  version: Version,
  reason: z.string().trim().max(500).optional(),
});
export type CancelInput = z.infer<typeof CancelInput>;

export const CloseInput = z.strictObject({ version: Version });
export type CloseInput = z.infer<typeof CloseInput>;

export const OrderLineView = LineView.extend({
  qtyReserved: z.string(),
  qtyDelivered: z.string(),
  qtyInvoiced: z.string(),
  expectedDate: z.string().nullable(),
  /** The purchase or production order that will bring a short line's goods, once planned. */
  plannedBy: z.string().nullable(),
});
export type OrderLineView = z.infer<typeof OrderLineView>;

export const OrderHistoryView = z.object({
  fromState: z.string().nullable(),
  toState: z.string(),
  note: z.string(),
  byUserId: z.uuid().nullable(),
  byName: z.string().nullable(),
  at: z.string(),
});

export const DeliveryRef = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.string(),
  state: z.string(),
  scheduledDate: z.string().nullable(),
  doneAt: z.string().nullable(),
  carrier: z.string(),
  trackingNo: z.string(),
});

const OrderHeader = {
  ...HeaderView,
  state: z.enum(ORDER_STATES),
  orderDate: z.string(),
  requestedDate: z.string().nullable(),
  quoteId: z.uuid().nullable(),
  paymentTermCode: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.uuid().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
};

export const OrderSummary = z.object(OrderHeader).meta({ id: 'SalesOrderSummary' });
export type OrderSummary = z.infer<typeof OrderSummary>;

export const OrderView = z
  .object({
    ...OrderHeader,
    lines: z.array(OrderLineView),
    /** Every state change: who, when, why. */
    history: z.array(OrderHistoryView),
    /** The order's delivery orders (and backorders) from inventory. */
    deliveries: z.array(DeliveryRef),
  })
  .meta({ id: 'SalesOrder' });
export type OrderView = z.infer<typeof OrderView>;

export const OrderListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  /** Number or customer name. */
  q: z.string().trim().max(100).optional(),
  state: z.enum(ORDER_STATES).optional(),
  customerId: z.uuid().optional(),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;
