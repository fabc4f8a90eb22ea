import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../../platform/db/tx.ts';
import { qualitySettings } from '../settings.ts';
import type { Finding, QualityCheck } from './registry.ts';

/**
 * Customers missing what the company requires (settings.quality): an owner (customers in the public
 * pool have none by design), a tax id for companies, an industry, a source, a contact person.
 */
export const customerRequiredFields: QualityCheck = {
  key: 'crm.customer_required_fields',
  title: { 'zh-CN': '客户缺少必填信息', en: 'Customers missing required fields' },
  severity: 'low',
  recordType: 'customer',
  async run(ex: Executor, companyId: string): Promise<Finding[]> {
    const s = await qualitySettings(ex, companyId);
    const rules: Array<[string, boolean, SQL]> = [
      ['owner', s.requireCustomerOwner, sql`c.owner_user_id is null and not c.in_pool`],
      ['taxId', s.requireCompanyTaxId, sql`c.kind = 'company' and coalesce(trim(c.tax_id), '') = ''`],
      ['industry', s.requireCustomerIndustry, sql`c.industry_code is null`],
      ['source', s.requireCustomerSource, sql`c.source_code is null`],
      [
        'contact',
        s.requireCustomerContact,
        sql`not exists (select 1 from crm_contact k where k.company_id = c.company_id and k.customer_id = c.id)`,
      ],
    ];
    const active = rules.filter(([, on]) => on);
    if (active.length === 0) return [];
    const missing = sql.join(
      active.map(([field, , cond]) => sql`case when ${cond} then ${field} end`),
      sql`, `,
    );
    const found = await rows<{ id: string; code: string; name: string; missing: Array<string | null> }>(
      ex,
      sql`select c.id, c.code, c.name, array[${missing}] as missing from crm_customer c
           where c.company_id = ${companyId} and c.merged_into_id is null
             and (${sql.join(
               active.map(([, , cond]) => cond),
               sql` or `,
             )})
           order by c.id`,
    );
    // One finding per customer and missing field: filling one in resolves that one.
    return found.flatMap((c) =>
      c.missing
        .filter((f): f is string => f !== null)
        .map((field) => ({
          recordType: 'customer',
          recordId: c.id,
          fingerprint: `${c.id}:${field}`,
          details: { code: c.code, name: c.name, field },
        })),
    );
  },
};

/** Where records keep dictionary codes: table, column, dictionary, the record type and how to name it. */
const USES = [
  {
    table: 'crm_customer',
    column: 'industry_code',
    dictionary: 'industry',
    recordType: 'customer',
    label: 'name',
  },
  {
    table: 'crm_customer',
    column: 'source_code',
    dictionary: 'lead_source',
    recordType: 'customer',
    label: 'name',
  },
  {
    table: 'crm_lead',
    column: 'source_code',
    dictionary: 'lead_source',
    recordType: 'lead',
    label: 'contact_name',
  },
  {
    table: 'crm_lead',
    column: 'lost_reason_code',
    dictionary: 'lost_reason',
    recordType: 'lead',
    label: 'contact_name',
  },
  {
    table: 'crm_opportunity',
    column: 'lost_reason_code',
    dictionary: 'lost_reason',
    recordType: 'opportunity',
    label: 'name',
  },
  {
    table: 'crm_web_form',
    column: 'source_code',
    dictionary: 'lead_source',
    recordType: 'web_form',
    label: 'name',
  },
];

/** Codes kept on records that no entry of their dictionary defines (an entry made inactive still defines its code). */
export const undefinedDictionaryValues: QualityCheck = {
  key: 'platform.undefined_dictionary_value',
  title: { 'zh-CN': '记录使用了未定义的字典值', en: 'Dictionary values used but not defined' },
  severity: 'medium',
  recordType: 'customer',
  async run(ex: Executor, companyId: string): Promise<Finding[]> {
    const out: Finding[] = [];
    for (const use of USES) {
      const col = sql.identifier(use.column);
      const found = await rows<{ id: string; label: string; code: string }>(
        ex,
        sql`select r.id, r.${sql.identifier(use.label)} as label, r.${col} as code
              from ${sql.identifier(use.table)} r
             where r.company_id = ${companyId} and r.${col} is not null
               and not exists (select 1 from platform_dictionary_entry d
                                where d.company_id = r.company_id and d.dictionary = ${use.dictionary}
                                  and d.code = r.${col})
             order by r.id`,
      );
      for (const r of found)
        out.push({
          recordType: use.recordType,
          recordId: r.id,
          fingerprint: `${use.table}.${use.column}:${r.id}:${r.code}`,
          webPath: use.recordType === 'opportunity' ? '/crm/pipeline' : undefined,
          details: { label: r.label, field: use.column, dictionary: use.dictionary, code: r.code },
        });
    }
    return out;
  },
};
