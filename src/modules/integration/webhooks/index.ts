/**
 * integration/webhooks — Standard Webhooks delivery of business events to subscribed URLs: fan-out from
 * the outbox, a leased delivery worker with retries, failure-streak disable, dead letters and replay.
 */
import './fan-out.ts';
import './permissions.ts';
import './settings.ts';

export { configureWebhooks } from './config.ts';
export { enqueueWebhookDelivery, type WebhookEvent } from './fan-out.ts';
export { webhookRoutes } from './routes.ts';
export { setWebhookResolver } from './ssrf.ts';
export { drainWebhooks, startWebhookWorker } from './worker.ts';
