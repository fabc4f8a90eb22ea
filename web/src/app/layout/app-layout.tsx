import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { Logo } from '../../components/logo.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { NotificationBell } from '../../modules/settings/notifications/notification-bell.tsx';
import { CompanySwitcher } from './company-switcher.tsx';
import { NavMenu } from './nav-menu.tsx';
import { UserMenu } from './user-menu.tsx';

const SIDER_WIDTH = 224;

function Brand({ showName = true, dark = false }: { showName?: boolean; dark?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={10} style={{ height: 32 }}>
      <Logo size={28} />
      {showName ? (
        <Typography.Text
          strong
          style={{ fontSize: 17, color: dark ? '#fff' : undefined, whiteSpace: 'nowrap' }}
        >
          {t('app.name')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The signed-in frame: side menu (a drawer below 768 px), header with company, alerts, language, account. */
export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const isPhone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const toggle = isPhone ? (
    <Button
      type="text"
      icon={<MenuOutlined />}
      onClick={() => setDrawerOpen(true)}
      aria-label={t('nav.openMenu')}
      data-testid="nav-toggle"
    />
  ) : (
    <Button
      type="text"
      icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
      onClick={() => setCollapsed((value) => !value)}
      aria-label={t(collapsed ? 'nav.expandMenu' : 'nav.collapseMenu')}
      data-testid="nav-toggle"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isPhone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={280}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
          data-testid="nav-drawer"
        >
          <div style={{ padding: '12px 16px' }}>
            <CompanySwitcher block />
          </div>
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          width={SIDER_WIDTH}
          collapsed={collapsed}
          collapsible
          trigger={null}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Flex
            align="center"
            justify={collapsed ? 'center' : 'flex-start'}
            style={{ height: 64, paddingInline: 24 }}
          >
            <Brand showName={!collapsed} dark />
          </Flex>
          <NavMenu theme="dark" collapsed={collapsed} />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: isPhone ? 4 : 8,
            height: 56,
            lineHeight: '56px',
            paddingInline: isPhone ? 8 : 16,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {toggle}
          {isPhone ? <Brand /> : null}
          <div style={{ flex: 1 }} />
          {isPhone ? null : <CompanySwitcher />}
          <NotificationBell />
          <LanguageSwitch compact={isPhone} />
          <UserMenu compact={isPhone} />
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
