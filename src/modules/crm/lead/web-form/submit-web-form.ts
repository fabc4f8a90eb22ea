import { sql } from 'drizzle-orm';
import { hit } from '../../../../platform/auth/rate-limit.ts';
import type { Db } from '../../../../platform/db/connect.ts';
import { one, withTransaction } from '../../../../platform/db/tx.ts';
import { notFound, tooManyRequests } from '../../../../platform/errors.ts';
import { systemActor } from '../../../../platform/permissions/actor.ts';
import { createLead } from '../create-lead.ts';
import { FORM_KEY, type PublicSubmission } from './contract.ts';

/** One visitor may send a few; a form as a whole takes a busy hour's worth, not a flood. */
export const FORM_LIMITS = {
  perIpPerForm: { max: 10, windowSeconds: 60 },
  perForm: { max: 200, windowSeconds: 60 * 60 },
} as const;

/** An active form by its key, or 404 (an unknown, rotated and switched-off key look the same). */
async function activeForm(db: Db, key: string) {
  if (!FORM_KEY.test(key)) throw notFound('form');
  const form = await one<{
    id: string;
    company_id: string;
    name: string;
    source_code: string | null;
    team_id: string | null;
  }>(
    db.orm,
    sql`select id, company_id, name, source_code, team_id from crm_web_form where key = ${key} and active`,
  );
  if (!form) throw notFound('form');
  return form;
}

/**
 * A visitor's submission through a public form: no sign-in, the key is the credential. Throttled per
 * visitor and per form (the counters commit on their own, so refused attempts still count). A filled
 * honeypot gets the same answer as a real submission and stores nothing. The lead is created by a
 * system actor of the form's company and given an owner by the assignment rules. The caller answers
 * the same few words whatever happens inside, so nothing of the company leaks to the visitor.
 */
export async function submitWebForm(db: Db, key: string, ip: string, input: PublicSubmission): Promise<void> {
  const form = await activeForm(db, key);
  const visitor = await hit(db.orm, `crm.form.ip:${form.id}:${ip}`, FORM_LIMITS.perIpPerForm.windowSeconds);
  if (visitor.hits > FORM_LIMITS.perIpPerForm.max)
    throw tooManyRequests('rate_limited', visitor.retryAfterSeconds);
  const total = await hit(db.orm, `crm.form:${form.id}`, FORM_LIMITS.perForm.windowSeconds);
  if (total.hits > FORM_LIMITS.perForm.max) throw tooManyRequests('rate_limited', total.retryAfterSeconds);
  if (input.website) return;
  const actor = systemActor(form.company_id, `web form ${form.name}`);
  await withTransaction(db, (tx) =>
    createLead(tx, actor, {
      companyName: input.companyName ?? '',
      contactName: input.contactName,
      phone: input.phone ?? '',
      email: input.email || null,
      regionCode: input.region || null,
      sourceCode: form.source_code,
      message: input.message ?? '',
      teamId: form.team_id,
      formId: form.id,
      assignByRules: true,
    }),
  );
}
