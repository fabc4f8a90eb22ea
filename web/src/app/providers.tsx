import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import type { Locale as AntdLocale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from './query-client.ts';

// antd has no package "exports", so under NodeNext TypeScript sees these ES files as CommonJS and types the
// default import as the module object; the bundler hands over the locale itself. Accept both shapes.
function unwrap(mod: AntdLocale | { default: AntdLocale }): AntdLocale {
  return 'default' in mod ? mod.default : mod;
}
const enUS = unwrap(enUSModule);
const zhCN = unwrap(zhCNModule);

const themeConfig: ThemeConfig = {
  token: {
    colorPrimary: '#1668dc',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Layout: { siderBg: '#0f1f3a', headerBg: '#ffffff' },
    Menu: { darkItemBg: '#0f1f3a', darkSubMenuItemBg: '#0b172c' },
  },
};

/** Ant Design follows the i18next language (its own zh_CN / en_US strings for pickers, tables, modals). */
function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'zh-CN' ? zhCN : enUS} theme={themeConfig}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AntdProvider>{children}</AntdProvider>
    </QueryClientProvider>
  );
}
