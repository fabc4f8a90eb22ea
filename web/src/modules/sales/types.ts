// Shapes of the sales API (src/modules/sales/**/contract.ts) as the screens use them.
import type { Names, PriceSource } from '../catalog/types.ts';

export type QuoteState = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired' | 'superseded' | 'cancelled';
export const QUOTE_STATES: QuoteState[] = [
  'draft',
  'sent',
  'accepted',
  'rejected',
  'expired',
  'superseded',
  'cancelled',
];

export type OrderState =
  | 'draft'
  | 'awaiting_approval'
  | 'confirmed'
  | 'partly_delivered'
  | 'delivered'
  | 'closed'
  | 'cancelled';
export const ORDER_STATES: OrderState[] = [
  'draft',
  'awaiting_approval',
  'confirmed',
  'partly_delivered',
  'delivered',
  'closed',
  'cancelled',
];

export interface LineView {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  productName: Names;
  description: string;
  qty: string;
  uomCode: string;
  qtyBase: string;
  unitPrice: string;
  priceSource: PriceSource;
  discountPercent: string;
  taxCode: string | null;
  taxRate: string;
  taxIncluded: boolean;
  subtotal: string;
  tax: string;
  total: string;
}

export interface LineInput {
  productId: string;
  qty: string;
  uomCode?: string;
  unitPrice?: string;
  discountPercent?: string;
  taxCode?: string | null;
  description?: string;
}

interface Header {
  id: string;
  number: string;
  customerId: string;
  customerName: string | null;
  contactId: string | null;
  opportunityId: string | null;
  priceListId: string | null;
  warehouseId: string;
  currency: string;
  exchangeRate: string;
  ownerUserId: string | null;
  ownerName: string | null;
  shipTo: Record<string, string> | null;
  notes: string;
  subtotal: string;
  taxTotal: string;
  total: string;
  totalCompany: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Quote extends Header {
  state: QuoteState;
  revision: number;
  previousId: string | null;
  quoteDate: string;
  validUntil: string | null;
  sentAt: string | null;
  acceptedAt: string | null;
  orderId: string | null;
  lines?: LineView[];
}

export interface QuoteInput {
  customerId: string;
  contactId?: string | null;
  priceListId?: string | null;
  warehouseId?: string;
  currency?: string;
  quoteDate?: string;
  validUntil?: string | null;
  notes?: string;
  lines: LineInput[];
}

export interface OrderLine extends LineView {
  qtyReserved: string;
  qtyDelivered: string;
  expectedDate: string | null;
  /** The purchase or production order that will bring a short line's goods. */
  plannedBy?: string | null;
}

export interface OrderHistoryEntry {
  id?: string;
  fromState: OrderState | null;
  toState: OrderState;
  note?: string;
  byUserId?: string | null;
  byName?: string | null;
  at: string;
}

export interface OrderDelivery {
  id: string;
  number: string;
  kind: string;
  state: string;
  scheduledDate: string | null;
  doneAt: string | null;
  carrier: string;
  trackingNo: string;
}

export interface Order extends Header {
  state: OrderState;
  orderDate: string;
  requestedDate: string | null;
  quoteId: string | null;
  quoteNumber?: string | null;
  paymentTermCode?: string | null;
  confirmedAt: string | null;
  cancelledAt?: string | null;
  cancelReason?: string | null;
  lines?: OrderLine[];
  history?: OrderHistoryEntry[];
  deliveries?: OrderDelivery[];
}
