import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows, textArray } from '../../../platform/db/tx.ts';
import type { DuplicateCandidate } from '../customer/contract.ts';
import { findCustomerDuplicates } from '../customer/find-duplicates.ts';
import { emailKey, nameKey, phoneKey } from '../customer/normalize.ts';
import { OPEN_LEAD_STATUSES } from './lead.ts';

export interface LeadProbe {
  companyName?: string | null;
  phone?: string | null;
  email?: string | null;
  excludeLeadId?: string;
}

type Reason = DuplicateCandidate['reasons'][number];

/** The keys a lead is compared by; stored on the lead so other leads can find it through an index. */
export function leadKeys(probe: LeadProbe) {
  const phone = probe.phone ? phoneKey(probe.phone) : '';
  return {
    nameKey: probe.companyName ? nameKey(probe.companyName) : '',
    phoneKey: phone.length >= 6 ? phone : '',
    email: probe.email ? emailKey(probe.email) : '',
  };
}

/**
 * Customers (any owner: a duplicate must be seen to be avoided) and open leads that look like the
 * same party: same company name key, phone or email. Leads are cheap, so this informs and never refuses.
 */
export async function findLeadDuplicates(ex: Executor, companyId: string, probe: LeadProbe) {
  const keys = leadKeys(probe);
  const customers = await findCustomerDuplicates(ex, companyId, {
    name: probe.companyName || null,
    phones: keys.phoneKey ? [keys.phoneKey] : [],
    emails: keys.email ? [keys.email] : [],
  });
  const conditions: Array<[Reason, SQL]> = [];
  if (keys.nameKey) conditions.push(['name', sql`l.name_key = ${keys.nameKey}`]);
  if (keys.phoneKey) conditions.push(['phone', sql`l.phone_key = ${keys.phoneKey}`]);
  if (keys.email) conditions.push(['email', sql`lower(l.email) = ${keys.email}`]);
  const leads = new Map<string, DuplicateCandidate>();
  for (const [reason, cond] of conditions) {
    const found = await rows<{ id: string; company_name: string; contact_name: string }>(
      ex,
      sql`select l.id, l.company_name, l.contact_name from crm_lead l
           where l.company_id = ${companyId} and l.status = any(${textArray(OPEN_LEAD_STATUSES)})
             ${probe.excludeLeadId ? sql`and l.id <> ${probe.excludeLeadId}` : sql``} and ${cond}
           order by l.created_at desc limit 20`,
    );
    for (const r of found) {
      const c = leads.get(r.id) ?? {
        id: r.id,
        code: '',
        name: [r.company_name, r.contact_name].filter(Boolean).join(' · '),
        entity: 'lead' as const,
        reasons: [],
        score: 0,
      };
      c.reasons.push(reason);
      c.score = Math.max(c.score, reason === 'name' ? 0.95 : 0.9);
      leads.set(r.id, c);
    }
  }
  return [...customers, ...[...leads.values()].sort((a, b) => b.score - a.score)];
}
