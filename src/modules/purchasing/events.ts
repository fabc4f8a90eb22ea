import { z } from 'zod';

// The events purchasing publishes (outbox type → payload, version 1). Each names the supplier's party as
// `customerId` and carries a short English `summary`, so it lands on the party's crm timeline.

const Order = z.object({
  orderId: z.uuid(),
  number: z.string(),
  supplierId: z.uuid(),
  customerId: z.uuid(),
  summary: z.string(),
});

export const purchasingEvents = {
  'purchase_order.approval_requested': Order.extend({ approvalId: z.uuid(), totalCompany: z.string() }),
  'purchase_order.sent': Order,
  'purchase_order.confirmed': Order.extend({
    warehouseId: z.uuid(),
    expectedDate: z.string().nullable(),
    receiptId: z.uuid().nullable(),
    total: z.string(),
    currency: z.string(),
  }),
  'purchase_order.received': Order.extend({ state: z.enum(['partly_received', 'received']) }),
  'purchase_order.cancelled': Order,
  'purchase_order.returned': Order.extend({
    returnId: z.uuid(),
    returnNumber: z.string(),
    value: z.string(),
  }),
  'supplier_bill.match_blocked': Order.extend({ billId: z.uuid() }),
  'supplier_bill.posted': Order.extend({
    billId: z.uuid(),
    invoiceId: z.uuid(),
    invoiceNumber: z.string(),
    total: z.string(),
    currency: z.string(),
  }),
} as const;

export type PurchasingEventType = keyof typeof purchasingEvents;
