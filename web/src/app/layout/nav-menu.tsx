import { Menu, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { MODULES, type ModuleEntry } from '../modules.tsx';

function startsWithPath(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

function activeModule(pathname: string): ModuleEntry | undefined {
  return MODULES.find((entry) => startsWithPath(pathname, entry.path));
}

interface NavMenuProps {
  theme?: 'light' | 'dark';
  /** The desktop side menu is folded to icons: sub-menus then open as pop-ups. */
  collapsed?: boolean;
  onNavigate?: () => void;
}

export function NavMenu({ theme = 'light', collapsed = false, onNavigate }: NavMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = activeModule(pathname);
  const selected =
    active?.children?.find((child) => startsWithPath(pathname, child.path))?.path ?? active?.path;
  const [openKeys, setOpenKeys] = useState<string[]>(active?.children ? [active.path] : []);

  // Arriving at a module page from elsewhere (a dashboard card, a link) unfolds its group.
  const activeGroup = active?.children ? active.path : null;
  useEffect(() => {
    if (activeGroup) setOpenKeys((keys) => (keys.includes(activeGroup) ? keys : [...keys, activeGroup]));
  }, [activeGroup]);

  const items: MenuProps['items'] = MODULES.map((entry) =>
    entry.children
      ? {
          key: entry.path,
          icon: entry.icon,
          label: t(entry.label),
          children: entry.children.map((child) => ({ key: child.path, label: t(child.label) })),
        }
      : { key: entry.path, icon: entry.icon, label: t(entry.label) },
  );

  return (
    <Menu
      mode="inline"
      theme={theme}
      items={items}
      selectedKeys={selected ? [selected] : []}
      {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="nav-menu"
    />
  );
}
