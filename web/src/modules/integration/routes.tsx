import type { RouteObject } from 'react-router-dom';
import { Navigate } from 'react-router-dom';

// Each area of integration adds its pages here (one entry per area).
export const integrationNav = [
  { label: 'nav.triggerRules', path: '/integration/rules' },
  { label: 'nav.dataQuality', path: '/integration/data-quality' },
  { label: 'nav.webhooks', path: '/integration/webhooks' },
  { label: 'nav.businessEvents', path: '/integration/events' },
];

export const integrationRoutes: RouteObject = {
  path: 'integration',
  children: [
    { index: true, element: <Navigate to="/integration/rules" replace /> },
    { path: 'rules', lazy: async () => ({ Component: (await import('./rules/rules-page.tsx')).RulesPage }) },
    {
      path: 'data-quality',
      lazy: async () => ({ Component: (await import('./quality/quality-page.tsx')).QualityPage }),
    },
    {
      path: 'webhooks',
      lazy: async () => ({ Component: (await import('./webhooks/webhooks-page.tsx')).WebhooksPage }),
    },
    {
      path: 'webhooks/dead-letters',
      lazy: async () => ({ Component: (await import('./webhooks/dead-letters-page.tsx')).DeadLettersPage }),
    },
    {
      path: 'webhooks/:id',
      lazy: async () => ({ Component: (await import('./webhooks/webhook-page.tsx')).WebhookPage }),
    },
    {
      path: 'events',
      lazy: async () => ({ Component: (await import('./webhooks/events-page.tsx')).EventsPage }),
    },
    {
      path: 'rules/:id',
      lazy: async () => ({ Component: (await import('./rules/rule-editor-page.tsx')).RuleEditorPage }),
    },
  ],
};
