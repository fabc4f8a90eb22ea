import type { RouteObject } from 'react-router-dom';
import { Navigate } from 'react-router-dom';

export const salesNav = [
  { label: 'nav.quotes', path: '/sales/quotes' },
  { label: 'nav.salesOrders', path: '/sales/orders' },
  { label: 'nav.priceLists', path: '/sales/price-lists' },
];

// Each screen loads on first visit.
export const salesRoutes: RouteObject = {
  path: 'sales',
  children: [
    { index: true, element: <Navigate to="/sales/quotes" replace /> },
    {
      path: 'quotes',
      lazy: async () => ({ Component: (await import('./quotes/quotes-page.tsx')).QuotesPage }),
    },
    {
      path: 'quotes/new',
      lazy: async () => ({ Component: (await import('./quotes/quote-page.tsx')).NewQuotePage }),
    },
    {
      path: 'quotes/:id',
      lazy: async () => ({ Component: (await import('./quotes/quote-page.tsx')).QuotePage }),
    },
    {
      path: 'orders',
      lazy: async () => ({ Component: (await import('./orders/orders-page.tsx')).OrdersPage }),
    },
    {
      path: 'orders/:id',
      lazy: async () => ({ Component: (await import('./orders/order-page.tsx')).OrderPage }),
    },
    {
      path: 'price-lists',
      lazy: async () => ({ Component: (await import('./price-lists/price-lists-page.tsx')).PriceListsPage }),
    },
  ],
};
