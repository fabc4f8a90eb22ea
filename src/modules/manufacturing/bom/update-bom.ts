import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { BOM_ENTITY, bumpBom, findBom, loadBom, writeLines } from './bom.repo.ts';
import { bomTransition } from './bom.ts';
import { assertNoOverlap } from './bom-state.ts';
import type { Bom, BomUpdate } from './contract.ts';
import { auditView } from './create-bom.ts';
import { assertWindow, validateBom } from './validate-bom.ts';

/** What may change on an active BOM: its validity window (to hand over to the next revision) and notes. */
const ACTIVE_EDITABLE = new Set(['version', 'validFrom', 'validTo', 'notes']);

/**
 * Edits a BOM. A draft changes freely (lines replaced as a whole); an active BOM only its validity
 * window and notes (422 `manufacturing.bom_in_use` otherwise: a new revision changes the recipe);
 * an archived BOM not at all.
 */
export async function updateBom(tx: Tx, actor: Actor, id: string, input: BomUpdate): Promise<Bom> {
  requirePermission(actor, 'manufacturing.bom.manage');
  const companyId = actor.companyId;
  const found = await findBom(tx, companyId, id, true);
  if (found.version !== input.version) throw staleVersion('BOM', input.version, found.version);
  const before = await loadBom(tx, companyId, id, actor.locale);
  const validFrom = input.validFrom !== undefined ? input.validFrom : found.validFrom;
  const validTo = input.validTo !== undefined ? input.validTo : found.validTo;
  assertWindow(validFrom, validTo);
  if (found.state === 'active') {
    const refused = Object.keys(input).filter((k) => !ACTIVE_EDITABLE.has(k));
    if (refused.length > 0)
      throw unprocessable('manufacturing.bom_in_use', 'An active BOM only changes its validity and notes', {
        fields: refused,
      });
    await assertNoOverlap(tx, companyId, { id, productId: found.productId, validFrom, validTo });
  } else bomTransition(found.state, 'edit');
  if (input.lines) await validateBom(tx, companyId, found.productId, input.lines, id);
  await bumpBom(
    tx,
    companyId,
    id,
    sql`code = ${input.code ?? found.code}, output_qty = ${input.outputQty ?? found.outputQty},
        valid_from = ${validFrom}, valid_to = ${validTo},
        lead_time_days = ${input.leadTimeDays ?? found.leadTimeDays},
        labour_cost_per_unit = ${input.labourCostPerUnit ?? found.labourCostPerUnit},
        overhead_cost_per_unit = ${input.overheadCostPerUnit ?? found.overheadCostPerUnit},
        notes = ${input.notes ?? found.notes}`,
  );
  if (input.lines) await writeLines(tx, companyId, id, input.lines);
  const after = await loadBom(tx, companyId, id, actor.locale);
  await recordAudit(tx, actor, {
    entity: BOM_ENTITY,
    entityId: id,
    action: 'update',
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}
