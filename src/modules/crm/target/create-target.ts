import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { conflict } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertActiveMember, assertCurrency, assertDepartment } from '../lead/refs.ts';
import type { TargetInput } from './contract.ts';
import { auditableTarget, findVisibleTarget, TARGET_ENTITY } from './target.repo.ts';

/** Sets one person's or team's sales or collection target for a month (one per kind, month and who). */
export async function createTarget(tx: Tx, actor: Actor, input: TargetInput) {
  requirePermission(actor, 'crm.target.manage');
  await assertActiveMember(tx, actor.companyId, input.userId, 'userId');
  await assertDepartment(tx, actor.companyId, input.teamId);
  await assertCurrency(tx, actor.companyId, input.currency);
  const taken = await one(
    tx,
    sql`select 1 from crm_target where company_id = ${actor.companyId} and kind = ${input.kind}
          and month = ${input.month}::date and coalesce(user_id, team_id) = ${input.userId ?? input.teamId}`,
  );
  if (taken)
    throw conflict(
      'duplicate',
      'This person or team already has this kind of target for the month; edit it',
      {
        field: 'month',
      },
    );
  const id = newId();
  await tx.execute(
    sql`insert into crm_target (company_id, id, kind, month, user_id, team_id, amount, currency)
        values (${actor.companyId}, ${id}, ${input.kind}, ${input.month}::date, ${input.userId}, ${input.teamId},
                ${input.amount}::numeric, ${input.currency})`,
  );
  const created = await findVisibleTarget(tx, { ...actor, recordScope: 'company' }, id);
  await recordAudit(tx, actor, {
    entity: TARGET_ENTITY,
    entityId: id,
    action: 'create',
    after: auditableTarget(created),
  });
  return created;
}
