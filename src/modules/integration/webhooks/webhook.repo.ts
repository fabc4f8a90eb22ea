import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import type { WebhookView } from './contract.ts';

export type WebhookRow = Record<string, any>;

export function toWebhook(r: WebhookRow): z.infer<typeof WebhookView> {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    eventTypes: r.event_types,
    filter: r.filter ?? null,
    state: r.state,
    failureStreak: Number(r.failure_streak),
    failingSince: isoOrNull(r.failing_since),
    disabledAt: isoOrNull(r.disabled_at),
    disabledReason: r.disabled_reason,
    secretHint: `${String(r.secret).slice(0, 10)}…`,
    previousSecretUntil: isoOrNull(r.previous_secret_until),
    version: Number(r.version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The company's webhook (404 outside it); `lock` takes the row lock for a change. */
export async function findWebhook(
  ex: Executor,
  companyId: string,
  id: string,
  lock = false,
): Promise<WebhookRow> {
  const row = await one<WebhookRow>(
    ex,
    sql`select * from integration_webhook where company_id = ${companyId} and id = ${id}
        ${lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound('webhook', id);
  return row;
}
