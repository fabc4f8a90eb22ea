import { sql } from 'drizzle-orm';
import { type Executor, one, rows, textArray } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';

// Checks of the references leads, opportunities and targets carry. Each answers 422 with the field,
// so the form can point at it; none of them reveals anything outside the actor's company.

/** Active members of the company among `userIds` (membership active, account not disabled). */
export async function activeMembers(ex: Executor, companyId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Set<string>();
  const list = await rows<{ user_id: string }>(
    ex,
    sql`select m.user_id from platform_membership m join platform_user u on u.id = m.user_id
         where m.company_id = ${companyId} and m.active and u.disabled_at is null
           and m.user_id::text = any(${textArray([...new Set(userIds)])})`,
  );
  return new Set(list.map((r) => r.user_id));
}

export async function assertActiveMember(
  ex: Executor,
  companyId: string,
  userId: string | null | undefined,
  field = 'ownerUserId',
): Promise<void> {
  if (!userId) return;
  if (!(await activeMembers(ex, companyId, [userId])).has(userId))
    throw unprocessable('reference_invalid', 'The user must be an active member of the company', {
      field,
      [field]: userId,
    });
}

export async function assertDepartment(
  ex: Executor,
  companyId: string,
  departmentId: string | null | undefined,
  field = 'teamId',
): Promise<void> {
  if (!departmentId) return;
  const found = await one(
    ex,
    sql`select 1 from platform_department where company_id = ${companyId} and id = ${departmentId} and active`,
  );
  if (!found)
    throw unprocessable('reference_invalid', 'The team must be an active department of the company', {
      field,
      [field]: departmentId,
    });
}

/** A code of one of the company's editable dictionaries (lead_source, lost_reason …), active. */
export async function assertDictionaryCode(
  ex: Executor,
  companyId: string,
  dictionary: string,
  code: string | null | undefined,
  field: string,
): Promise<void> {
  if (!code) return;
  const found = await one(
    ex,
    sql`select 1 from platform_dictionary_entry
         where company_id = ${companyId} and dictionary = ${dictionary} and code = ${code} and active`,
  );
  if (!found)
    throw unprocessable('reference_invalid', `Unknown ${dictionary} code`, { field, dictionary, code });
}

export async function assertCurrency(ex: Executor, companyId: string, code: string, field = 'currency') {
  const found = await one(
    ex,
    sql`select 1 from platform_currency where company_id = ${companyId} and code = ${code} and active`,
  );
  if (!found) throw unprocessable('reference_invalid', 'Unknown or inactive currency', { field, code });
}
