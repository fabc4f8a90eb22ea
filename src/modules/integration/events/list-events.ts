import { type SQL, sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { toDelivery } from '../webhooks/deliveries.ts';
import { beforeId, pageOf } from '../webhooks/paging.ts';
import type { EventListQuery } from './contract.ts';

function toEvent(r: Record<string, any>) {
  return {
    id: r.id,
    type: r.type,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    payloadVersion: Number(r.payload_version),
    payload: r.payload,
    actorUserId: r.actor_user_id,
    createdAt: iso(r.created_at),
    dispatchedAt: isoOrNull(r.dispatched_at),
  };
}

/** The company's outbox events, newest first, by type, aggregate and time window. */
export async function listEvents(ex: Executor, actor: Actor, query: EventListQuery) {
  requirePermission(actor, 'integration.event.read');
  const where: SQL[] = [sql`company_id = ${actor.companyId}`];
  if (query.type) where.push(sql`type = ${query.type}`);
  if (query.aggregateType) where.push(sql`aggregate_type = ${query.aggregateType}`);
  if (query.aggregateId) where.push(sql`aggregate_id = ${query.aggregateId}`);
  if (query.from) where.push(sql`created_at >= ${query.from}::timestamptz`);
  if (query.to) where.push(sql`created_at < ${query.to}::timestamptz`);
  const before = beforeId(query.cursor, sql`id`);
  if (before) where.push(before);
  const list = await rows<Record<string, any>>(
    ex,
    sql`select * from platform_event where ${sql.join(where, sql` and `)} order by id desc limit ${query.limit + 1}`,
  );
  return pageOf(list.map(toEvent), query.limit);
}

/** One event of the company with every webhook delivery made of it. */
export async function getEvent(ex: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'integration.event.read');
  const row = await one<Record<string, any>>(
    ex,
    sql`select * from platform_event where company_id = ${actor.companyId} and id = ${id}`,
  );
  if (!row) throw notFound('event', id);
  const deliveries = await rows<Record<string, any>>(
    ex,
    sql`select d.*, w.url from integration_webhook_delivery d
          join integration_webhook w on w.company_id = d.company_id and w.id = d.webhook_id
         where d.company_id = ${actor.companyId} and d.event_id = ${id} order by d.id`,
  );
  return { ...toEvent(row), deliveries: deliveries.map(toDelivery) };
}
