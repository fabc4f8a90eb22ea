import { definePermissions } from '../../platform/permissions/registry.ts';

// The built-in role `purchasing` holds purchasing.*; finance and warehouse read orders (builtin-roles.ts).
definePermissions([
  { key: 'purchasing.supplier.read', description: 'See suppliers and supplier prices' },
  { key: 'purchasing.supplier.manage', description: 'Create and edit suppliers and supplier prices' },
  { key: 'purchasing.requisition.read', description: 'See purchase requisitions' },
  { key: 'purchasing.requisition.create', description: 'Create, approve and cancel purchase requisitions' },
  { key: 'purchasing.order.read', description: 'See purchase orders and print them' },
  { key: 'purchasing.order.create', description: 'Create, edit, send and cancel purchase orders (RFQs)' },
  { key: 'purchasing.order.confirm', description: 'Confirm purchase orders (below the approval amount)' },
  { key: 'purchasing.order.approve', description: 'Approve purchase orders above the approval amount' },
  { key: 'purchasing.order.close', description: 'Close purchase orders that will not be completed' },
  { key: 'purchasing.bill.read', description: 'See supplier bills and their 3-way match' },
  { key: 'purchasing.bill.create', description: 'Enter supplier bills against purchase orders' },
  { key: 'purchasing.bill.post', description: 'Post matched supplier bills to accounting' },
  {
    key: 'purchasing.bill.approve_variance',
    description: 'Release supplier bills whose price or quantity is beyond the match tolerance',
  },
  { key: 'purchasing.return.create', description: 'Return received goods to the supplier' },
]);
