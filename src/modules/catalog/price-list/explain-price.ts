import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { companyCurrency } from '../../../platform/reference/currencies.ts';
import { getProducts, stockFactor } from '../product/product-info.ts';
import type { PriceQuery } from './contract.ts';
import { assertCustomer, customerGroups } from './party-check.ts';
import { priceFor } from './price-for.ts';

/** The price a customer would get for a quantity in a unit, and which rule gave it (GET /prices). */
export async function explainPrice(tx: Tx, actor: Actor, q: PriceQuery) {
  requirePermission(actor, 'catalog.price_list.read');
  const product = (await getProducts(tx, actor.companyId, [q.productId])).get(q.productId)!;
  const uomCode = q.uomCode ?? product.saleUomCode;
  const { factor } = await stockFactor(tx, actor.companyId, product.id, uomCode);
  const qtyBase = new Decimal(q.qty).times(factor).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  let groups: string[] = [];
  if (q.customerId) {
    await assertCustomer(tx, actor.companyId, q.customerId);
    groups = await customerGroups(tx, actor.companyId, q.customerId);
  }
  const currency = q.currency ?? (await companyCurrency(tx, actor.companyId));
  const date =
    q.date ??
    (await one<{ today: string }>(
      tx,
      sql`select (now() at time zone time_zone)::date::text as today from platform_company where id = ${actor.companyId}`,
    ))!.today;
  const { unitPrice, source } = await priceFor(tx, actor.companyId, {
    productId: product.id,
    qtyBase: qtyBase.toFixed(4),
    customerId: q.customerId ?? null,
    customerGroups: groups,
    currency,
    date,
    priceListId: q.priceListId ?? null,
  });
  return {
    productId: product.id,
    qty: new Decimal(q.qty).toFixed(4),
    uomCode,
    qtyBase: qtyBase.toFixed(4),
    stockUomCode: product.uomCode,
    unitPrice: new Decimal(unitPrice).times(factor).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
    unitPriceBase: unitPrice,
    currency,
    date,
    source,
  };
}
