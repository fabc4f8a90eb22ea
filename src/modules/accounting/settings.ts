import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, one } from '../../platform/db/tx.ts';
import { registerSettings } from '../../platform/settings/registry.ts';

export type InvoicePolicy = 'order' | 'delivery';

export interface AccountingSettings {
  /** The company currency: every debit and credit is in it. */
  currency: string;
  /** Today in the company's time zone (YYYY-MM-DD). */
  today: string;
  /** Entries need a reviewer (审核) other than the preparer before they may be posted. */
  reviewBeforePosting: boolean;
  /** Invoice what was ordered, or only what was delivered. */
  invoicePolicy: InvoicePolicy;
}

/** The company's accounting settings (platform_company.settings → accounting), with their defaults. */
export async function accountingSettings(ex: Executor, companyId: string): Promise<AccountingSettings> {
  const row = await one<{ currency: string; today: string; review: string | null; policy: string | null }>(
    ex,
    sql`select currency, to_char((now() at time zone time_zone)::date, 'YYYY-MM-DD') as today,
               settings #>> '{accounting,reviewBeforePosting}' as review,
               settings #>> '{accounting,invoicePolicy}' as policy
          from platform_company where id = ${companyId}`,
  );
  if (!row) throw new Error(`company ${companyId} not found`);
  return {
    currency: row.currency,
    today: row.today,
    reviewBeforePosting: row.review === 'true',
    // Invoice what was delivered unless the company bills on order (brief: 'delivery' is the default).
    invoicePolicy: row.policy === 'order' ? 'order' : 'delivery',
  };
}

// The section the settings screen edits; accountingSettings() above reads it with the same defaults.
registerSettings({
  section: 'accounting',
  permission: 'platform.company.update',
  schema: z.object({
    reviewBeforePosting: z.boolean().default(false),
    invoicePolicy: z.enum(['delivery', 'order']).default('delivery'),
    /** Days before an instalment of a collection plan its owner is reminded (0: only when overdue). */
    collectionReminderDays: z.number().int().min(0).max(60).default(3),
  }),
});
