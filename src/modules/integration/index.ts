/**
 * integration — what Tandem offers the tools that stay outside: the business-event catalogue,
 * webhooks (Standard Webhooks, SSRF-guarded), trigger rules, data-quality checks, backup/restore and
 * the import/export centre over the platform's engine. It sits at the top: it consumes every module's
 * events and calls their public service APIs; nothing imports it. See README.md.
 */
import type { FastifyInstance } from 'fastify';
import type { ModuleDef } from '../index.ts';
// each area's permissions.ts is imported here (one line per area)
import './events/permissions.ts';
import './quality/permissions.ts';
import './rules/permissions.ts';
import { eventRoutes } from './events/routes.ts';
import { qualityRoutes } from './quality/index.ts';
import { ruleRoutes } from './rules/wiring.ts';
import { webhookRoutes } from './webhooks/index.ts';

export const integration: ModuleDef = {
  name: 'integration',
  routes(app: FastifyInstance) {
    // each area adds its routes here (one line per area)
    eventRoutes(app);
    qualityRoutes(app);
    webhookRoutes(app);
    ruleRoutes(app);
  },
};

export { startNatsPublisher } from './nats/index.ts';
export { drainWebhooks, enqueueWebhookDelivery, startWebhookWorker } from './webhooks/index.ts';
