import { definePermissions } from '../../../platform/permissions/registry.ts';

// Admin holds everything and the viewer every read. Findings name records of every module across the
// whole company, so no record-scoped role (sales, sales manager) gets them by default.
definePermissions([
  { key: 'integration.quality.read', description: 'See data-quality checks, runs and findings' },
  {
    key: 'integration.quality.manage',
    description: 'Run data-quality checks and resolve or ignore their findings',
  },
]);
