import type { RouteObject } from 'react-router-dom';
import { Navigate } from 'react-router-dom';

export const manufacturingNav = [
  { label: 'manufacturing.nav.mrp', path: '/manufacturing/mrp' },
  { label: 'manufacturing.nav.productionOrders', path: '/manufacturing/production-orders' },
  { label: 'manufacturing.nav.boms', path: '/manufacturing/boms' },
  { label: 'manufacturing.nav.reorderRules', path: '/manufacturing/reorder-rules' },
  { label: 'manufacturing.nav.forecasts', path: '/manufacturing/forecasts' },
];

// Each screen loads on first visit.
export const manufacturingRoutes: RouteObject = {
  path: 'manufacturing',
  children: [
    { index: true, element: <Navigate to="/manufacturing/mrp" replace /> },
    { path: 'mrp', lazy: async () => ({ Component: (await import('./mrp/mrp-page.tsx')).MrpPage }) },
    {
      path: 'production-orders',
      lazy: async () => ({
        Component: (await import('./production/production-orders-page.tsx')).ProductionOrdersPage,
      }),
    },
    {
      path: 'production-orders/:id',
      lazy: async () => ({
        Component: (await import('./production/production-order-page.tsx')).ProductionOrderPage,
      }),
    },
    { path: 'boms', lazy: async () => ({ Component: (await import('./boms/boms-page.tsx')).BomsPage }) },
    {
      path: 'boms/new',
      lazy: async () => ({ Component: (await import('./boms/bom-editor-page.tsx')).NewBomPage }),
    },
    { path: 'boms/:id', lazy: async () => ({ Component: (await import('./boms/bom-page.tsx')).BomPage }) },
    {
      path: 'boms/:id/edit',
      lazy: async () => ({ Component: (await import('./boms/bom-editor-page.tsx')).EditBomPage }),
    },
    {
      path: 'reorder-rules',
      lazy: async () => ({
        Component: (await import('./planning/reorder-rules-page.tsx')).ReorderRulesPage,
      }),
    },
    {
      path: 'forecasts',
      lazy: async () => ({ Component: (await import('./planning/forecasts-page.tsx')).ForecastsPage }),
    },
  ],
};
