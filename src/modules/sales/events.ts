import { z } from 'zod';

// The events sales publishes (outbox type → payload). Every one carries `customerId` and a short English
// `summary`, so it lands on the customer's timeline.

const Common = {
  customerId: z.uuid(),
  number: z.string(),
  summary: z.string(),
};
const Quote = z.object({
  ...Common,
  quoteId: z.uuid(),
  revision: z.number().int(),
  total: z.string(),
  currency: z.string(),
});
const Order = z.object({
  ...Common,
  orderId: z.uuid(),
  total: z.string().optional(),
  currency: z.string().optional(),
});

export const salesEvents = {
  'quote.created': Quote,
  'quote.sent': Quote.extend({ to: z.string() }),
  'quote.accepted': Quote.extend({ orderId: z.uuid() }),
  'quote.revised': Quote.extend({ newQuoteId: z.uuid(), newRevision: z.number().int() }),
  'quote.cancelled': Quote,
  'sales_order.created': Order,
  'sales_order.approval_requested': Order.extend({
    approvalId: z.uuid(),
    /** Over the credit limit: the figures. */
    limit: z.string().optional(),
    exposure: z.string().optional(),
    orderTotal: z.string().optional(),
    /** Held by a confirm gate (a trigger rule): why. */
    reason: z.string().optional(),
  }),
  'sales_order.confirmed': Order.extend({ shortLines: z.number().int() }),
  'sales_order.partly_delivered': Order.extend({ deliveryId: z.string(), deliveryNumber: z.string() }),
  'sales_order.delivered': Order.extend({ deliveryId: z.string(), deliveryNumber: z.string() }),
  'sales_order.cancelled': Order,
  'sales_order.closed': Order,
} as const;

export type SalesEventType = keyof typeof salesEvents;
