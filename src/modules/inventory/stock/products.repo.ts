import type { Tx } from '../../../platform/db/tx.ts';
import { getProducts, type ProductInfo } from '../../catalog/index.ts';

/** What the stock engine needs to know about a product: catalog's ProductInfo. */
export type StockProduct = ProductInfo;

/** Products by id through catalog's service API; 422 `catalog.product_unknown` when one is not the company's. */
export function stockProducts(tx: Tx, companyId: string, ids: string[]): Promise<Map<string, StockProduct>> {
  return getProducts(tx, companyId, ids);
}
