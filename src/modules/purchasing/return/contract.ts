import { z } from 'zod';
import { Version } from '../../../platform/http/schemas.ts';
import { OrderView } from '../order/contract.ts';
import { Qty, Text } from '../shared.ts';

export const ReturnLineInput = z.strictObject({
  /** A line of this purchase order. */
  lineId: z.uuid(),
  /** At most received − returned of that line. */
  qty: Qty,
  /** Only this lot goes back; without one, free stock of the order's warehouse, first expiry first. */
  lotNo: Text(80).min(1).nullable().optional(),
});

export const ReturnInput = z
  .strictObject({
    version: Version,
    reason: Text(500).min(1),
    lines: z.array(ReturnLineInput).min(1).max(500),
  })
  .meta({ id: 'PurchaseReturnCreate' });
export type ReturnInput = z.infer<typeof ReturnInput>;

export const ReturnResult = OrderView.extend({
  /** The inventory document that took the goods out (RS-…), and the stock value that left. */
  return: z.object({ id: z.uuid(), number: z.string(), value: z.string() }),
}).meta({ id: 'PurchaseReturnResult' });
export type ReturnResult = z.infer<typeof ReturnResult>;
