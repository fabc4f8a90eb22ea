import {
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DollarOutlined,
  InboxOutlined,
  NotificationOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { accountingNav } from '../modules/accounting/routes.tsx';
import { crmNav } from '../modules/crm/routes.tsx';
import { integrationNav } from '../modules/integration/routes.tsx';
import { inventoryNav } from '../modules/inventory/routes.tsx';
import { manufacturingNav } from '../modules/manufacturing/routes.tsx';
import { purchasingNav } from '../modules/purchasing/routes.tsx';
import { salesNav } from '../modules/sales/routes.tsx';
import { settingsNav } from '../modules/settings/routes.tsx';

export interface NavChild {
  /** i18n key of the label */
  label: string;
  path: string;
}

export interface ModuleEntry {
  key: string;
  /** i18n key of the label */
  label: string;
  path: string;
  icon: ReactNode;
  /** Pages of a module that is built; a module without them shows the "coming soon" page. */
  children?: NavChild[];
}

/** The side menu, top to bottom. A module gets `children` (and routes in router.tsx) once it is built. */
export const MODULES: ModuleEntry[] = [
  { key: 'dashboard', label: 'nav.dashboard', path: '/dashboard', icon: <DashboardOutlined /> },
  { key: 'crm', label: 'nav.crm', path: '/crm', icon: <TeamOutlined />, children: crmNav },
  { key: 'sales', label: 'nav.sales', path: '/sales', icon: <ShoppingCartOutlined />, children: salesNav },
  {
    key: 'inventory',
    label: 'nav.inventory',
    path: '/inventory',
    icon: <InboxOutlined />,
    children: inventoryNav,
  },
  {
    key: 'purchasing',
    label: 'nav.purchasing',
    path: '/purchasing',
    icon: <ShoppingOutlined />,
    children: purchasingNav,
  },
  {
    key: 'manufacturing',
    label: 'nav.manufacturing',
    path: '/manufacturing',
    icon: <ToolOutlined />,
    children: manufacturingNav,
  },
  {
    key: 'accounting',
    label: 'nav.accounting',
    path: '/accounting',
    icon: <DollarOutlined />,
    children: accountingNav,
  },
  { key: 'service', label: 'nav.service', path: '/service', icon: <CustomerServiceOutlined /> },
  { key: 'marketing', label: 'nav.marketing', path: '/marketing', icon: <NotificationOutlined /> },
  { key: 'hr', label: 'nav.hr', path: '/hr', icon: <AuditOutlined /> },
  {
    key: 'integration',
    label: 'nav.integration',
    path: '/integration',
    icon: <ApiOutlined />,
    children: integrationNav,
  },
  { key: 'analytics', label: 'nav.analytics', path: '/analytics', icon: <BarChartOutlined /> },
  {
    key: 'settings',
    label: 'nav.settings',
    path: '/settings',
    icon: <SettingOutlined />,
    children: settingsNav,
  },
];

/** Modules that have no screens yet (everything but the dashboard and the built ones). */
export const UPCOMING_MODULES = MODULES.filter((entry) => entry.key !== 'dashboard' && !entry.children);

export const FALLBACK_ICON = <AppstoreOutlined />;
