import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { BOM_ENTITY, loadBom, writeLines } from './bom.repo.ts';
import type { Bom, BomInput } from './contract.ts';
import { assertWindow, validateBom } from './validate-bom.ts';

/**
 * Creates a draft BOM: the next revision of the product's BOMs (1 for the first), code the product's
 * SKU unless given. It takes effect once activated.
 */
export async function createBom(tx: Tx, actor: Actor, input: BomInput): Promise<Bom> {
  requirePermission(actor, 'manufacturing.bom.manage');
  const companyId = actor.companyId;
  const productId = input.productId.toLowerCase();
  assertWindow(input.validFrom, input.validTo);
  await validateBom(tx, companyId, productId, input.lines, null);
  const next = await one<{ revision: number; sku: string }>(
    tx,
    sql`select coalesce((select max(revision) from manufacturing_bom where company_id = ${companyId}
                           and product_id = ${productId}), 0) + 1 as revision,
               (select sku from catalog_product where company_id = ${companyId} and id = ${productId}) as sku`,
  );
  const id = newId();
  const revision = Number(next?.revision ?? 1);
  const code = input.code ?? (next?.sku as string);
  await tx.execute(
    sql`insert into manufacturing_bom (company_id, id, product_id, code, revision, output_qty, valid_from, valid_to,
          lead_time_days, labour_cost_per_unit, overhead_cost_per_unit, notes)
        values (${companyId}, ${id}, ${productId}, ${code}, ${revision}, ${input.outputQty ?? '1'},
          ${input.validFrom ?? null}, ${input.validTo ?? null}, ${input.leadTimeDays ?? 1},
          ${input.labourCostPerUnit ?? '0'}, ${input.overheadCostPerUnit ?? '0'}, ${input.notes ?? ''})`,
  );
  await writeLines(tx, companyId, id, input.lines);
  const bom = await loadBom(tx, companyId, id, actor.locale);
  await recordAudit(tx, actor, {
    entity: BOM_ENTITY,
    entityId: id,
    action: 'create',
    after: { ...auditView(bom) },
  });
  return bom;
}

/** What the audit keeps of a BOM: its header and lines without display names. */
export function auditView(bom: Bom): Record<string, unknown> {
  return {
    productId: bom.productId,
    code: bom.code,
    revision: bom.revision,
    state: bom.state,
    outputQty: bom.outputQty,
    validFrom: bom.validFrom,
    validTo: bom.validTo,
    leadTimeDays: bom.leadTimeDays,
    labourCostPerUnit: bom.labourCostPerUnit,
    overheadCostPerUnit: bom.overheadCostPerUnit,
    lines: bom.lines.map((l) => ({
      position: l.position,
      componentId: l.componentId,
      qty: l.qty,
      scrapPct: l.scrapPct,
      substituteOfPosition: l.substituteOfPosition,
    })),
  };
}
