import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { cleanNames } from '../contract.ts';
import { checkCodeFree, checkParent, findCategoryRow, toCategory } from './category.repo.ts';
import type { Category, CategoryPatch } from './contract.ts';
import { auditableCategory } from './create-category.ts';

export async function updateCategory(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: CategoryPatch,
): Promise<Category> {
  requirePermission(actor, 'catalog.category.manage');
  const row = await findCategoryRow(tx, actor.companyId, id, true);
  if (row.version !== patch.version) throw staleVersion('product category', patch.version, row.version);
  const before = toCategory(row, actor.locale);
  const code = patch.code ?? before.code;
  const name = patch.name ? cleanNames(patch.name) : before.name;
  const parentId = patch.parentId === undefined ? before.parentId : patch.parentId;
  const active = patch.active ?? before.active;
  if (parentId !== before.parentId) await checkParent(tx, actor.companyId, id, parentId);
  if (code !== before.code) await checkCodeFree(tx, actor.companyId, code, id);
  await tx.execute(
    sql`update catalog_category set code = ${code}, name = ${JSON.stringify(name)}::jsonb, parent_id = ${parentId},
          active = ${active}, version = version + 1, updated_at = now()
        where company_id = ${actor.companyId} and id = ${id}`,
  );
  const after = toCategory(await findCategoryRow(tx, actor.companyId, id), actor.locale);
  await recordAudit(tx, actor, {
    entity: 'catalog.category',
    entityId: id,
    action: 'update',
    before: auditableCategory(before),
    after: auditableCategory(after),
  });
  await publish(tx, actor, {
    type: 'product_category.updated',
    aggregateType: 'product_category',
    aggregateId: id,
    payload: { categoryId: id, code: after.code },
  });
  return after;
}
