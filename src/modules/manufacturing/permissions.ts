import { definePermissions } from '../../platform/permissions/registry.ts';

// The built-in `production` role (生产) holds manufacturing.*; admin holds everything, viewer every read.
definePermissions([
  { key: 'manufacturing.bom.read', description: 'See bills of materials and their exploded trees' },
  { key: 'manufacturing.bom.manage', description: 'Create, edit, activate and archive bills of materials' },
  { key: 'manufacturing.bom.cost', description: 'See the cost roll-up of bills of materials' },
  { key: 'manufacturing.production.read', description: 'See production orders' },
  { key: 'manufacturing.production.create', description: 'Create and edit draft production orders' },
  {
    key: 'manufacturing.production.confirm',
    description: 'Confirm production orders (reserves their components)',
  },
  { key: 'manufacturing.production.start', description: 'Start confirmed production orders' },
  { key: 'manufacturing.production.consume', description: 'Consume components into production' },
  { key: 'manufacturing.production.produce', description: 'Record finished goods produced into stock' },
  { key: 'manufacturing.production.scrap', description: 'Record finished units scrapped in production' },
  { key: 'manufacturing.production.finish', description: 'Close production orders as done' },
  {
    key: 'manufacturing.production.cancel',
    description: 'Cancel production orders (releases their reservations)',
  },
  { key: 'manufacturing.planning.read', description: 'See reorder rules and forecasts' },
  {
    key: 'manufacturing.planning.manage',
    description: 'Create, edit and delete reorder rules and forecasts',
  },
  { key: 'manufacturing.mrp.read', description: 'See MRP runs and their proposals' },
  { key: 'manufacturing.mrp.run', description: 'Start an MRP run' },
  {
    key: 'manufacturing.mrp.confirm',
    description: 'Confirm MRP proposals into requisitions and production orders, or dismiss them',
  },
]);
