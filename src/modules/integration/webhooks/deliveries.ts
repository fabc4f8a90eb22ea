import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { afterCommit, type Executor, one, rows, type Tx } from '../../../platform/db/tx.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { wakeWorkers } from './fan-out.ts';
import { beforeId, pageOf } from './paging.ts';
import { findWebhook } from './webhook.repo.ts';

const select = sql`select d.*, w.url from integration_webhook_delivery d
  join integration_webhook w on w.company_id = d.company_id and w.id = d.webhook_id`;

export function toDelivery(r: Record<string, any>) {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    eventId: r.event_id,
    eventType: r.event_type,
    state: r.state,
    attempts: Number(r.attempts),
    nextAttemptAt: r.state === 'pending' ? isoOrNull(r.next_attempt_at) : null,
    lastStatus: r.last_status === null ? null : Number(r.last_status),
    lastError: r.last_error,
    deliveredAt: isoOrNull(r.delivered_at),
    createdAt: iso(r.created_at),
    url: r.url,
  };
}

interface ListInput {
  limit: number;
  cursor?: string;
  state?: string;
  webhookId?: string;
  eventId?: string;
}

/** Deliveries of the company, newest first: of one webhook, of one event, or in one state (dead letters). */
export async function listDeliveries(ex: Executor, actor: Actor, input: ListInput) {
  requirePermission(actor, 'integration.webhook.read');
  if (input.webhookId) await findWebhook(ex, actor.companyId, input.webhookId);
  const where: SQL[] = [sql`d.company_id = ${actor.companyId}`];
  if (input.webhookId) where.push(sql`d.webhook_id = ${input.webhookId}`);
  if (input.eventId) where.push(sql`d.event_id = ${input.eventId}`);
  if (input.state) where.push(sql`d.state = ${input.state}`);
  const before = beforeId(input.cursor, sql`d.id`);
  if (before) where.push(before);
  const list = await rows<Record<string, any>>(
    ex,
    sql`${select} where ${sql.join(where, sql` and `)} order by d.id desc limit ${input.limit + 1}`,
  );
  return pageOf(list.map(toDelivery), input.limit);
}

async function findDelivery(ex: Executor, companyId: string, webhookId: string, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${select} where d.company_id = ${companyId} and d.webhook_id = ${webhookId} and d.id = ${id}
        ${lock ? sql`for update of d` : sql``}`,
  );
  if (!row) throw notFound('webhook delivery', id);
  return row;
}

/** One delivery with its body and the log of its attempts. */
export async function getDelivery(ex: Executor, actor: Actor, webhookId: string, id: string) {
  requirePermission(actor, 'integration.webhook.read');
  const row = await findDelivery(ex, actor.companyId, webhookId, id);
  const log = await rows<Record<string, any>>(
    ex,
    sql`select * from integration_webhook_attempt where company_id = ${actor.companyId} and delivery_id = ${id}
         order by attempt, created_at`,
  );
  return {
    ...toDelivery(row),
    body: row.body,
    log: log.map((a) => ({
      attempt: Number(a.attempt),
      statusCode: a.status_code === null ? null : Number(a.status_code),
      responseExcerpt: a.response_excerpt,
      error: a.error,
      durationMs: Number(a.duration_ms),
      createdAt: iso(a.created_at),
    })),
  };
}

const requeue = sql`state = 'pending', attempts = 0, next_attempt_at = now(), lease_until = null,
  updated_at = now(), version = version + 1`;

/** Sends a delivery again (same webhook-id, so receivers can tell); the webhook must be active. */
export async function replayDelivery(tx: Tx, actor: Actor, webhookId: string, id: string) {
  requirePermission(actor, 'integration.webhook.manage');
  const hook = await findWebhook(tx, actor.companyId, webhookId);
  await findDelivery(tx, actor.companyId, webhookId, id, true);
  if (hook.state !== 'active')
    throw unprocessable('webhook.disabled', 'Enable the webhook before replaying its deliveries');
  await tx.execute(
    sql`update integration_webhook_delivery set ${requeue} where company_id = ${actor.companyId} and id = ${id}`,
  );
  await recordAudit(tx, actor, { entity: 'integration.webhook_delivery', entityId: id, action: 'replay' });
  afterCommit(tx, wakeWorkers);
  return toDelivery(await findDelivery(tx, actor.companyId, webhookId, id));
}

/** Puts every dead letter of a webhook back in the queue. */
export async function replayDeadLetters(tx: Tx, actor: Actor, webhookId: string) {
  requirePermission(actor, 'integration.webhook.manage');
  const hook = await findWebhook(tx, actor.companyId, webhookId, true);
  if (hook.state !== 'active')
    throw unprocessable('webhook.disabled', 'Enable the webhook before replaying its deliveries');
  const done = await rows(
    tx,
    sql`update integration_webhook_delivery set ${requeue}
         where company_id = ${actor.companyId} and webhook_id = ${webhookId} and state = 'dead' returning id`,
  );
  await recordAudit(tx, actor, {
    entity: 'integration.webhook',
    entityId: webhookId,
    action: 'replay_dead_letters',
    after: { replayed: done.length },
  });
  afterCommit(tx, wakeWorkers);
  return { replayed: done.length };
}
