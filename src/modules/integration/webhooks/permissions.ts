import { definePermissions } from '../../../platform/permissions/registry.ts';

// Held by the built-in admin role (`*`); a webhook's secret is shown only to who creates or rotates it.
definePermissions([
  { key: 'integration.webhook.read', description: 'See webhooks, their delivery log and dead letters' },
  {
    key: 'integration.webhook.manage',
    description: 'Create, change, delete webhooks, rotate their secrets and replay deliveries',
  },
]);
