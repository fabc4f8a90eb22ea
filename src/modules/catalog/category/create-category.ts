import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { cleanNames } from '../contract.ts';
import { checkCodeFree, checkParent, findCategoryRow, toCategory } from './category.repo.ts';
import type { Category, CategoryInput } from './contract.ts';

export function auditableCategory(c: Category): Record<string, unknown> {
  return { code: c.code, name: c.name, parentId: c.parentId, active: c.active };
}

export async function createCategory(tx: Tx, actor: Actor, input: CategoryInput): Promise<Category> {
  requirePermission(actor, 'catalog.category.manage');
  const parentId = input.parentId ?? null;
  await checkParent(tx, actor.companyId, null, parentId);
  await checkCodeFree(tx, actor.companyId, input.code, null);
  const id = newId();
  await tx.execute(
    sql`insert into catalog_category (company_id, id, code, name, parent_id, active)
        values (${actor.companyId}, ${id}, ${input.code}, ${JSON.stringify(cleanNames(input.name))}::jsonb, ${parentId},
                ${input.active})`,
  );
  const created = toCategory(await findCategoryRow(tx, actor.companyId, id), actor.locale);
  await recordAudit(tx, actor, {
    entity: 'catalog.category',
    entityId: id,
    action: 'create',
    after: auditableCategory(created),
  });
  await publish(tx, actor, {
    type: 'product_category.created',
    aggregateType: 'product_category',
    aggregateId: id,
    payload: { categoryId: id, code: created.code },
  });
  return created;
}
