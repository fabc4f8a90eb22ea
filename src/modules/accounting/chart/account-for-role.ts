import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { adoptTemplateRole, ensureChart } from './install-chart.ts';
import type { AccountRole } from './roles.ts';

async function find(ex: Executor, companyId: string, role: AccountRole) {
  return one<{ id: string }>(
    ex,
    sql`select id from accounting_account where company_id = ${companyId} and role = ${role} and active`,
  );
}

/** The account holding `role` in the company's chart; a company made before accounting gets its chart first. */
export async function accountForRole(ex: Executor, companyId: string, role: AccountRole): Promise<string> {
  let row = await find(ex, companyId, role);
  if (!row) {
    const any = await one(ex, sql`select 1 from accounting_account where company_id = ${companyId} limit 1`);
    if (!any) await ensureChart(ex, companyId);
    // A role added to the templates after the company's chart was installed (e.g. production).
    else await adoptTemplateRole(ex, companyId, role);
    row = await find(ex, companyId, role);
  }
  if (!row)
    throw unprocessable('accounting.account_role_missing', `No active account has the role ${role}`, {
      role,
    });
  return row.id;
}
