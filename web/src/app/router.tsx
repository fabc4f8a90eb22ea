import { createBrowserRouter, Navigate } from 'react-router-dom';
import { FullPageSpin } from '../components/full-page-spin.tsx';
import { accountingRoutes } from '../modules/accounting/routes.tsx';
import { crmRoutes } from '../modules/crm/routes.tsx';
import { integrationRoutes } from '../modules/integration/routes.tsx';
import { inventoryRoutes } from '../modules/inventory/routes.tsx';
import { manufacturingRoutes } from '../modules/manufacturing/routes.tsx';
import { purchasingRoutes } from '../modules/purchasing/routes.tsx';
import { salesRoutes } from '../modules/sales/routes.tsx';
import { settingsRoutes } from '../modules/settings/routes.tsx';
import { ForgotPasswordPage } from './auth/forgot-password-page.tsx';
import { RequireSession } from './auth/require-session.tsx';
import { ResetPasswordPage } from './auth/reset-password-page.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { UPCOMING_MODULES } from './modules.tsx';
import { ComingSoonPage } from './pages/coming-soon-page.tsx';
import { CrashPage } from './pages/crash-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <SignInPage />, errorElement: <CrashPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage />, errorElement: <CrashPage /> },
  { path: '/reset-password', element: <ResetPasswordPage />, errorElement: <CrashPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <CrashPage />,
    hydrateFallbackElement: <FullPageSpin />, // while a lazily loaded page of the first URL arrives
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      { path: 'dashboard', element: <DashboardPage /> },
      crmRoutes,
      salesRoutes,
      inventoryRoutes,
      purchasingRoutes,
      manufacturingRoutes,
      accountingRoutes,
      integrationRoutes,
      settingsRoutes,
      ...UPCOMING_MODULES.map((entry) => ({
        path: `${entry.path.slice(1)}/*`,
        element: <ComingSoonPage moduleKey={entry.key} />,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
