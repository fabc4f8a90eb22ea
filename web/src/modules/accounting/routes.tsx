import type { RouteObject } from 'react-router-dom';
import { Navigate } from 'react-router-dom';

export const accountingNav = [
  { label: 'nav.invoices', path: '/accounting/invoices' },
  { label: 'nav.payments', path: '/accounting/payments' },
  { label: 'nav.collections', path: '/accounting/collections' },
  { label: 'nav.journalEntries', path: '/accounting/entries' },
  { label: 'nav.accounts', path: '/accounting/accounts' },
  { label: 'nav.periods', path: '/accounting/periods' },
  { label: 'nav.trialBalance', path: '/accounting/reports/trial-balance' },
  { label: 'nav.generalLedger', path: '/accounting/reports/general-ledger' },
  { label: 'nav.profitAndLoss', path: '/accounting/reports/profit-and-loss' },
  { label: 'nav.balanceSheet', path: '/accounting/reports/balance-sheet' },
  { label: 'nav.arAging', path: '/accounting/reports/ar-aging' },
];

// Each screen loads on first visit.
export const accountingRoutes: RouteObject = {
  path: 'accounting',
  children: [
    { index: true, element: <Navigate to="/accounting/invoices" replace /> },
    {
      path: 'accounts',
      lazy: async () => ({ Component: (await import('./chart/accounts-page.tsx')).AccountsPage }),
    },
    {
      path: 'entries',
      lazy: async () => ({ Component: (await import('./entries/entries-page.tsx')).EntriesPage }),
    },
    {
      path: 'entries/new',
      lazy: async () => ({ Component: (await import('./entries/entry-editor-page.tsx')).NewEntryPage }),
    },
    {
      path: 'entries/:id',
      lazy: async () => ({ Component: (await import('./entries/entry-page.tsx')).EntryPage }),
    },
    {
      path: 'entries/:id/edit',
      lazy: async () => ({ Component: (await import('./entries/entry-editor-page.tsx')).EditEntryPage }),
    },
    {
      path: 'periods',
      lazy: async () => ({ Component: (await import('./periods/periods-page.tsx')).PeriodsPage }),
    },
    {
      path: 'reports/trial-balance',
      lazy: async () => ({ Component: (await import('./reports/trial-balance-page.tsx')).TrialBalancePage }),
    },
    {
      path: 'reports/general-ledger',
      lazy: async () => ({
        Component: (await import('./reports/general-ledger-page.tsx')).GeneralLedgerPage,
      }),
    },
    {
      path: 'reports/profit-and-loss',
      lazy: async () => ({ Component: (await import('./reports/profit-loss-page.tsx')).ProfitLossPage }),
    },
    {
      path: 'reports/balance-sheet',
      lazy: async () => ({ Component: (await import('./reports/balance-sheet-page.tsx')).BalanceSheetPage }),
    },
    {
      path: 'reports/ar-aging',
      lazy: async () => ({ Component: (await import('./reports/aging-page.tsx')).ArAgingPage }),
    },
    {
      path: 'invoices',
      lazy: async () => ({ Component: (await import('./invoices/invoices-page.tsx')).InvoicesPage }),
    },
    {
      path: 'invoices/:id',
      lazy: async () => ({ Component: (await import('./invoices/invoice-page.tsx')).InvoicePage }),
    },
    {
      path: 'collections',
      lazy: async () => ({ Component: (await import('./collections/collections-page.tsx')).CollectionsPage }),
    },
    {
      path: 'collections/new',
      lazy: async () => ({
        Component: (await import('./collections/new-plan-page.tsx')).NewCollectionPlanPage,
      }),
    },
    {
      path: 'collections/:id',
      lazy: async () => ({ Component: (await import('./collections/plan-page.tsx')).CollectionPlanPage }),
    },
    {
      path: 'payments',
      lazy: async () => ({ Component: (await import('./payments/payments-page.tsx')).PaymentsPage }),
    },
    {
      path: 'payments/new',
      lazy: async () => ({ Component: (await import('./payments/payment-form-page.tsx')).NewPaymentPage }),
    },
    {
      path: 'payments/:id',
      lazy: async () => ({ Component: (await import('./payments/payment-page.tsx')).PaymentPage }),
    },
  ],
};
