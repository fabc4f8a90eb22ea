import type { RouteObject } from 'react-router-dom';
import { Navigate } from 'react-router-dom';

export const crmNav = [
  { label: 'nav.crmCustomers', path: '/crm/customers' },
  { label: 'nav.crmLeads', path: '/crm/leads' },
  { label: 'nav.crmPipeline', path: '/crm/pipeline' },
  { label: 'nav.crmActivities', path: '/crm/activities' },
  { label: 'nav.crmImport', path: '/crm/import' },
  { label: 'nav.crmDuplicates', path: '/crm/duplicates' },
];

// Each screen loads on first visit, so the rest of the app does not carry the CRM's code.
export const crmRoutes: RouteObject = {
  path: 'crm',
  children: [
    { index: true, element: <Navigate to="/crm/customers" replace /> },
    {
      path: 'customers',
      lazy: async () => ({ Component: (await import('./customers/customers-page.tsx')).CustomersPage }),
    },
    {
      path: 'customers/:id',
      lazy: async () => ({ Component: (await import('./customer/customer-page.tsx')).CustomerPage }),
    },
    { path: 'leads', lazy: async () => ({ Component: (await import('./leads/leads-page.tsx')).LeadsPage }) },
    {
      path: 'leads/:id',
      lazy: async () => ({ Component: (await import('./leads/lead-page.tsx')).LeadPage }),
    },
    {
      path: 'pipeline',
      lazy: async () => ({ Component: (await import('./pipeline/pipeline-page.tsx')).PipelinePage }),
    },
    {
      path: 'activities',
      lazy: async () => ({ Component: (await import('./activities/activities-page.tsx')).ActivitiesPage }),
    },
    {
      path: 'import',
      lazy: async () => ({ Component: (await import('./import/import-page.tsx')).ImportPage }),
    },
    {
      path: 'duplicates',
      lazy: async () => ({ Component: (await import('./duplicates/duplicates-page.tsx')).DuplicatesPage }),
    },
  ],
};
