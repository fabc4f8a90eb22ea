import { definePermissions } from '../../../platform/permissions/registry.ts';

definePermissions([
  { key: 'integration.rule.read', description: 'See trigger rules, their fields and run log' },
  {
    key: 'integration.rule.manage',
    description:
      'Create, edit, test, disable and delete trigger rules (they notify, create tasks, hold orders)',
  },
]);
