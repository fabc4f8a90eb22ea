import type { RouteObject } from 'react-router-dom';
import { Navigate } from 'react-router-dom';

export const purchasingNav = [
  { label: 'purchasing.nav.requisitions', path: '/purchasing/requisitions' },
  { label: 'purchasing.nav.orders', path: '/purchasing/orders' },
  { label: 'purchasing.nav.bills', path: '/purchasing/bills' },
  { label: 'purchasing.nav.suppliers', path: '/purchasing/suppliers' },
  { label: 'purchasing.nav.prices', path: '/purchasing/supplier-prices' },
];

// Each screen loads on first visit.
export const purchasingRoutes: RouteObject = {
  path: 'purchasing',
  children: [
    { index: true, element: <Navigate to="/purchasing/orders" replace /> },
    {
      path: 'orders',
      lazy: async () => ({ Component: (await import('./orders/orders-page.tsx')).PurchaseOrdersPage }),
    },
    {
      path: 'orders/new',
      lazy: async () => ({
        Component: (await import('./orders/order-editor-page.tsx')).NewPurchaseOrderPage,
      }),
    },
    {
      path: 'orders/:id',
      lazy: async () => ({ Component: (await import('./orders/order-page.tsx')).PurchaseOrderPage }),
    },
    {
      path: 'orders/:id/edit',
      lazy: async () => ({
        Component: (await import('./orders/order-editor-page.tsx')).EditPurchaseOrderPage,
      }),
    },
    {
      path: 'requisitions',
      lazy: async () => ({
        Component: (await import('./requisitions/requisitions-page.tsx')).RequisitionsPage,
      }),
    },
    {
      path: 'requisitions/:id',
      lazy: async () => ({
        Component: (await import('./requisitions/requisition-page.tsx')).RequisitionPage,
      }),
    },
    { path: 'bills', lazy: async () => ({ Component: (await import('./bills/bills-page.tsx')).BillsPage }) },
    {
      path: 'bills/:id',
      lazy: async () => ({ Component: (await import('./bills/bill-page.tsx')).BillPage }),
    },
    {
      path: 'suppliers',
      lazy: async () => ({ Component: (await import('./suppliers/suppliers-page.tsx')).SuppliersPage }),
    },
    {
      path: 'suppliers/:id',
      lazy: async () => ({ Component: (await import('./suppliers/supplier-page.tsx')).SupplierPage }),
    },
    {
      path: 'supplier-prices',
      lazy: async () => ({ Component: (await import('./suppliers/prices-page.tsx')).SupplierPricesPage }),
    },
  ],
};
