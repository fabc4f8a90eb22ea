import { definePermissions } from '../../platform/permissions/registry.ts';

definePermissions([
  { key: 'accounting.account.read', description: 'See the chart of accounts and journals' },
  { key: 'accounting.account.manage', description: 'Create and edit accounts and re-point account roles' },
  { key: 'accounting.entry.read', description: 'See journal entries (vouchers)' },
  { key: 'accounting.entry.create', description: 'Prepare journal entries: create, edit and delete drafts' },
  { key: 'accounting.entry.review', description: 'Review (审核) draft journal entries prepared by others' },
  { key: 'accounting.entry.post', description: 'Post journal entries and reverse posted ones' },
  { key: 'accounting.period.read', description: 'See fiscal years and periods' },
  { key: 'accounting.period.close', description: 'Close and reopen periods, close fiscal years' },
  {
    key: 'accounting.report.read',
    description: 'See and export the trial balance, ledger, P&L and balance sheet',
  },
  { key: 'accounting.invoice.read', description: 'See customer invoices, supplier bills and credit notes' },
  { key: 'accounting.invoice.create', description: 'Create and edit draft invoices and bills' },
  { key: 'accounting.invoice.post', description: 'Post invoices and bills (number and journal entry)' },
  { key: 'accounting.invoice.cancel', description: 'Cancel posted invoices with a credit note or reversal' },
  { key: 'accounting.payment.read', description: 'See payments and their allocations' },
  { key: 'accounting.payment.create', description: 'Record payments and allocate them to invoices' },
  {
    key: 'accounting.payment.cancel',
    description: 'Cancel payments (their entries reversed, invoices reopened)',
  },
  { key: 'accounting.credit.override', description: 'Override a credit check in accounting (reserved)' },
  {
    key: 'accounting.collection.read',
    description: 'See collection plans (回款计划) of customers one can see',
  },
  {
    key: 'accounting.collection.manage',
    description: 'Plan, change and cancel collection plans (回款计划)',
  },
  {
    key: 'accounting.credit.manage',
    description: 'Accept a customer’s suggested credit limit from its payment behaviour',
  },
]);
