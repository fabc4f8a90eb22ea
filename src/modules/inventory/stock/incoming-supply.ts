import type { Executor } from '../../../platform/db/tx.ts';

/** Goods another module's open document will bring into a warehouse on a date (stock units). */
export type IncomingSupply = { productId: string; warehouseId: string; date: string; qty: string };

export type IncomingSupplyFilter = { productIds: string[]; warehouseId: string; to: string };

export type IncomingSupplyProvider = (
  ex: Executor,
  companyId: string,
  filter: IncomingSupplyFilter,
) => Promise<IncomingSupply[]>;

const providers = new Map<string, IncomingSupplyProvider>();

/**
 * Registration point for modules above inventory (purchasing's requisitions and unsent orders,
 * manufacturing's production orders): what their documents will bring in, by date. The availability
 * projection, and so the expected date sales gives a short line, adds it to the receipts inventory
 * already knows. A provider must not return what is already an open inventory receipt line (counted
 * once, by inventory). Registering the same name again replaces the provider (module reloads in tests).
 */
export function registerIncomingSupply(name: string, provider: IncomingSupplyProvider): void {
  providers.set(name, provider);
}

/**
 * Everything the registered providers expect for these products in the warehouse up to `to`
 * (inclusive), in registration order. Dates before today are the caller's to move to today.
 */
export async function incomingSupply(
  ex: Executor,
  companyId: string,
  filter: IncomingSupplyFilter,
): Promise<IncomingSupply[]> {
  if (providers.size === 0 || filter.productIds.length === 0) return [];
  const all: IncomingSupply[] = [];
  // One after the other: they may share the caller's transaction, which runs one statement at a time.
  for (const provider of providers.values()) {
    const found = await provider(ex, companyId, filter);
    for (const s of found)
      if (
        s.warehouseId.toLowerCase() === filter.warehouseId.toLowerCase() &&
        filter.productIds.some((id) => id.toLowerCase() === s.productId.toLowerCase()) &&
        s.date <= filter.to
      )
        all.push(s);
  }
  return all;
}
