import { definePermissions } from '../../../platform/permissions/registry.ts';

// Held by the built-in admin role (`*`).
definePermissions([
  {
    key: 'integration.event.read',
    description: 'See the business-event catalogue, the events and their deliveries',
  },
]);
