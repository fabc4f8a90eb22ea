import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { StockProduct } from './products.repo.ts';

export interface LotRef {
  id: string;
  expiryDate: string | null;
}

interface LotRow {
  id: string;
  expiry_date: string | null;
}

const lotColumns = sql`id, to_char(expiry_date, 'YYYY-MM-DD') as expiry_date`;

/**
 * The lot of a move: by id, or found/created by lot number. A lot- or expiry-tracked product needs
 * one (422 `inventory.lot_required`); an expiry-tracked product's lot needs an expiry date.
 */
export async function resolveLot(
  tx: Tx,
  companyId: string,
  product: StockProduct,
  input: { lotId?: string | null; lotNo?: string | null; expiryDate?: string | null },
): Promise<LotRef | null> {
  const tracked = product.lotTracked || product.expiryTracked;
  const lotNo = input.lotNo?.trim() || null;
  let lot: LotRow | undefined;
  if (input.lotId) {
    lot = await one<LotRow>(
      tx,
      sql`select ${lotColumns} from inventory_lot
           where company_id = ${companyId} and id = ${input.lotId} and product_id = ${product.id}`,
    );
    if (!lot)
      throw unprocessable('inventory.lot_unknown', 'Unknown lot', {
        lotId: input.lotId,
        productId: product.id,
      });
  } else if (lotNo) {
    await tx.execute(
      sql`insert into inventory_lot (company_id, id, product_id, lot_no, expiry_date)
          values (${companyId}, ${newId()}, ${product.id}, ${lotNo}, ${input.expiryDate ?? null})
          on conflict (company_id, product_id, lot_no) do nothing`,
    );
    lot = await one<LotRow>(
      tx,
      sql`select ${lotColumns} from inventory_lot
           where company_id = ${companyId} and product_id = ${product.id} and lot_no = ${lotNo}`,
    );
  } else if (tracked) {
    throw unprocessable('inventory.lot_required', 'This product is tracked by lot; give a lot number', {
      productId: product.id,
      sku: product.sku,
    });
  } else {
    return null;
  }
  if (!lot) throw new Error('lot vanished');
  if (!lot.expiry_date && input.expiryDate) {
    await tx.execute(
      sql`update inventory_lot set expiry_date = ${input.expiryDate}, version = version + 1, updated_at = now()
           where company_id = ${companyId} and id = ${lot.id}`,
    );
    lot = { id: lot.id, expiry_date: input.expiryDate };
  }
  if (product.expiryTracked && !lot.expiry_date)
    throw unprocessable('inventory.expiry_required', 'This product is tracked by expiry date; give one', {
      productId: product.id,
      sku: product.sku,
    });
  return { id: lot.id, expiryDate: lot.expiry_date };
}
