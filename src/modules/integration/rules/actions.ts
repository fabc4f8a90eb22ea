import { sql } from 'drizzle-orm';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import type { DeliveredEvent } from '../../../platform/outbox/subscribers.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';
import { logActivity } from '../../crm/index.ts';
import { enqueueWebhookDelivery } from '../webhooks/index.ts';
import type { RuleAction } from './contract.ts';

// What a rule's actions do after commit (from the outbox), and how each one is described by the
// test button, which does nothing.

const DECIMAL = /^-?\d+\.\d+$/;

function show(v: unknown): string {
  if (typeof v === 'string') return DECIMAL.test(v) ? v.replace(/\.?0+$/, '') : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '';
  return JSON.stringify(v).slice(0, 100);
}

/** `{field}` and `{a.b}` replaced by the payload's values (missing ones by nothing). */
export function fillTemplate(template: string, payload: Record<string, unknown>): string {
  return template.replace(
    /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\}/g,
    (_m, path: string) => {
      let v: unknown = payload;
      for (const k of path.split('.'))
        v = v && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined;
      return show(v);
    },
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuidOf = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : null);

/** Where a notification about this event leads in the web app. */
export function eventLink(eventType: string, payload: Record<string, unknown>, ruleId: string): string {
  const product = uuidOf(payload.productId);
  const warehouse = uuidOf(payload.warehouseId);
  if (eventType.startsWith('stock.') && product && warehouse)
    return `/inventory/stock?productId=${product}&warehouseId=${warehouse}`;
  const order = uuidOf(payload.orderId);
  if (eventType.startsWith('sales_order.') && order) return `/sales/orders/${order}`;
  const customer = uuidOf(payload.customerId);
  if (customer) return `/crm/customers/${customer}`;
  return `/integration/rules/${ruleId}`;
}

export interface RuleRef {
  id: string;
  name: string;
}

/** One sentence per action: what it would do with this payload (the test button shows these). */
export function describeAction(action: RuleAction, rule: RuleRef, payload: Record<string, unknown>): string {
  switch (action.type) {
    case 'notify': {
      const who = [...action.roles.map((r) => `role ${r}`), ...action.userIds.map((u) => `user ${u}`)];
      return `notify ${who.join(', ') || 'nobody'}: "${messageOf(action.message, rule, payload)}"`;
    }
    case 'create_task':
      return `create a task for user ${action.assigneeUserId} due in ${action.dueInDays} day(s): "${fillTemplate(action.subject, payload)}"`;
    case 'require_approval':
      return `hold the order in awaiting_approval until role ${action.roleCode} approves`;
    case 'call_webhook':
      return `deliver the event to webhook ${action.webhookId}`;
  }
}

function messageOf(template: string, rule: RuleRef, payload: Record<string, unknown>): string {
  const text = fillTemplate(template, payload).trim();
  if (text) return text;
  const summary = typeof payload.summary === 'string' ? payload.summary : '';
  return `${rule.name}${summary ? `: ${summary}` : ''}`;
}

/** Carries out one asynchronous action in the subscriber's transaction; returns what was done. */
export async function runAction(
  tx: Tx,
  action: RuleAction,
  rule: RuleRef,
  event: DeliveredEvent,
): Promise<Record<string, unknown>> {
  const payload = event.payload;
  switch (action.type) {
    case 'notify': {
      const byRole = action.roles.length
        ? await rows<{ user_id: string }>(
            tx,
            sql`select distinct ur.user_id from platform_user_role ur
                  join platform_role r on r.company_id = ur.company_id and r.id = ur.role_id
                 where ur.company_id = ${event.companyId} and r.code = any(${textArray(action.roles)})`,
          )
        : [];
      const text = messageOf(action.message, rule, payload);
      const ids = await notify(tx, event.companyId, [...byRole.map((r) => r.user_id), ...action.userIds], {
        kind: `rule.${event.type}`,
        title: text.slice(0, 200),
        body: text.length > 200 ? text : '',
        link: eventLink(event.type, payload, rule.id),
      });
      return { type: 'notify', notified: ids.length };
    }
    case 'create_task': {
      const actor = systemActor(event.companyId, `trigger rule ${rule.name}`);
      const due = new Date(Date.parse(event.createdAt) + action.dueInDays * 86_400_000).toISOString();
      const customerId = uuidOf(payload.customerId);
      const task = await logActivity(tx, actor, {
        kind: 'task',
        subject: fillTemplate(action.subject, payload).slice(0, 200) || rule.name.slice(0, 200),
        body: `${rule.name} (${event.type})`,
        ...(customerId ? { customerId } : {}),
        ownerUserId: action.assigneeUserId,
        dueAt: due,
        done: false,
      });
      return { type: 'create_task', activityId: task.id };
    }
    case 'call_webhook': {
      const deliveryId = await enqueueWebhookDelivery(tx, {
        companyId: event.companyId,
        webhookId: action.webhookId,
        event: { id: event.id, type: event.type, payload, createdAt: event.createdAt },
      });
      // null: the webhook is disabled or already has this event.
      return { type: 'call_webhook', webhookId: action.webhookId, deliveryId };
    }
    case 'require_approval':
      // Only on the synchronous confirmation (approval-gate.ts); validate-rule.ts refuses it elsewhere.
      return { type: 'require_approval', skipped: true };
  }
}
