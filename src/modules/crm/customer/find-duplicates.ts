import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows, textArray } from '../../../platform/db/tx.ts';
import type { DuplicateCandidate } from './contract.ts';
import { bigrams, emailKey, looksSimilar, nameKey, phoneKey, toHalfWidth } from './normalize.ts';

export interface DuplicateProbe {
  name?: string | null;
  taxId?: string | null;
  phones?: string[];
  emails?: string[];
  excludeId?: string;
}

type Reason = DuplicateCandidate['reasons'][number];
const WEIGHT: Record<Reason, number> = { tax_id: 1, name: 0.95, phone: 0.9, email: 0.9, similar_name: 0 };

export function normalizeTaxId(taxId: string | null | undefined): string | null {
  const t = taxId ? toHalfWidth(taxId).replace(/\s/g, '').toUpperCase() : '';
  return t === '' ? null : t;
}

/**
 * Likely duplicates among the company's customers (whoever owns them: a duplicate must be seen to be
 * avoided): same tax id, same name key, a very similar name, or a contact with the same phone or email.
 */
export async function findCustomerDuplicates(
  ex: Executor,
  companyId: string,
  probe: DuplicateProbe,
): Promise<DuplicateCandidate[]> {
  const found = new Map<string, DuplicateCandidate>();
  const add = (r: { id: string; code: string; name: string }, reason: Reason, score: number) => {
    const c = found.get(r.id) ?? {
      id: r.id,
      code: r.code,
      name: r.name,
      entity: 'customer' as const,
      reasons: [],
      score: 0,
    };
    if (!c.reasons.includes(reason)) c.reasons.push(reason);
    c.score = Math.max(c.score, score);
    found.set(r.id, c);
  };
  const base = (cond: SQL) =>
    rows<{ id: string; code: string; name: string; name_key: string }>(
      ex,
      sql`select c.id, c.code, c.name, c.name_key from crm_customer c
           where c.company_id = ${companyId} and c.merged_into_id is null
             ${probe.excludeId ? sql`and c.id <> ${probe.excludeId}` : sql``} and ${cond} limit 50`,
    );
  const taxId = normalizeTaxId(probe.taxId);
  if (taxId) for (const r of await base(sql`c.tax_id = ${taxId}`)) add(r, 'tax_id', WEIGHT.tax_id);
  if (probe.name) {
    const key = nameKey(probe.name);
    if (key) {
      for (const r of await base(sql`c.name_key = ${key}`)) add(r, 'name', WEIGHT.name);
      const grams = bigrams(key);
      if (grams.length > 0)
        for (const r of await base(sql`c.name_grams && ${textArray(grams)}`)) {
          if (r.name_key === key) continue;
          const { similar, score } = looksSimilar(key, r.name_key);
          if (similar) add(r, 'similar_name', score);
        }
    }
  }
  const phones = [...new Set((probe.phones ?? []).map(phoneKey).filter((p) => p.length >= 6))];
  if (phones.length > 0)
    for (const r of await base(
      sql`exists (select 1 from crm_contact k where k.company_id = c.company_id and k.customer_id = c.id
                   and k.phone_keys && ${textArray(phones)})`,
    ))
      add(r, 'phone', WEIGHT.phone);
  const emails = [...new Set((probe.emails ?? []).map(emailKey).filter(Boolean))];
  if (emails.length > 0)
    for (const r of await base(
      sql`exists (select 1 from crm_contact k where k.company_id = c.company_id and k.customer_id = c.id
                   and lower(k.email) in (${sql.join(
                     emails.map((e) => sql`${e}`),
                     sql`, `,
                   )}))`,
    ))
      add(r, 'email', WEIGHT.email);
  return [...found.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}
