import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, one } from '../../platform/db/tx.ts';
import { Days } from '../../platform/settings/fields.ts';
import { registerSettings } from '../../platform/settings/registry.ts';

export interface PurchasingSettings {
  /** Orders whose company-currency total is above this wait for an approval (null: never). */
  approvalAmount: string | null;
  /** The role whose holders decide those approvals. */
  approverRole: string;
  /** How far (in %) a bill's price or quantity may differ from the PO / receipt before it is blocked. */
  matchTolerancePct: string;
  /** Lead time when neither a supplier price nor the supplier names one. */
  defaultLeadTimeDays: number;
  currency: string;
  /** Today in the company's time zone (YYYY-MM-DD). */
  today: string;
}

const decimalOr = (v: string | null, fallback: string | null) => {
  if (v === null || v === '') return fallback;
  try {
    const d = new Decimal(v);
    return d.isFinite() && d.gte(0) ? d.toString() : fallback;
  } catch {
    return fallback;
  }
};

/** platform_company.settings → purchasing, with the defaults. */
export async function purchasingSettings(ex: Executor, companyId: string): Promise<PurchasingSettings> {
  const row = await one<{
    amount: string | null;
    role: string | null;
    tolerance: string | null;
    lead: string | null;
    currency: string;
    today: string;
  }>(
    ex,
    sql`select settings #>> '{purchasing,approvalAmount}' as amount, settings #>> '{purchasing,approverRole}' as role,
               settings #>> '{purchasing,matchTolerancePct}' as tolerance,
               settings #>> '{purchasing,defaultLeadTimeDays}' as lead, currency,
               to_char((now() at time zone time_zone)::date, 'YYYY-MM-DD') as today
          from platform_company where id = ${companyId}`,
  );
  if (!row) throw new Error(`company ${companyId} not found`);
  const lead = Number.parseInt(row.lead ?? '', 10);
  return {
    approvalAmount: decimalOr(row.amount, null),
    approverRole: row.role || 'admin',
    matchTolerancePct: decimalOr(row.tolerance, '2') ?? '2',
    defaultLeadTimeDays: Number.isFinite(lead) && lead >= 0 ? lead : 7,
    currency: row.currency,
    today: row.today,
  };
}

/** A date plus whole days (YYYY-MM-DD, calendar days). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// The section the settings screen edits; purchasingSettings() above reads it with the same defaults.
registerSettings({
  section: 'purchasing',
  permission: 'platform.company.update',
  schema: z.object({
    /** Purchase orders above this company-currency total wait for an approval (null: never). */
    approvalAmount: z.number().min(0).max(1e12).nullable().default(null),
    /** The role (code) whose holders decide those approvals. */
    approverRole: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,39}$/)
      .default('admin'),
    matchTolerancePct: z.number().min(0).max(100).default(2),
    defaultLeadTimeDays: Days(365).default(7),
  }),
});
