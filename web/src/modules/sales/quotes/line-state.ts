// One line of the quote form while it is edited: text the person typed, plus what the server said
// about it (the price and its rule, the quantity in stock units).
import type { PriceSource, Product } from '../../catalog/types.ts';
import type { LineInput, LineView } from '../types.ts';

export interface DraftLine {
  key: string;
  productId: string | null;
  product: Product | null;
  /** "SKU · name" of a saved line, until the product itself has loaded. */
  productLabel: string;
  qty: string;
  uomCode: string;
  unitPrice: string;
  priceSource: PriceSource | null;
  /** The person typed the price: it is sent, and no longer follows the price lists. */
  manualPrice: boolean;
  qtyBase: string | null;
  discountPercent: string;
  taxCode: string | null;
  description: string;
}

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `line-${Date.now().toString(36)}-${counter}`;
}

export function emptyLine(): DraftLine {
  return {
    key: newKey(),
    productId: null,
    product: null,
    productLabel: '',
    qty: '1',
    uomCode: '',
    unitPrice: '',
    priceSource: null,
    manualPrice: false,
    qtyBase: null,
    discountPercent: '0',
    taxCode: null,
    description: '',
  };
}

export function fromView(line: LineView, label: string): DraftLine {
  return {
    key: line.id,
    productId: line.productId,
    product: null,
    productLabel: `${line.sku} · ${label}`,
    qty: line.qty,
    uomCode: line.uomCode,
    unitPrice: line.unitPrice,
    priceSource: line.priceSource,
    manualPrice: line.priceSource.kind === 'manual',
    qtyBase: line.qtyBase,
    discountPercent: line.discountPercent,
    taxCode: line.taxCode,
    description: line.description,
  };
}

/** A picked product fills the unit, the tax code and the description; the price follows. */
export function withProduct(line: DraftLine, product: Product): DraftLine {
  return {
    ...line,
    productId: product.id,
    product,
    uomCode: product.saleUomCode ?? product.uomCode,
    taxCode: product.taxCode ?? null,
    unitPrice: '',
    priceSource: null,
    manualPrice: false,
    qtyBase: null,
  };
}

export function toInput(line: DraftLine): LineInput | null {
  if (!line.productId) return null;
  return {
    productId: line.productId,
    qty: line.qty.trim(),
    ...(line.uomCode ? { uomCode: line.uomCode } : {}),
    ...(line.manualPrice ? { unitPrice: line.unitPrice.trim() } : {}),
    discountPercent: line.discountPercent.trim() || '0',
    taxCode: line.taxCode,
    ...(line.description.trim() ? { description: line.description.trim() } : {}),
  };
}
