import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordDialog } from '../auth/change-password-dialog.tsx';
import { signOut, useSession } from '../auth/session.tsx';

function initial(name: string): string {
  return (name.trim()[0] ?? '?').toUpperCase();
}

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [changingPassword, setChangingPassword] = useState(false);

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      style: { cursor: 'default' },
      label: (
        <div>
          <Typography.Text strong>{user.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{user.email}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'sign-out') void signOut();
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          aria-label={t('header.userMenu')}
          data-testid="user-menu"
          style={{ paddingInline: 6 }}
        >
          <Avatar size="small" style={{ backgroundColor: '#1668dc' }}>
            {initial(user.name)}
          </Avatar>
          {compact ? null : (
            <span style={{ maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.name}</span>
          )}
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
