import { definePermissions } from '../../platform/permissions/registry.ts';

definePermissions([
  { key: 'inventory.stock.read', description: 'See stock balances, moves and availability' },
  {
    key: 'inventory.valuation.read',
    description: 'See stock costs and values, and the full availability horizon',
  },
  { key: 'inventory.valuation.close', description: 'Close a month of the monthly weighted-average cost' },
  { key: 'inventory.stock.adjust', description: 'Enter and correct stock quantities (adjustments)' },
  { key: 'inventory.warehouse.manage', description: 'Create and edit warehouses and locations' },
  { key: 'inventory.delivery.read', description: 'See delivery orders' },
  { key: 'inventory.delivery.ship', description: 'Pick, pack, ship and cancel deliveries' },
  { key: 'inventory.receipt.read', description: 'See goods receipts and returns' },
  { key: 'inventory.receipt.validate', description: 'Create, validate and cancel goods receipts' },
  { key: 'inventory.return.create', description: 'Receive customer returns against shipped deliveries' },
  { key: 'inventory.count.read', description: 'See stock counts' },
  { key: 'inventory.count.manage', description: 'Run stock counts and post their differences' },
  { key: 'inventory.safety.manage', description: 'Set safety stock levels' },
  { key: 'inventory.need.read', description: 'See procurement needs (shortages to buy or make)' },
]);
