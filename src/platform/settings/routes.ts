import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import { one, withTransaction } from '../db/tx.ts';
import { badRequest, notFound, staleVersion } from '../errors.ts';
import { route } from '../http/route.ts';
import { type Actor, can, requirePermission } from '../permissions/actor.ts';
import {
  changeSchema,
  describeFields,
  effectiveValues,
  settingsSection,
  settingsSections,
} from './registry.ts';

const tags = ['companies'];

const SectionView = z
  .object({
    section: z.string(),
    permission: z.string(),
    editable: z.boolean(),
    values: z.record(z.string(), z.unknown()),
    fields: z.array(
      z.object({
        key: z.string(),
        kind: z.enum(['boolean', 'integer', 'number', 'enum', 'string', 'uuid']),
        nullable: z.boolean(),
        options: z.array(z.string()).optional(),
        min: z.number().optional(),
        max: z.number().optional(),
        default: z.unknown(),
      }),
    ),
  })
  .meta({ id: 'SettingsSection' });

const SettingsView = z
  .object({ version: z.number().int(), sections: z.array(SectionView) })
  .meta({ id: 'CompanySettings' });

function view(actor: Actor, settings: Record<string, unknown>, version: number) {
  return {
    version,
    sections: settingsSections().map((def) => ({
      section: def.section,
      permission: def.permission,
      editable: can(actor, def.permission),
      values: effectiveValues(def, settings[def.section]),
      fields: describeFields(def),
    })),
  };
}

export function settingsRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/company/settings',
    summary: 'The company’s settings, per module section, with their defaults filled in',
    tags,
    access: 'authenticated',
    response: SettingsView,
    handler: async ({ db }, actor) => {
      const row = await one<{ settings: Record<string, unknown>; version: number }>(
        db.orm,
        sql`select settings, version from platform_company where id = ${actor.companyId}`,
      );
      return view(actor, row?.settings ?? {}, row?.version ?? 1);
    },
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/company/settings/:section',
    summary:
      'Change some settings of one section (the section’s permission; the company version guards edits)',
    tags,
    access: 'authenticated',
    params: z.object({ section: z.string().max(40) }),
    body: z.strictObject({ version: z.number().int().min(1), values: z.record(z.string(), z.unknown()) }),
    response: SettingsView,
    handler: ({ db, body, params }, actor) =>
      withTransaction(db, async (tx) => {
        const def = settingsSection(params.section);
        if (!def) throw notFound('settings section', params.section);
        requirePermission(actor, def.permission);
        const parsed = changeSchema(def).safeParse(body.values);
        if (!parsed.success)
          throw badRequest('validation', 'Invalid settings', {
            issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          });
        const row = await one<{ settings: Record<string, any>; version: number }>(
          tx,
          sql`select settings, version from platform_company where id = ${actor.companyId} for update`,
        );
        if (!row) throw notFound('company', actor.companyId);
        if (row.version !== body.version) throw staleVersion('company', body.version, row.version);
        const before = effectiveValues(def, row.settings?.[def.section]);
        const stored = { ...(row.settings?.[def.section] ?? {}), ...parsed.data };
        const after = await one<{ settings: Record<string, unknown>; version: number }>(
          tx,
          sql`update platform_company
                 set settings = jsonb_set(coalesce(settings, '{}'::jsonb), ${`{${def.section}}`}::text[], ${JSON.stringify(stored)}::jsonb),
                     version = version + 1, updated_at = now()
               where id = ${actor.companyId} returning settings, version`,
        );
        const changed = Object.keys(parsed.data);
        await recordAudit(tx, actor, {
          entity: 'platform.company_settings',
          entityId: actor.companyId,
          action: 'update',
          before: Object.fromEntries(changed.map((k) => [`${def.section}.${k}`, before[k] ?? null])),
          after: Object.fromEntries(changed.map((k) => [`${def.section}.${k}`, parsed.data[k] ?? null])),
        });
        return view(actor, after!.settings, after!.version);
      }),
  });
}
