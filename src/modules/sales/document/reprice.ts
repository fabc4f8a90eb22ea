import type { LineInput } from './contract.ts';

/** Stored lines back as inputs, so a header change re-prices them; typed prices stay typed. */
export function inputsFromRows(list: Array<Record<string, any>>): LineInput[] {
  return list.map((l) => ({
    productId: l.product_id,
    qty: l.qty_t,
    uomCode: l.uom_code,
    unitPrice: l.price_source?.kind === 'manual' ? l.unit_price_t : undefined,
    discountPercent: l.discount_t,
    taxCode: l.tax_code,
    description: l.description,
  }));
}
