import { sql } from 'drizzle-orm';
import { iso } from '../../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../../platform/db/tx.ts';
import { notFound } from '../../../../platform/errors.ts';
import { newSecret } from '../../../../platform/ids.ts';
import type { WebFormView } from './contract.ts';

export const FORM_ENTITY = 'crm.web_form';

/** 24 random bytes: a 32-character URL-safe key nobody can guess. */
export const newFormKey = () => newSecret(24);

export function toWebForm(r: Record<string, any>): WebFormView {
  return {
    id: r.id,
    name: r.name,
    key: r.key,
    pagePath: `/forms/${r.key}`,
    submitPath: `/api/v1/public/forms/${r.key}`,
    sourceCode: r.source_code,
    teamId: r.team_id,
    active: r.active,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function findWebForm(ex: Executor, companyId: string, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`select * from crm_web_form where company_id = ${companyId} and id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('web form', id);
  return toWebForm(row);
}

export async function listWebForms(ex: Executor, companyId: string) {
  const list = await rows<Record<string, any>>(
    ex,
    sql`select * from crm_web_form where company_id = ${companyId} order by created_at, id`,
  );
  return list.map(toWebForm);
}

/** What the audit log keeps: never the key itself (it is a credential). */
export function auditableForm(f: WebFormView) {
  return { name: f.name, sourceCode: f.sourceCode, teamId: f.teamId, active: f.active };
}
