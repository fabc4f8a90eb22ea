// Shapes of the catalog API (src/modules/catalog/**/contract.ts) as the screens use them.
// Quantities and money are decimal strings, exactly as the server sent them.

export type Names = Record<string, string>;
export type ProductKind = 'stocked' | 'consumable' | 'service';
export const PRODUCT_KINDS: ProductKind[] = ['stocked', 'consumable', 'service'];
export type ProcureMethod = 'buy' | 'make';

/** A packaging of a product: one `uomCode` holds `factor` stock units. */
export interface ProductUnit {
  uomCode: string;
  factor: string;
  barcode?: string | null;
}

export interface Product {
  id: string;
  sku: string;
  name: Names;
  displayName?: string;
  description?: string;
  categoryId?: string | null;
  kind: ProductKind;
  uomCode: string;
  saleUomCode?: string | null;
  barcode?: string | null;
  salePrice: string;
  currency: string;
  taxCode?: string | null;
  procureMethod: ProcureMethod;
  lotTracked: boolean;
  expiryTracked: boolean;
  weightKg?: string | null;
  volumeM3?: string | null;
  active: boolean;
  units?: ProductUnit[];
  version: number;
}

/** A product found by a scanned code, and the unit the code stands for (a box barcode → the box). */
export interface ProductLookup extends Product {
  matchedBy: 'sku' | 'barcode' | 'unit_barcode';
  matchedUomCode: string;
}

export interface ProductInput {
  sku: string;
  name: Names;
  description: string;
  categoryId: string | null;
  kind: ProductKind;
  uomCode: string;
  saleUomCode: string | null;
  barcode: string | null;
  salePrice: string;
  currency: string;
  taxCode: string | null;
  procureMethod: ProcureMethod;
  lotTracked: boolean;
  expiryTracked: boolean;
  weightKg: string | null;
  volumeM3: string | null;
  active: boolean;
  units: ProductUnit[];
}

export interface ProductFilters {
  q?: string;
  categoryId?: string;
  kind?: ProductKind;
  active?: string;
}

export interface Category {
  id: string;
  code: string;
  name: Names;
  parentId?: string | null;
  active: boolean;
  version: number;
}

export interface PriceRule {
  id?: string;
  productId?: string | null;
  categoryId?: string | null;
  minQty: string;
  price?: string | null;
  discountPercent?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface PriceList {
  id: string;
  code: string;
  name: Names;
  currency: string;
  customerId?: string | null;
  customerGroup?: string | null;
  priority: number;
  validFrom?: string | null;
  validTo?: string | null;
  active: boolean;
  rules?: PriceRule[];
  version: number;
}

export interface PriceListInput {
  code: string;
  name: Names;
  currency: string;
  customerId: string | null;
  customerGroup: string | null;
  priority: number;
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
  rules: PriceRule[];
}

/** Which price list and rule gave a price, or the product's own list price (or a typed price). */
export interface PriceSource {
  kind: 'rule' | 'list_price' | 'manual';
  priceListId?: string;
  priceListCode?: string;
  ruleId?: string;
  minQty?: string;
  discountPercent?: string;
}

export interface PriceAnswer {
  unitPrice: string;
  unitPriceBase?: string;
  qtyBase?: string;
  source: PriceSource;
}

/** Platform reference data the product and line forms need. */
export interface Unit {
  id: string;
  code: string;
  name: Names;
  category: string;
  factor: string;
  active: boolean;
}

export interface TaxCode {
  id: string;
  code: string;
  name: Names;
  kind: 'output' | 'input';
  rate: string;
  priceIncluded: boolean;
  active: boolean;
}
