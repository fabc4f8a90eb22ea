/** The accounts business documents book to, found by role in the company's chart (one account per role). */
export const ACCOUNT_ROLES = [
  'cash',
  'bank',
  'receivable',
  'payable',
  'customer_advance',
  'supplier_advance',
  'inventory',
  'grni',
  'inventory_adjustment',
  // Work in progress: components consumed into production orders until their output comes back.
  'production',
  'revenue',
  'cogs',
  'output_vat',
  'input_vat',
  'fx_gain',
  'fx_loss',
  'rounding',
  'retained_earnings',
  'current_earnings',
] as const;

export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

/** One account of a chart template: names in zh-CN and en, the parent by code. */
export interface TemplateAccount {
  code: string;
  zh: string;
  en: string;
  type: AccountType;
  parent?: string;
  role?: AccountRole;
  reconcilable?: boolean;
  cashFlow?: boolean;
}

export type ChartTemplateCode = 'cn-small-business' | 'ifrs-generic';
