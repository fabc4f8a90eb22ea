import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../../platform/db/tx.ts';
import { checkStockConsistency } from '../../../inventory/index.ts';
import type { Finding, QualityCheck } from './registry.ts';

/** inventory's own consistency check (balances vs Σ moves and Σ active reservations), as findings. */
export const stockBalances: QualityCheck = {
  key: 'inventory.stock_balance',
  title: { 'zh-CN': '库存余额与出入库记录不符', en: 'Stock balances that disagree with moves' },
  severity: 'high',
  recordType: 'stock_balance',
  async run(ex: Executor, companyId: string): Promise<Finding[]> {
    const mismatches = await checkStockConsistency(ex, companyId);
    if (mismatches.length === 0) return [];
    const balances = await rows<{
      id: string;
      product_id: string;
      location_id: string;
      lot_id: string | null;
    }>(
      ex,
      sql`select id, product_id, location_id, lot_id from inventory_balance where company_id = ${companyId}`,
    );
    const where = (productId: string, locationId: string, lotId: string | null) =>
      `${productId}:${locationId}:${lotId ?? ''}`;
    const balanceId = new Map(balances.map((b) => [where(b.product_id, b.location_id, b.lot_id), b.id]));
    return mismatches.map((m) => {
      const place = where(m.productId, m.locationId, m.lotId);
      const id = balanceId.get(place);
      return {
        // Moves into a location that has no balance row at all point at the product.
        recordType: id ? 'stock_balance' : 'product',
        recordId: id ?? m.productId,
        fingerprint: `${m.kind}:${place}`,
        webPath: `/inventory/products/${m.productId}`,
        details: { ...m },
      };
    });
  },
};
