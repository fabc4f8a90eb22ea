import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, rows } from '../db/tx.ts';
import { notFound } from '../errors.ts';
import { type Actor, can } from '../permissions/actor.ts';
import { allPermissions } from '../permissions/registry.ts';

export const SessionView = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), locale: z.string() }),
    company: z.object({
      id: z.uuid(),
      name: z.string(),
      code: z.string(),
      currency: z.string(),
      timeZone: z.string(),
    }),
    companies: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string() })),
    permissions: z.array(z.string()),
    csrfToken: z.string(),
  })
  .meta({ id: 'Session' });
export type SessionView = z.infer<typeof SessionView>;

/** What the web app needs after sign-in: who, which company, which companies, what they may do. */
export async function sessionView(ex: Executor, actor: Actor, csrfToken: string): Promise<SessionView> {
  const [user] = await rows<{ id: string; email: string; name: string; locale: string }>(
    ex,
    sql`select id, email, name, locale from platform_user where id = ${actor.userId}`,
  );
  const companies = await rows<{
    id: string;
    name: string;
    code: string;
    currency: string;
    time_zone: string;
  }>(
    ex,
    sql`select c.id, c.name, c.code, c.currency, c.time_zone from platform_company c
          join platform_membership m on m.company_id = c.id and m.user_id = ${actor.userId} and m.active
         order by c.name`,
  );
  const current = companies.find((c) => c.id === actor.companyId);
  if (!user || !current) throw notFound('company');
  return {
    user,
    company: {
      id: current.id,
      name: current.name,
      code: current.code,
      currency: current.currency,
      timeZone: current.time_zone,
    },
    companies: companies.map((c) => ({ id: c.id, name: c.name, code: c.code })),
    permissions: allPermissions()
      .map((p) => p.key)
      .filter((key) => can(actor, key)),
    csrfToken,
  };
}
