import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { staleVersion } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import type { WebhookInput, WebhookPatch } from './contract.ts';
import { beforeId, pageOf } from './paging.ts';
import { webhookAllowList } from './settings.ts';
import { newWebhookSecret } from './signing.ts';
import { AllowList, assertWebhookTarget } from './ssrf.ts';
import { findWebhook, toWebhook, type WebhookRow } from './webhook.repo.ts';

const audited = (r: WebhookRow) => {
  const { secret: _s, previous_secret: _p, ...rest } = r;
  return rest;
};

async function checkedUrl(ex: Executor, actor: Actor, url: string): Promise<string> {
  const allow = new AllowList(await webhookAllowList(ex, actor.companyId));
  return (await assertWebhookTarget(url, allow)).toString();
}

/** Subscribes a URL to event types; the answer carries the signing secret, shown this once. */
export async function createWebhook(tx: Tx, actor: Actor, input: WebhookInput) {
  requirePermission(actor, 'integration.webhook.manage');
  const url = await checkedUrl(tx, actor, input.url);
  const secret = newWebhookSecret();
  const row = await one<WebhookRow>(
    tx,
    sql`insert into integration_webhook (company_id, id, url, description, event_types, filter, secret)
        values (${actor.companyId}, ${newId()}, ${url}, ${input.description ?? ''},
                ${sql`array[${sql.join(
                  [...new Set(input.eventTypes)].map((t) => sql`${t}`),
                  sql`, `,
                )}]::text[]`},
                ${input.filter ? JSON.stringify(input.filter) : null}::jsonb, ${secret})
        returning *`,
  );
  await recordAudit(tx, actor, {
    entity: 'integration.webhook',
    entityId: row!.id,
    action: 'create',
    after: audited(row!),
  });
  return { ...toWebhook(row!), secret };
}

export async function updateWebhook(tx: Tx, actor: Actor, id: string, patch: WebhookPatch) {
  requirePermission(actor, 'integration.webhook.manage');
  const before = await findWebhook(tx, actor.companyId, id, true);
  if (Number(before.version) !== patch.version)
    throw staleVersion('webhook', patch.version, Number(before.version));
  const url = patch.url === undefined ? before.url : await checkedUrl(tx, actor, patch.url);
  const types = patch.eventTypes ? [...new Set(patch.eventTypes)] : (before.event_types as string[]);
  const filter = patch.filter === undefined ? before.filter : patch.filter;
  const reactivate = patch.active === true && before.state === 'disabled';
  const disable = patch.active === false && before.state === 'active';
  const after = await one<WebhookRow>(
    tx,
    sql`update integration_webhook
           set url = ${url}, description = ${patch.description ?? before.description},
               event_types = ${sql`array[${sql.join(
                 types.map((t) => sql`${t}`),
                 sql`, `,
               )}]::text[]`},
               filter = ${filter ? JSON.stringify(filter) : null}::jsonb,
               state = ${reactivate ? 'active' : disable ? 'disabled' : before.state},
               failure_streak = ${reactivate ? 0 : before.failure_streak},
               failing_since = ${reactivate ? null : before.failing_since},
               disabled_at = ${reactivate ? null : disable ? sql`now()` : before.disabled_at},
               disabled_reason = ${reactivate ? null : disable ? 'disabled by a user' : before.disabled_reason},
               version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id} returning *`,
  );
  if (disable)
    await tx.execute(
      sql`update integration_webhook_delivery set state = 'dead', lease_until = null, updated_at = now(),
             version = version + 1, last_error = coalesce(last_error, 'the webhook was disabled')
           where company_id = ${actor.companyId} and webhook_id = ${id} and state = 'pending'`,
    );
  await recordAudit(tx, actor, {
    entity: 'integration.webhook',
    entityId: id,
    action: 'update',
    before: audited(before),
    after: audited(after!),
  });
  return toWebhook(after!);
}

/** A new secret; the previous one keeps signing (a second signature) for `graceHours`. */
export async function rotateWebhookSecret(tx: Tx, actor: Actor, id: string, graceHours: number) {
  requirePermission(actor, 'integration.webhook.manage');
  await findWebhook(tx, actor.companyId, id, true);
  const secret = newWebhookSecret();
  const row = await one<WebhookRow>(
    tx,
    sql`update integration_webhook
           set previous_secret = secret, secret = ${secret},
               previous_secret_until = now() + make_interval(hours => ${graceHours}::int),
               version = version + 1, updated_at = now()
         where company_id = ${actor.companyId} and id = ${id} returning *`,
  );
  await recordAudit(tx, actor, { entity: 'integration.webhook', entityId: id, action: 'rotate_secret' });
  return { ...toWebhook(row!), secret };
}

export async function deleteWebhook(tx: Tx, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'integration.webhook.manage');
  const before = await findWebhook(tx, actor.companyId, id, true);
  await tx.execute(sql`delete from integration_webhook where company_id = ${actor.companyId} and id = ${id}`);
  await recordAudit(tx, actor, {
    entity: 'integration.webhook',
    entityId: id,
    action: 'delete',
    before: audited(before),
  });
}

export async function listWebhooks(ex: Executor, actor: Actor, query: { limit: number; cursor?: string }) {
  requirePermission(actor, 'integration.webhook.read');
  const before = beforeId(query.cursor, sql`id`);
  const list = await rows<WebhookRow>(
    ex,
    sql`select * from integration_webhook where company_id = ${actor.companyId} ${before ? sql`and ${before}` : sql``}
         order by id desc limit ${query.limit + 1}`,
  );
  return pageOf(list.map(toWebhook), query.limit);
}
