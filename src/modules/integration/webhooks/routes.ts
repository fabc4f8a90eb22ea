import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, ListQuery, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import {
  DeliveryDetail,
  DeliveryListQuery,
  DeliveryParams,
  DeliveryView,
  ReplayResult,
  RotateInput,
  WebhookInput,
  WebhookPatch,
  WebhookView,
  WebhookWithSecret,
} from './contract.ts';
import { getDelivery, listDeliveries, replayDeadLetters, replayDelivery } from './deliveries.ts';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  rotateWebhookSecret,
  updateWebhook,
} from './manage-webhooks.ts';
import { findWebhook, toWebhook } from './webhook.repo.ts';

const tags = ['integration'];
const read = 'integration.webhook.read';
const manage = 'integration.webhook.manage';

export function webhookRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/webhooks',
    summary: 'Webhook subscriptions, newest first',
    tags,
    access: read,
    query: ListQuery.pick({ limit: true, cursor: true }),
    response: listOf(WebhookView),
    handler: ({ db, query }, actor) => listWebhooks(db.orm, actor, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/webhooks',
    summary: 'Subscribe a URL to event types; the signing secret (whsec_…) is in this answer only',
    tags,
    access: manage,
    body: WebhookInput,
    status: 201,
    response: WebhookWithSecret,
    noReplay: true,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createWebhook(tx, actor, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/webhooks/:id',
    summary: 'One webhook subscription (without its secret)',
    tags,
    access: read,
    params: IdParams,
    response: WebhookView,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, read);
      return toWebhook(await findWebhook(db.orm, actor.companyId, params.id));
    },
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/webhooks/:id',
    summary: 'Change URL, event types, filter, description; active: true/false enables or disables',
    tags,
    access: manage,
    params: IdParams,
    body: WebhookPatch,
    response: WebhookView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateWebhook(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/webhooks/:id',
    summary: 'Delete a webhook with its delivery log',
    tags,
    access: manage,
    params: IdParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => deleteWebhook(tx, actor, params.id));
      return undefined;
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/webhooks/:id/rotate-secret',
    summary:
      'A new signing secret (in this answer only); the previous one also signs during the grace period',
    tags,
    access: manage,
    params: IdParams,
    body: RotateInput,
    response: WebhookWithSecret,
    noReplay: true,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => rotateWebhookSecret(tx, actor, params.id, body.graceHours)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/webhooks/:id/deliveries',
    summary: "A webhook's deliveries, newest first (state: pending, succeeded, dead)",
    tags,
    access: read,
    params: IdParams,
    query: DeliveryListQuery,
    response: listOf(DeliveryView),
    handler: ({ db, params, query }, actor) =>
      listDeliveries(db.orm, actor, { ...query, webhookId: params.id }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/webhooks/:id/deliveries/:deliveryId',
    summary: 'One delivery: the body sent and every attempt (status code, response excerpt, error, duration)',
    tags,
    access: read,
    params: DeliveryParams,
    response: DeliveryDetail,
    handler: ({ db, params }, actor) => getDelivery(db.orm, actor, params.id, params.deliveryId),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/webhooks/:id/deliveries/:deliveryId/replay',
    summary: 'Send a delivery again, with the same webhook-id',
    tags,
    access: manage,
    params: DeliveryParams,
    response: DeliveryView,
    handler: ({ db, params }, actor) =>
      withTransaction(db, (tx) => replayDelivery(tx, actor, params.id, params.deliveryId)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/webhooks/:id/replay-dead-letters',
    summary: 'Queue every dead letter of the webhook again',
    tags,
    access: manage,
    params: IdParams,
    response: ReplayResult,
    handler: ({ db, params }, actor) => withTransaction(db, (tx) => replayDeadLetters(tx, actor, params.id)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/webhook-dead-letters',
    summary: 'Deliveries that gave up (retries exhausted or the webhook disabled), newest first',
    tags,
    access: read,
    query: ListQuery.pick({ limit: true, cursor: true }),
    response: listOf(DeliveryView),
    handler: ({ db, query }, actor) => listDeliveries(db.orm, actor, { ...query, state: 'dead' }),
  });
}
