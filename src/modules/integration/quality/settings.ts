import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { effectiveValues, registerSettings } from '../../../platform/settings/registry.ts';

// What the data-quality checks read from settings.quality (checks/customer-fields.ts, checks/outbox.ts).
const schema = z.object({
  /** Customers outside the public pool need an owner (销售负责人). */
  requireCustomerOwner: z.boolean().default(true),
  /** Customers that are companies need a tax id (统一社会信用代码). */
  requireCompanyTaxId: z.boolean().default(true),
  requireCustomerIndustry: z.boolean().default(false),
  requireCustomerSource: z.boolean().default(false),
  /** Customers need at least one contact person. */
  requireCustomerContact: z.boolean().default(false),
  /** An undispatched outbox event older than this many minutes is stuck. */
  stuckEventMinutes: z.number().int().min(1).max(10080).default(15),
  /** An undispatched outbox event tried this many times is stuck, however young. */
  stuckEventAttempts: z.number().int().min(1).max(1000).default(5),
});

export type QualitySettings = z.infer<typeof schema>;

const section = { section: 'quality', permission: 'integration.quality.manage', schema };
registerSettings(section);

/** The company's data-quality settings with the defaults filled in. */
export async function qualitySettings(ex: Executor, companyId: string): Promise<QualitySettings> {
  const row = await one<{ quality: unknown }>(
    ex,
    sql`select settings -> 'quality' as quality from platform_company where id = ${companyId}`,
  );
  return effectiveValues(section, row?.quality) as QualitySettings;
}
