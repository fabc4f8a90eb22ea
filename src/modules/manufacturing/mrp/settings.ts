import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { Days } from '../../../platform/settings/fields.ts';
import { registerSettings } from '../../../platform/settings/registry.ts';

/** Planning period of MRP in days (platform_company.settings → mrp.periodDays): 1 plans day by day. */
export async function mrpPeriodDays(ex: Executor, companyId: string): Promise<number> {
  const row = await one<{ days: string | null }>(
    ex,
    sql`select settings #>> '{mrp,periodDays}' as days from platform_company where id = ${companyId}`,
  );
  const days = Number.parseInt(row?.days ?? '', 10);
  return Number.isFinite(days) && days >= 1 ? Math.min(days, 31) : 7;
}

registerSettings({
  section: 'mrp',
  permission: 'platform.company.update',
  schema: z.object({ periodDays: Days(31).min(1).default(7) }),
});
