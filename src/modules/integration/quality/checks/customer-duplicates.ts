import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../../platform/db/tx.ts';
import { toHalfWidth } from '../../../../platform/text/search-key.ts';
import { DuplicatePairs } from './pairs.ts';
import type { Finding, QualityCheck } from './registry.ts';

// crm computes name_key (nameKey: width, case, company-form suffixes) and phone_keys (phoneKey: country
// code and trunk prefix) when it writes a party; grouping by them finds what its duplicate check would.

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  name_key: string;
  tax_id: string | null;
}

export const duplicateCustomers: QualityCheck = {
  key: 'crm.duplicate_customer',
  title: { 'zh-CN': '重复客户', en: 'Duplicate customers' },
  severity: 'medium',
  recordType: 'customer',
  async run(ex: Executor, companyId: string): Promise<Finding[]> {
    const customers = await rows<CustomerRow>(
      ex,
      sql`select id, code, name, name_key, tax_id from crm_customer
           where company_id = ${companyId} and merged_into_id is null`,
    );
    const pairs = new DuplicatePairs();
    pairs.addByKey(
      customers,
      (c) => c.id,
      (c) => (c.name_key ? [c.name_key] : []),
      'name',
    );
    pairs.addByKey(
      customers,
      (c) => c.id,
      (c) => {
        // crm stores tax ids normalised; width, spaces and case are folded again for older rows.
        const t = toHalfWidth(c.tax_id ?? '')
          .replace(/\s/g, '')
          .toUpperCase();
        return t ? [t] : [];
      },
      'tax_id',
    );
    // Contacts of different customers with the same phone or e-mail.
    const shared = await rows<{ reason: string; ids: string[] }>(
      ex,
      sql`select 'phone' as reason, array_agg(distinct x.customer_id::text) as ids
            from (select k.customer_id, unnest(k.phone_keys) as phone from crm_contact k
                   join crm_customer c on c.company_id = k.company_id and c.id = k.customer_id
                                      and c.merged_into_id is null
                   where k.company_id = ${companyId}) x
           where length(x.phone) >= 6 group by x.phone having count(distinct x.customer_id) > 1
          union all
          select 'email', array_agg(distinct k.customer_id::text) from crm_contact k
            join crm_customer c on c.company_id = k.company_id and c.id = k.customer_id and c.merged_into_id is null
           where k.company_id = ${companyId} and coalesce(trim(k.email), '') <> ''
           group by lower(trim(k.email)) having count(distinct k.customer_id) > 1`,
    );
    for (const s of shared) pairs.addGroup(s.ids, s.reason);
    const byId = new Map(customers.map((c) => [c.id, c]));
    return pairs.list().map((p) => ({
      recordType: 'customer',
      recordId: p.id,
      fingerprint: `${p.of}:${p.id}`,
      details: {
        code: byId.get(p.id)?.code,
        name: byId.get(p.id)?.name,
        duplicateOfId: p.of,
        duplicateOfCode: byId.get(p.of)?.code,
        duplicateOfName: byId.get(p.of)?.name,
        reasons: p.reasons,
      },
    }));
  },
};

interface ContactRow {
  id: string;
  customer_id: string | null;
  name: string;
  name_key: string;
  phone_keys: string[];
  email: string | null;
}

export const duplicateContacts: QualityCheck = {
  key: 'crm.duplicate_contact',
  title: { 'zh-CN': '重复联系人', en: 'Duplicate contacts' },
  severity: 'low',
  recordType: 'contact',
  async run(ex: Executor, companyId: string): Promise<Finding[]> {
    const contacts = await rows<ContactRow>(
      ex,
      sql`select k.id, k.customer_id, k.name, k.name_key, k.phone_keys, k.email from crm_contact k
           where k.company_id = ${companyId}
             and not exists (select 1 from crm_customer c where c.company_id = k.company_id
                              and c.id = k.customer_id and c.merged_into_id is not null)`,
    );
    // Duplicates are two entries for one person of the same customer (or two without a customer).
    const scope = (k: ContactRow) => k.customer_id ?? '-';
    const pairs = new DuplicatePairs();
    pairs.addByKey(
      contacts,
      (k) => k.id,
      (k) => (k.name_key ? [`${scope(k)}:${k.name_key}`] : []),
      'name',
    );
    pairs.addByKey(
      contacts,
      (k) => k.id,
      (k) => k.phone_keys.filter((p) => p.length >= 6).map((p) => `${scope(k)}:${p}`),
      'phone',
    );
    pairs.addByKey(
      contacts,
      (k) => k.id,
      (k) => (k.email?.trim() ? [`${scope(k)}:${k.email.trim().toLowerCase()}`] : []),
      'email',
    );
    const byId = new Map(contacts.map((k) => [k.id, k]));
    return pairs.list().map((p) => {
      const k = byId.get(p.id)!;
      return {
        recordType: 'contact',
        recordId: p.id,
        fingerprint: `${p.of}:${p.id}`,
        webPath: k.customer_id ? `/crm/customers/${k.customer_id}` : null,
        details: {
          name: k.name,
          customerId: k.customer_id,
          duplicateOfId: p.of,
          duplicateOfName: byId.get(p.of)?.name,
          reasons: p.reasons,
        },
      };
    });
  },
};
