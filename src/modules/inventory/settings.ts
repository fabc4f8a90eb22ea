import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, one } from '../../platform/db/tx.ts';
import { Days } from '../../platform/settings/fields.ts';
import { registerSettings } from '../../platform/settings/registry.ts';

export type CostMethod = 'moving_average' | 'monthly_average';

export interface InventorySettings {
  allowNegativeStock: boolean;
  costMethod: CostMethod;
  salesHorizonDays: number;
  timeZone: string;
  /** Today in the company's time zone (YYYY-MM-DD): business dates are in that zone. */
  today: string;
}

/** The company's inventory settings (platform_company.settings → inventory), with their defaults. */
export async function inventorySettings(ex: Executor, companyId: string): Promise<InventorySettings> {
  const row = await one<{
    neg: string | null;
    method: string | null;
    horizon: string | null;
    tz: string;
    today: string;
  }>(
    ex,
    sql`select settings #>> '{inventory,allowNegativeStock}' as neg, settings #>> '{inventory,costMethod}' as method,
               settings #>> '{inventory,salesHorizonDays}' as horizon, time_zone as tz,
               to_char((now() at time zone time_zone)::date, 'YYYY-MM-DD') as today
          from platform_company where id = ${companyId}`,
  );
  if (!row) throw new Error(`company ${companyId} not found`);
  const horizon = Number.parseInt(row.horizon ?? '', 10);
  return {
    allowNegativeStock: row.neg === 'true',
    costMethod: row.method === 'monthly_average' ? 'monthly_average' : 'moving_average',
    salesHorizonDays: Number.isFinite(horizon) && horizon > 0 ? horizon : 14,
    timeZone: row.tz,
    today: row.today,
  };
}

// The section the settings screen edits; inventorySettings() above reads it with the same defaults.
registerSettings({
  section: 'inventory',
  permission: 'platform.company.update',
  schema: z.object({
    allowNegativeStock: z.boolean().default(false),
    costMethod: z.enum(['moving_average', 'monthly_average']).default('moving_average'),
    salesHorizonDays: Days(366).min(1).default(14),
  }),
});
