import { conflict, unprocessable } from '../../../platform/errors.ts';

/** The fields the rules below look at (a create input, or a row with a patch applied). */
export interface ProductShape {
  kind: 'stocked' | 'consumable' | 'service';
  uomCode: string;
  saleUomCode: string | null;
  barcode: string | null;
  lotTracked: boolean;
  expiryTracked: boolean;
  units: Array<{ uomCode: string; factor: string; barcode?: string | null }>;
}

/** Rules that need no database: tracking flags and the packagings' consistency. */
export function checkProductShape(p: ProductShape): void {
  if (p.expiryTracked && !p.lotTracked)
    throw unprocessable('catalog.expiry_needs_lot', 'Expiry dates are kept per lot: track lots too');
  if (p.kind === 'service' && p.lotTracked)
    throw unprocessable('catalog.service_not_tracked', 'A service has no stock, so no lots');
  const seen = new Set<string>();
  for (const u of p.units) {
    if (u.uomCode === p.uomCode)
      throw unprocessable(
        'catalog.unit_is_stock_unit',
        `${u.uomCode} is the stock unit itself, not a packaging`,
        {
          uomCode: u.uomCode,
        },
      );
    if (seen.has(u.uomCode))
      throw unprocessable('catalog.unit_twice', `The packaging ${u.uomCode} is listed twice`, {
        uomCode: u.uomCode,
      });
    seen.add(u.uomCode);
  }
  const codes = barcodesOf(p);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw barcodeTaken(dup);
}

export function barcodesOf(p: Pick<ProductShape, 'barcode' | 'units'>): string[] {
  return [p.barcode, ...p.units.map((u) => u.barcode)].filter((c): c is string => !!c);
}

export const barcodeTaken = (barcode: string, sku?: string) =>
  conflict(
    'catalog.barcode_taken',
    sku ? `The barcode ${barcode} is already used by ${sku}` : `The barcode ${barcode} is used twice`,
    { field: 'barcode', barcode, ...(sku ? { sku } : {}) },
  );
