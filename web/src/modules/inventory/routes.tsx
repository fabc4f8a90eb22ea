import type { RouteObject } from 'react-router-dom';
import { Navigate } from 'react-router-dom';

// Products live with the stock they describe; their screens are in web/src/modules/catalog.
export const inventoryNav = [
  { label: 'nav.products', path: '/inventory/products' },
  { label: 'nav.stock', path: '/inventory/stock' },
  { label: 'nav.deliveries', path: '/inventory/deliveries' },
  { label: 'nav.receipts', path: '/inventory/receipts' },
  { label: 'nav.counts', path: '/inventory/counts' },
  { label: 'nav.safetyLevels', path: '/inventory/safety-levels' },
];

// Each screen loads on first visit.
export const inventoryRoutes: RouteObject = {
  path: 'inventory',
  children: [
    { index: true, element: <Navigate to="/inventory/stock" replace /> },
    {
      path: 'products',
      lazy: async () => ({ Component: (await import('../catalog/products/products-page.tsx')).ProductsPage }),
    },
    {
      path: 'products/:id',
      lazy: async () => ({ Component: (await import('../catalog/products/product-page.tsx')).ProductPage }),
    },
    { path: 'stock', lazy: async () => ({ Component: (await import('./stock/stock-page.tsx')).StockPage }) },
    {
      path: 'deliveries',
      lazy: async () => ({ Component: (await import('./deliveries/deliveries-page.tsx')).DeliveriesPage }),
    },
    {
      path: 'deliveries/:id',
      lazy: async () => ({ Component: (await import('./deliveries/delivery-page.tsx')).DeliveryPage }),
    },
    {
      path: 'receipts',
      lazy: async () => ({ Component: (await import('./receipts/receipts-page.tsx')).ReceiptsPage }),
    },
    {
      path: 'receipts/:id',
      lazy: async () => ({ Component: (await import('./receipts/receipt-page.tsx')).ReceiptPage }),
    },
    {
      path: 'counts',
      lazy: async () => ({ Component: (await import('./counts/counts-page.tsx')).CountsPage }),
    },
    {
      path: 'counts/:id',
      lazy: async () => ({ Component: (await import('./counts/count-page.tsx')).CountPage }),
    },
    {
      path: 'safety-levels',
      lazy: async () => ({ Component: (await import('./safety/safety-page.tsx')).SafetyLevelsPage }),
    },
  ],
};
