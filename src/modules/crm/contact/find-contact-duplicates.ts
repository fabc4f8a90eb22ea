import { sql } from 'drizzle-orm';
import { type Executor, rows, textArray } from '../../../platform/db/tx.ts';
import type { DuplicateCandidate } from '../customer/contract.ts';
import { emailKey, phoneKey } from '../customer/normalize.ts';

/** The normalised phones of a contact, as stored in `phone_keys`. */
export function phoneKeysOf(phones: readonly string[]): string[] {
  return [...new Set(phones.map(phoneKey).filter(Boolean))];
}

// Short numbers (an extension, 110) are shared by many people and prove nothing.
const MIN_DUPLICATE_KEY = 6;

/**
 * Contacts of the company (whoever may see them: a duplicate must be seen to be avoided) that share
 * a phone (after normalisation, through the GIN index on `phone_keys`) or the email (case-insensitive,
 * through the `lower(email)` index). The candidate's `code` is its customer's code, when it has one.
 */
export async function findContactDuplicates(
  ex: Executor,
  companyId: string,
  probe: { phones?: readonly string[]; email?: string | null; excludeId?: string },
): Promise<DuplicateCandidate[]> {
  const keys = phoneKeysOf(probe.phones ?? []).filter((k) => k.length >= MIN_DUPLICATE_KEY);
  const email = probe.email ? emailKey(probe.email) : '';
  if (keys.length === 0 && !email) return [];
  const found = await rows<{ id: string; name: string; code: string | null; phone: boolean; mail: boolean }>(
    ex,
    sql`select k.id, k.name, c.code,
               k.phone_keys && ${textArray(keys)} as phone, coalesce(lower(k.email) = ${email}, false) as mail
          from crm_contact k left join crm_customer c on c.company_id = k.company_id and c.id = k.customer_id
         where k.company_id = ${companyId}
           ${probe.excludeId ? sql`and k.id <> ${probe.excludeId}` : sql``}
           and (${keys.length > 0 ? sql`k.phone_keys && ${textArray(keys)}` : sql`false`}
                or ${email ? sql`lower(k.email) = ${email}` : sql`false`})
         order by k.id limit 20`,
  );
  return found.map((r) => {
    const reasons: DuplicateCandidate['reasons'] = [];
    if (r.phone) reasons.push('phone');
    if (r.mail) reasons.push('email');
    return {
      id: r.id,
      code: r.code ?? '',
      name: r.name,
      entity: 'contact' as const,
      reasons,
      score: 0.9,
    };
  });
}
