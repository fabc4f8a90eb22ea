import type { Translations } from '../db/columns.ts';

export type RecordScope = 'own' | 'team' | 'company';

export interface BuiltInRole {
  code: string;
  name: Translations;
  permissions: string[];
  recordScope: RecordScope;
  fieldMasks?: Record<string, string[]>;
}

const readAll = ['platform.reference.read', 'platform.department.read', 'platform.attachment.read'];

/** Seeded into every new company; an admin may edit them afterwards. Patterns cover later modules. */
export const builtInRoles: BuiltInRole[] = [
  {
    code: 'admin',
    name: { 'zh-CN': '管理员', en: 'Administrator' },
    permissions: ['*'],
    recordScope: 'company',
  },
  {
    code: 'sales',
    name: { 'zh-CN': '销售', en: 'Sales' },
    permissions: [
      ...readAll,
      'crm.customer.read',
      'crm.customer.create',
      'crm.customer.update',
      'crm.customer.export',
      'crm.pool.claim',
      'crm.contact.*',
      'crm.lead.read',
      'crm.lead.create',
      'crm.lead.update',
      'crm.lead.convert',
      'crm.opportunity.*',
      'crm.activity.*',
      'crm.target.read',
      // Not sales.credit.override: confirming over a customer's credit limit is a manager's call.
      'sales.quote.*',
      'sales.order.*',
      'catalog.product.read',
      'catalog.price_list.read',
      'inventory.stock.read',
      'inventory.delivery.read',
      // Invoices and payments of the customers they may see (accounting follows crm's record rule).
      'accounting.invoice.read',
      'accounting.payment.read',
      'accounting.collection.read',
      'accounting.collection.manage',
      'platform.attachment.create',
      'platform.import.run',
      'platform.import.read',
      'platform.export.run',
    ],
    recordScope: 'own',
    fieldMasks: { 'catalog.product': ['costPrice'], 'platform.user': ['lastLoginAt'] },
  },
  {
    code: 'sales_manager',
    name: { 'zh-CN': '销售经理', en: 'Sales manager' },
    permissions: [
      ...readAll,
      'crm.*',
      'sales.*',
      'catalog.*',
      'inventory.stock.read',
      'inventory.delivery.read',
      'accounting.invoice.read',
      'accounting.payment.read',
      'accounting.collection.read',
      'accounting.collection.manage',
      'platform.user.read',
      'platform.approval.*',
      'platform.attachment.*',
      'platform.import.*',
      'platform.export.run',
      'platform.audit.read',
    ],
    recordScope: 'team',
  },
  {
    code: 'finance',
    name: { 'zh-CN': '财务', en: 'Finance' },
    permissions: [
      ...readAll,
      'accounting.*',
      'crm.customer.read',
      'crm.supplier.read',
      'sales.order.read',
      'purchasing.order.read',
      'platform.reference.manage',
      'platform.approval.*',
      'platform.attachment.*',
      'platform.import.*',
      'platform.export.run',
      'platform.audit.read',
    ],
    recordScope: 'company',
  },
  {
    code: 'warehouse',
    name: { 'zh-CN': '仓管', en: 'Warehouse' },
    permissions: [
      ...readAll,
      'inventory.*',
      'catalog.product.read',
      'sales.order.read',
      'purchasing.order.read',
      'platform.attachment.create',
      'platform.import.run',
      'platform.import.read',
      'platform.export.run',
    ],
    recordScope: 'company',
    fieldMasks: { 'catalog.product': ['costPrice'] },
  },
  {
    code: 'purchasing',
    name: { 'zh-CN': '采购', en: 'Purchasing' },
    permissions: [
      ...readAll,
      'purchasing.*',
      'crm.supplier.*',
      'catalog.*',
      'inventory.stock.read',
      'inventory.need.read',
      'inventory.valuation.read',
      // The receipts of their purchase orders (the warehouse validates them).
      'inventory.receipt.read',
      'platform.attachment.create',
      'platform.import.run',
      'platform.import.read',
      'platform.export.run',
    ],
    recordScope: 'company',
  },
  {
    code: 'production',
    name: { 'zh-CN': '生产', en: 'Production' },
    permissions: [
      ...readAll,
      'manufacturing.*',
      'catalog.product.read',
      'inventory.stock.read',
      'platform.attachment.create',
    ],
    recordScope: 'company',
  },
  {
    code: 'service',
    name: { 'zh-CN': '客服', en: 'Service' },
    permissions: [
      ...readAll,
      'service.*',
      'crm.customer.read',
      'crm.contact.read',
      'inventory.stock.read',
      'platform.attachment.create',
    ],
    recordScope: 'team',
  },
  {
    code: 'hr',
    name: { 'zh-CN': '人事', en: 'HR' },
    permissions: [
      ...readAll,
      'hr.*',
      'platform.user.read',
      'platform.user.create',
      'platform.user.update',
      'platform.department.manage',
      'platform.approval.read',
      'platform.import.*',
      'platform.export.run',
      'platform.attachment.*',
    ],
    recordScope: 'company',
  },
  {
    code: 'viewer',
    name: { 'zh-CN': '只读', en: 'Viewer' },
    permissions: [...readAll, '*.*.read'],
    recordScope: 'company',
    fieldMasks: { 'catalog.product': ['costPrice'], 'platform.user': ['email', 'lastLoginAt'] },
  },
];
