import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { one, rows, type Tx, textArray, withTransaction } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { retryDelay, tuning } from './config.ts';
import { onDeliveryQueued } from './fan-out.ts';
import { type SendResult, sendWebhook } from './send.ts';
import { webhookAllowList } from './settings.ts';
import { AllowList } from './ssrf.ts';

const BATCH = 20;

interface Logger {
  warn(obj: unknown, msg?: string): void;
}

interface Claimed {
  company_id: string;
  id: string;
  webhook_id: string;
  event_id: string;
  body: string;
  attempts: number;
}

export interface DeliverOptions {
  /** Only this company's deliveries (crash tests on a shared database). */
  companyId?: string;
  /** Deliveries not to claim (ids). */
  exclude?: string[];
  /** Test hook: runs after the POST was answered and before the outcome is recorded. */
  afterSend?(): void;
}

/**
 * Claims due deliveries with a lease (`for update skip locked`: several workers may run), POSTs each outside
 * any transaction, then records the attempt. A worker that dies after sending leaves the lease to expire and
 * the delivery is sent again with the same webhook-id: receivers dedupe on it (at-least-once).
 */
export async function deliverDue(db: Db, options: DeliverOptions = {}): Promise<number> {
  const claimed = await rows<Claimed>(
    db.orm,
    sql`update integration_webhook_delivery d
           set lease_until = now() + make_interval(secs => ${tuning.leaseSeconds}), attempts = d.attempts + 1
         where (d.company_id, d.id) in (
           select c.company_id, c.id from integration_webhook_delivery c
            where c.state = 'pending' and c.next_attempt_at <= now()
              ${options.companyId ? sql`and c.company_id = ${options.companyId}` : sql``}
              ${options.exclude?.length ? sql`and c.id::text <> all(${textArray(options.exclude)})` : sql``}
              and (c.lease_until is null or c.lease_until < now())
            order by c.next_attempt_at limit ${BATCH} for update skip locked)
        returning d.company_id, d.id, d.webhook_id, d.event_id, d.body, d.attempts`,
  );
  for (const row of claimed) {
    options.exclude?.push(row.id);
    await deliverOne(db, row, options);
  }
  return claimed.length;
}

async function deliverOne(db: Db, row: Claimed, options: DeliverOptions): Promise<void> {
  const hook = await one<{ url: string; secret: string; previous: string | null; state: string }>(
    db.orm,
    sql`select url, secret, state,
               case when previous_secret_until > now() then previous_secret end as previous
          from integration_webhook where company_id = ${row.company_id} and id = ${row.webhook_id}`,
  );
  if (hook?.state !== 'active') {
    await db.orm.execute(
      sql`update integration_webhook_delivery set state = 'dead', lease_until = null, updated_at = now(),
             last_error = 'the webhook is disabled', version = version + 1
           where company_id = ${row.company_id} and id = ${row.id} and state = 'pending'`,
    );
    return;
  }
  const allow = new AllowList(await webhookAllowList(db.orm, row.company_id));
  const result = await sendWebhook({
    url: hook.url,
    msgId: row.event_id,
    body: row.body,
    secrets: hook.previous ? [hook.secret, hook.previous] : [hook.secret],
    allow,
    timeoutMs: tuning.timeoutMs,
  });
  options.afterSend?.();
  await withTransaction(db, (tx) => recordAttempt(tx, row, result));
}

