import type { RouteObject } from 'react-router-dom';
import { Navigate } from 'react-router-dom';

export const settingsNav = [
  { label: 'nav.users', path: '/settings/users' },
  { label: 'nav.roles', path: '/settings/roles' },
  { label: 'nav.auditLog', path: '/settings/audit-log' },
  { label: 'nav.companySettings', path: '/settings/company' },
  { label: 'nav.apiTokens', path: '/settings/api-tokens' },
];

// Pages load on first visit, so the sign-in page and the dashboard do not carry them.
export const settingsRoutes: RouteObject = {
  path: 'settings',
  children: [
    { index: true, element: <Navigate to="/settings/users" replace /> },
    { path: 'users', lazy: async () => ({ Component: (await import('./users/users-page.tsx')).UsersPage }) },
    { path: 'roles', lazy: async () => ({ Component: (await import('./roles/roles-page.tsx')).RolesPage }) },
    {
      path: 'company',
      lazy: async () => ({
        Component: (await import('./company/company-settings-page.tsx')).CompanySettingsPage,
      }),
    },
    {
      path: 'api-tokens',
      lazy: async () => ({ Component: (await import('./tokens/api-tokens-page.tsx')).ApiTokensPage }),
    },
    {
      path: 'audit-log',
      lazy: async () => ({ Component: (await import('./audit/audit-log-page.tsx')).AuditLogPage }),
    },
  ],
};
