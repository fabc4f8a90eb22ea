/**
 * catalog — products, their units and packagings, categories, price lists and pricing (see README.md).
 * Other modules import only this file. Quantities and money cross it as decimal strings.
 */
import type { FastifyInstance } from 'fastify';
import type { Tx } from '../../platform/db/tx.ts';
import { registerDemoSeeder } from '../../platform/demo/seed.ts';
import type { ModuleDef } from '../index.ts';
import './permissions.ts';
import './transfer/import-price-item.ts';
import { categoryRoutes } from './category/routes.ts';
import { seedCatalogDemo } from './demo/seed-catalog.ts';
import * as pricing from './price-list/price-for.ts';
import { priceListRoutes } from './price-list/routes.ts';
import * as info from './product/product-info.ts';
import { productRoutes } from './product/routes.ts';
import { transferRoutes } from './transfer/routes.ts';

export { registerCustomerGroups, registerPartyCheck } from './price-list/party-check.ts';
export type { PriceQuery, PriceSource } from './price-list/price-for.ts';
export type { ProductInfo } from './product/product-info.ts';

/** Products by id in one query; 422 `catalog.product_unknown` (details.ids) if any id is not the company's. */
export function getProducts(
  tx: Tx,
  companyId: string,
  ids: string[],
): Promise<Map<string, info.ProductInfo>> {
  return info.getProducts(tx, companyId, ids);
}

/**
 * qty in `uomCode` → stock units: through the product's packaging (catalog_product_unit) first, else the
 * platform unit categories (convert()); 422 `uom.category_mismatch` / `catalog.unit_unknown`. Result rounded to 4 dp.
 */
export function toStockQty(
  tx: Tx,
  companyId: string,
  productId: string,
  qty: string,
  uomCode: string,
): Promise<string> {
  return info.toStockQty(tx, companyId, productId, qty, uomCode);
}

/**
 * Unit price PER STOCK UNIT in `currency` and the rule that gave it. Order: forced list, else the valid
 * active lists in the currency, most specific first (customer > customer group > everyone), then priority
 * desc; within a list the best matching rule = product over category over all-products, highest min_qty
 * ≤ qtyBase, date within validity. No rule → the product's sale price (kind 'list_price'), converted at the
 * company's exchange rate on `date` when the product is priced in another currency.
 */
export function priceFor(
  tx: Tx,
  companyId: string,
  q: pricing.PriceQuery,
): Promise<{ unitPrice: string; source: pricing.PriceSource }> {
  return pricing.priceFor(tx, companyId, q);
}

registerDemoSeeder('catalog', seedCatalogDemo);

export const catalog: ModuleDef = {
  name: 'catalog',
  routes(app: FastifyInstance) {
    productRoutes(app);
    categoryRoutes(app);
    priceListRoutes(app);
    transferRoutes(app);
  },
};
