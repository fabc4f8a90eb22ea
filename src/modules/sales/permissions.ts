import { definePermissions } from '../../platform/permissions/registry.ts';

definePermissions([
  { key: 'sales.quote.read', description: 'See quotes (within the record rule)' },
  { key: 'sales.quote.create', description: 'Create quotes' },
  { key: 'sales.quote.update', description: 'Edit draft quotes, revise and cancel quotes' },
  { key: 'sales.quote.send', description: 'Send quotes to the customer by mail' },
  { key: 'sales.quote.accept', description: 'Record a quote as accepted (creates a draft sales order)' },
  { key: 'sales.order.read', description: 'See sales orders (within the record rule)' },
  { key: 'sales.order.create', description: 'Create sales orders' },
  { key: 'sales.order.update', description: 'Edit draft sales orders' },
  {
    key: 'sales.order.confirm',
    description: 'Confirm sales orders (credit check, stock reservation, delivery)',
  },
  { key: 'sales.order.cancel', description: 'Cancel sales orders nothing was delivered from' },
  { key: 'sales.order.close', description: 'Close delivered or partly delivered sales orders' },
  {
    key: 'sales.credit.override',
    description: 'Confirm orders over the customer’s credit limit; approve such requests',
  },
]);
