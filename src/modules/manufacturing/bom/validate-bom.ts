import type { Tx } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { getProducts } from '../../catalog/index.ts';
import { componentsOf } from './bom.repo.ts';
import { assertNoCycle, assertSubstitutes } from './bom.ts';
import type { BomLineInput } from './contract.ts';

/**
 * The checks every BOM write runs: the product and components are the company's products (422
 * `catalog.product_unknown` otherwise), substitutes point at main lines, and no component leads back
 * to the product (422 `manufacturing.bom_cycle`).
 */
export async function validateBom(
  tx: Tx,
  companyId: string,
  productId: string,
  lines: BomLineInput[],
  exceptBomId: string | null,
): Promise<void> {
  const components = lines.map((l) => l.componentId.toLowerCase());
  await getProducts(tx, companyId, [productId, ...components]);
  assertSubstitutes(
    lines.map((l, i) => ({
      position: l.position ?? i + 1,
      componentId: l.componentId.toLowerCase(),
      substituteOfPosition: l.substituteOfPosition ?? null,
    })),
  );
  await assertNoCycle(productId, components, (ids) => componentsOf(tx, companyId, ids, exceptBomId));
}

/** valid_from ≤ valid_to, as the CHECK has it, but with a clear error. */
export function assertWindow(validFrom: string | null | undefined, validTo: string | null | undefined): void {
  if (validFrom && validTo && validFrom > validTo)
    throw unprocessable('manufacturing.bom_validity', 'valid_from is after valid_to', { validFrom, validTo });
}
