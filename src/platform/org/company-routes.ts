import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { one, withTransaction } from '../db/tx.ts';
import { staleVersion } from '../errors.ts';
import { route } from '../http/route.ts';
import { requirePermission } from '../permissions/actor.ts';
import { addMember, createCompany } from './create-company.ts';

const tags = ['companies'];
const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'unknown IANA time zone');

export const CompanyView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    currency: z.string(),
    timeZone: z.string(),
    locale: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Company' });

const view = (r: Record<string, any>) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  currency: r.currency,
  timeZone: r.time_zone,
  locale: r.locale,
  version: r.version,
});

export function companyRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/company',
    summary: 'The current company',
    tags,
    access: 'authenticated',
    response: CompanyView,
    handler: async ({ db }, actor) =>
      view((await one(db.orm, sql`select * from platform_company where id = ${actor.companyId}`))!),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/company',
    summary: 'Change the current company’s name, time zone or language',
    tags,
    access: 'platform.company.update',
    body: z.strictObject({
      version: z.number().int().min(1),
      name: z.string().trim().min(1).max(200).optional(),
      timeZone: TimeZone.optional(),
      locale: z.enum(['zh-CN', 'en']).optional(),
    }),
    response: CompanyView,
    handler: ({ db, body }, actor) =>
      withTransaction(db, async (tx) => {
        requirePermission(actor, 'platform.company.update');
        const before = view(
          (await one(tx, sql`select * from platform_company where id = ${actor.companyId} for update`))!,
        );
        if (before.version !== body.version) throw staleVersion('company', body.version, before.version);
        const after = await one(
          tx,
          sql`update platform_company set name = ${body.name ?? before.name}, time_zone = ${body.timeZone ?? before.timeZone},
                 locale = ${body.locale ?? before.locale}, version = version + 1, updated_at = now()
               where id = ${actor.companyId} returning *`,
        );
        await recordAudit(tx, actor, {
          entity: 'platform.company',
          entityId: actor.companyId,
          action: 'update',
          before,
          after: view(after!),
        });
        return view(after!);
      }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/companies',
    summary: 'Create another company; you become its administrator',
    tags,
    access: 'platform.company.create',
    body: z.strictObject({
      code: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,19}$/),
      name: z.string().trim().min(1).max(200),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .default('CNY'),
      timeZone: TimeZone.default('Asia/Shanghai'),
      locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    }),
    status: 201,
    response: CompanyView,
    handler: ({ db, body }, actor) =>
      withTransaction(db, async (tx) => {
        requirePermission(actor, 'platform.company.create');
        const created = await createCompany(tx, body);
        await addMember(tx, created.id, actor.userId, [created.roles.admin]);
        await recordAudit(tx, actor, {
          entity: 'platform.company',
          entityId: created.id,
          action: 'create',
          after: body,
        });
        return view((await one(tx, sql`select * from platform_company where id = ${created.id}`))!);
      }),
  });
}