async function recordAttempt(tx: Tx, row: Claimed, result: SendResult): Promise<void> {
  await tx.execute(
    sql`insert into integration_webhook_attempt (company_id, id, delivery_id, attempt, status_code, response_excerpt,
          error, duration_ms)
        values (${row.company_id}, ${newId()}, ${row.id}, ${row.attempts}, ${result.statusCode}, ${result.excerpt},
                ${result.error}, ${result.durationMs})`,
  );
  if (result.ok) {
    await tx.execute(
      sql`update integration_webhook_delivery set state = 'succeeded', delivered_at = now(), lease_until = null,
             last_status = ${result.statusCode}, last_error = null, updated_at = now(), version = version + 1
           where company_id = ${row.company_id} and id = ${row.id}`,
    );
    await tx.execute(
      sql`update integration_webhook set failure_streak = 0, failing_since = null
           where company_id = ${row.company_id} and id = ${row.webhook_id} and failure_streak > 0`,
    );
    return;
  }
  const hook = await one<{ streak: number; hours: number; state: string }>(
    tx,
    sql`update integration_webhook set failure_streak = failure_streak + 1, failing_since = coalesce(failing_since, now())
         where company_id = ${row.company_id} and id = ${row.webhook_id}
        returning failure_streak as streak, state,
                  extract(epoch from now() - failing_since)::float8 / 3600 as hours`,
  );
  const delay = retryDelay(row.attempts);
  await tx.execute(
    sql`update integration_webhook_delivery
           set state = ${delay === null ? 'dead' : 'pending'}, lease_until = null, last_status = ${result.statusCode},
               last_error = ${result.error}, updated_at = now(), version = version + 1,
               next_attempt_at = now() + make_interval(secs => ${(delay ?? 0) / 1000})
         where company_id = ${row.company_id} and id = ${row.id}`,
  );
  if (
    hook?.state === 'active' &&
    (hook.streak >= tuning.failureThreshold || hook.hours >= tuning.failureMaxHours)
  )
    await disableWebhook(tx, row.company_id, row.webhook_id, hook.streak);
}

/** Disables a failing subscription, moves its pending deliveries to the dead letters and tells the admins. */
async function disableWebhook(tx: Tx, companyId: string, webhookId: string, streak: number): Promise<void> {
  const reason = `${streak} consecutive failed deliveries`;
  const hook = await one<{ url: string }>(
    tx,
    sql`update integration_webhook set state = 'disabled', disabled_at = now(), disabled_reason = ${reason},
           version = version + 1, updated_at = now()
         where company_id = ${companyId} and id = ${webhookId} and state = 'active' returning url`,
  );
  if (!hook) return;
  await tx.execute(
    sql`update integration_webhook_delivery set state = 'dead', lease_until = null, updated_at = now(),
           version = version + 1
         where company_id = ${companyId} and webhook_id = ${webhookId} and state = 'pending'`,
  );
  const admins = await rows<{ user_id: string }>(
    tx,
    sql`select ur.user_id from platform_user_role ur
          join platform_role r on r.company_id = ur.company_id and r.id = ur.role_id
         where ur.company_id = ${companyId} and r.code = 'admin'`,
  );
  await notify(
    tx,
    companyId,
    admins.map((a) => a.user_id),
    {
      kind: 'integration.webhook.disabled',
      title: { en: 'A webhook was disabled', 'zh-CN': 'Webhook 已停用' },
      body: {
        en: `${hook.url} failed ${streak} times in a row. Its undelivered events are in the dead letters.`,
        'zh-CN': `${hook.url} 连续失败 ${streak} 次，未送达的事件已移入死信列表。`,
      },
      link: `/integration/webhooks/${webhookId}`,
    },
  );
}

/**
 * Gives every delivery due now one attempt (tests call this to make delivery deterministic: a failed one
 * waits for the next call, however fast its retry is scheduled).
 */
export async function drainWebhooks(db: Db, options: DeliverOptions = {}): Promise<number> {
  let total = 0;
  const once = { ...options, exclude: [...(options.exclude ?? [])] };
  for (;;) {
    const n = await deliverDue(db, once);
    total += n;
    if (n === 0) return total;
  }
}

/** The in-process delivery worker: woken when deliveries are queued, and polling for retries. */
export function startWebhookWorker(db: Db, log: Logger, pollMs = 1000): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          while (!stopped && (await deliverDue(db)) > 0) {}
        } catch (error) {
          log.warn({ err: error }, 'webhook delivery failed; will retry');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };
  const off = onDeliveryQueued(run);
  const tick = () => {
    run();
    timer = setTimeout(tick, pollMs);
    timer.unref();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      off();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
