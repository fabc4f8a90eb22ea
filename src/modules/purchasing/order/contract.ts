import { z } from 'zod';
import { ListQuery, Version } from '../../../platform/http/schemas.ts';
import { CurrencyCode, DateString, Price, Qty, Text } from '../shared.ts';

export const OrderStateEnum = z.enum([
  'draft',
  'awaiting_approval',
  'sent',
  'confirmed',
  'partly_received',
  'received',
  'billed',
  'closed',
  'cancelled',
]);

export const OrderLineInput = z.strictObject({
  productId: z.uuid(),
  description: Text(500).optional(),
  qty: Qty,
  /** Default: the supplier's best valid price for the quantity on the order date (422 when it has none). */
  unitPrice: Price.optional(),
  /** An input VAT code (VAT13-IN …); null: no VAT. */
  taxCode: z.string().max(40).nullable().optional(),
});
export type OrderLineInput = z.infer<typeof OrderLineInput>;

const Header = {
  warehouseId: z.uuid().optional(),
  orderDate: DateString.optional(),
  /** When the goods should arrive; default: order date + the longest line lead time. */
  expectedDate: DateString.nullable().optional(),
  currency: CurrencyCode.optional(),
  paymentTermCode: z.string().max(40).nullable().optional(),
  notes: Text(2000).optional(),
};

export const OrderInput = z
  .strictObject({ supplierId: z.uuid(), ...Header, lines: z.array(OrderLineInput).min(1).max(500) })
  .meta({ id: 'PurchaseOrderCreate' });
export type OrderInput = z.infer<typeof OrderInput>;

export const OrderPatch = z.strictObject({
  version: Version,
  ...Header,
  lines: z.array(OrderLineInput).min(1).max(500).optional(),
});
export type OrderPatch = z.infer<typeof OrderPatch>;

export const VersionInput = z.strictObject({ version: Version, reason: Text(500).optional() });
export type VersionInput = z.infer<typeof VersionInput>;

export const OrderLineView = z.object({
  id: z.uuid(),
  lineNo: z.number().int(),
  productId: z.uuid(),
  sku: z.string(),
  productName: z.string(),
  uomCode: z.string(),
  description: z.string(),
  qty: z.string(),
  unitPrice: z.string(),
  taxCode: z.string().nullable(),
  taxRate: z.string(),
  subtotal: z.string(),
  tax: z.string(),
  total: z.string(),
  qtyReceived: z.string(),
  qtyBilled: z.string(),
  qtyReturned: z.string(),
  /** Requisitions this line orders. */
  requisitionIds: z.array(z.uuid()),
});

export const OrderSummary = z
  .object({
    id: z.uuid(),
    number: z.string(),
    state: OrderStateEnum,
    supplierId: z.uuid(),
    supplierCode: z.string(),
    supplierName: z.string(),
    partyId: z.uuid(),
    warehouseId: z.uuid(),
    orderDate: z.string(),
    expectedDate: z.string().nullable(),
    currency: z.string(),
    exchangeRate: z.string(),
    paymentTermCode: z.string().nullable(),
    notes: z.string(),
    subtotal: z.string(),
    taxTotal: z.string(),
    total: z.string(),
    totalCompany: z.string(),
    approvalId: z.uuid().nullable(),
    approvedAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    /** The first (draft) inventory receipt made at confirmation; backorders follow it. */
    receiptId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PurchaseOrderSummary' });
export type OrderSummary = z.infer<typeof OrderSummary>;

export const OrderView = OrderSummary.extend({ lines: z.array(OrderLineView) }).meta({ id: 'PurchaseOrder' });
export type OrderView = z.infer<typeof OrderView>;

export const OrderListQuery = ListQuery.extend({
  state: OrderStateEnum.optional(),
  supplierId: z.uuid().optional(),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;

export const PrintQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });
