import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { staleVersion, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { BOM_ENTITY, bumpBom, findBom, loadBom } from './bom.repo.ts';
import { bomTransition, windowsOverlap } from './bom.ts';
import type { Bom, BomSummary } from './contract.ts';
import { validateBom } from './validate-bom.ts';

/**
 * At most one active BOM per product and date: the product's BOMs are locked (in id order, so two
 * activations of the same product queue instead of both passing), then the other active ones must not
 * overlap this window. 422 `manufacturing.bom_overlap` names the one in the way.
 */
export async function assertNoOverlap(
  tx: Tx,
  companyId: string,
  bom: { id: string; productId: string; validFrom: string | null; validTo: string | null },
): Promise<void> {
  const others = await rows<{
    id: string;
    revision: number;
    state: string;
    valid_from: string | null;
    valid_to: string | null;
  }>(
    tx,
    sql`select id, revision, state, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to
          from manufacturing_bom where company_id = ${companyId} and product_id = ${bom.productId}
         order by id for update`,
  );
  const clash = others.find(
    (o) =>
      o.id !== bom.id &&
      o.state === 'active' &&
      windowsOverlap(bom, { validFrom: o.valid_from, validTo: o.valid_to }),
  );
  if (clash)
    throw unprocessable(
      'manufacturing.bom_overlap',
      'Another active BOM of this product is valid on some of these dates',
      {
        bomId: clash.id,
        revision: Number(clash.revision),
        validFrom: clash.valid_from,
        validTo: clash.valid_to,
      },
    );
}

async function change(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number,
  action: 'activate' | 'archive',
  check: (bom: BomSummary) => Promise<void>,
): Promise<Bom> {
  requirePermission(actor, 'manufacturing.bom.manage');
  const companyId = actor.companyId;
  const bom = await findBom(tx, companyId, id, true);
  if (bom.version !== version) throw staleVersion('BOM', version, bom.version);
  const next = bomTransition(bom.state, action);
  await check(bom);
  await bumpBom(
    tx,
    companyId,
    id,
    action === 'activate'
      ? sql`state = ${next}, activated_at = now(), archived_at = null`
      : sql`state = ${next}, archived_at = now()`,
  );
  await recordAudit(tx, actor, {
    entity: BOM_ENTITY,
    entityId: id,
    action,
    before: { state: bom.state },
    after: { state: next },
  });
  return loadBom(tx, companyId, id, actor.locale);
}

/** Puts a BOM in force over its validity window: no other active BOM of the product may overlap it. */
export async function activateBom(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<Bom> {
  return change(tx, actor, id, input.version, 'activate', async (bom) => {
    // An archived BOM coming back must not close a loop made meanwhile, nor hold a product that vanished.
    const lines = await rows<{ component_id: string }>(
      tx,
      sql`select component_id from manufacturing_bom_line where company_id = ${actor.companyId} and bom_id = ${bom.id}`,
    );
    await validateBom(
      tx,
      actor.companyId,
      bom.productId,
      lines.map((l) => ({ componentId: l.component_id, qty: '1' })),
      bom.id,
    );
    await assertNoOverlap(tx, actor.companyId, bom);
  });
}

/** Takes a BOM out of use; production orders already made from it keep their components. */
export async function archiveBom(tx: Tx, actor: Actor, id: string, input: { version: number }): Promise<Bom> {
  return change(tx, actor, id, input.version, 'archive', async () => {});
}
