import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { registerSettings } from '../../../platform/settings/registry.ts';

// settings.integration: which webhook hosts or networks an admin allows despite the SSRF guard.
registerSettings({
  section: 'integration',
  permission: 'integration.webhook.manage',
  schema: z.object({
    /**
     * Hosts or CIDRs webhooks may reach although they are loopback/private/link-local, separated by commas
     * or spaces, e.g. "erp-bridge.internal, 10.20.0.0/16, 127.0.0.1". Empty: none.
     */
    webhookAllowList: z
      .string()
      .max(2000)
      .regex(/^[\w.:/\-\s,[\]]*$/, 'host names, IP addresses or CIDRs separated by commas')
      .default(''),
  }),
});

/** The company's allow-list entries plus those of TANDEM_WEBHOOK_ALLOW_LIST (server-wide). */
export async function webhookAllowList(ex: Executor, companyId: string): Promise<string[]> {
  const row = await one<{ list: string | null }>(
    ex,
    sql`select settings #>> '{integration,webhookAllowList}' as list from platform_company where id = ${companyId}`,
  );
  return splitList(`${row?.list ?? ''},${process.env.TANDEM_WEBHOOK_ALLOW_LIST ?? ''}`);
}

export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}
