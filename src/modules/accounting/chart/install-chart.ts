import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import type { ChartTemplateCode, TemplateAccount } from './roles.ts';
import { cnSmallBusiness } from './templates/cn-small-business.ts';
import { ifrsGeneric } from './templates/ifrs-generic.ts';

export const chartTemplates: Record<ChartTemplateCode, TemplateAccount[]> = {
  'cn-small-business': cnSmallBusiness,
  'ifrs-generic': ifrsGeneric,
};

/** A Chinese-speaking company keeps books under 小企业会计准则; others get the generic IFRS chart. */
export function templateFor(locale: string | undefined, explicit?: string): ChartTemplateCode {
  if (explicit === 'cn-small-business' || explicit === 'ifrs-generic') return explicit;
  return (locale ?? 'zh-CN') === 'zh-CN' ? 'cn-small-business' : 'ifrs-generic';
}

const JOURNALS: Array<[string, string, string]> = [
  ['general', '总账', 'General'],
  ['sales', '销售', 'Sales'],
  ['purchase', '采购', 'Purchases'],
  ['bank', '银行', 'Bank'],
  ['cash', '现金', 'Cash'],
  ['stock', '存货', 'Stock'],
];

/**
 * Writes a chart template and the six journals (voucher word 记) into a company that has none.
 * One statement per table, sent as JSON, because every new company (and every test company) pays it.
 */
export async function installChart(ex: Executor, companyId: string, code: ChartTemplateCode): Promise<void> {
  const has = await one(ex, sql`select 1 from accounting_account where company_id = ${companyId} limit 1`);
  if (!has) {
    const ids = new Map(chartTemplates[code].map((a) => [a.code, newId()]));
    const rows = chartTemplates[code].map((a) => ({
      id: ids.get(a.code),
      code: a.code,
      name: { 'zh-CN': a.zh, en: a.en },
      type: a.type,
      parentId: a.parent ? ids.get(a.parent) : null,
      role: a.role ?? null,
      reconcilable: a.reconcilable === true,
      cashFlow: a.cashFlow === true,
    }));
    // The parent reference is checked at the end of the statement, so row order does not matter.
    await ex.execute(
      sql`insert into accounting_account (company_id, id, code, name, type, parent_id, role, reconcilable, cash_flow)
          select ${companyId}, r.id, r.code, r.name, r.type, r."parentId", r.role, r.reconcilable, r."cashFlow"
            from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, code text, name jsonb, type text,
                 "parentId" uuid, role text, reconcilable boolean, "cashFlow" boolean)
          on conflict do nothing`,
    );
  }
  const journals = JOURNALS.map(([c, zh, en]) => ({ id: newId(), code: c, name: { 'zh-CN': zh, en } }));
  await ex.execute(
    sql`insert into accounting_journal (company_id, id, code, name)
        select ${companyId}, r.id, r.code, r.name
          from jsonb_to_recordset(${JSON.stringify(journals)}::jsonb) as r(id uuid, code text, name jsonb)
        on conflict do nothing`,
  );
}

/** The company's template by its locale, installed if the company has no chart yet (companies made before accounting). */
export async function ensureChart(ex: Executor, companyId: string): Promise<void> {
  const company = await one<{ locale: string; template: string | null }>(
    ex,
    sql`select locale, settings #>> '{accounting,chartTemplate}' as template from platform_company where id = ${companyId}`,
  );
  if (!company) return;
  await installChart(ex, companyId, templateFor(company.locale, company.template ?? undefined));
}

/**
 * Gives a role that a newer template has to an existing chart: the template's account for it takes the
 * role when the company has that code as a leaf without a role, else the account is added (under its
 * parent when the company has it). A chart that already uses the code otherwise is left alone (the
 * caller then reports the role missing, and an accountant assigns it with PATCH /accounts/{id}).
 */
export async function adoptTemplateRole(ex: Executor, companyId: string, role: string): Promise<void> {
  const company = await one<{ locale: string; template: string | null }>(
    ex,
    sql`select locale, settings #>> '{accounting,chartTemplate}' as template from platform_company where id = ${companyId}`,
  );
  if (!company) return;
  const wanted = chartTemplates[templateFor(company.locale, company.template ?? undefined)].find(
    (a) => a.role === role,
  );
  if (!wanted) return;
  const taken = await one<{ id: string; role: string | null; children: number }>(
    ex,
    sql`select a.id, a.role, (select count(*)::int from accounting_account c
                               where c.company_id = a.company_id and c.parent_id = a.id) as children
          from accounting_account a where a.company_id = ${companyId} and a.code = ${wanted.code}`,
  );
  if (taken) {
    if (taken.role === null && Number(taken.children) === 0)
      await ex.execute(
        sql`update accounting_account set role = ${role}, version = version + 1, updated_at = now()
             where company_id = ${companyId} and id = ${taken.id} and role is null`,
      );
    return;
  }
  await ex.execute(
    sql`insert into accounting_account (company_id, id, code, name, type, parent_id, role)
        values (${companyId}, ${newId()}, ${wanted.code}, ${JSON.stringify({ 'zh-CN': wanted.zh, en: wanted.en })}::jsonb,
          ${wanted.type}, (select id from accounting_account where company_id = ${companyId} and code = ${wanted.parent ?? ''}),
          ${role})
        on conflict do nothing`,
  );
}
