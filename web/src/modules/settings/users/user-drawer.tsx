import { Descriptions, Drawer, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format.ts';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import type { User } from '../types.ts';

const LOCALE_NAMES: Record<string, string> = { 'zh-CN': '中文', en: 'English' };

export function UserStatusTag({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return disabled ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>;
}

export function UserDrawer({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const isPhone = useIsPhone();

  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      title={user?.name ?? t('users.detailTitle')}
      size={isPhone ? '100%' : 520}
      extra={user ? <RecordHistory entity="platform.user" entityId={user.id} /> : null}
      data-testid="user-drawer"
    >
      {user ? (
        <Descriptions column={1} bordered size="small" styles={{ label: { width: 120 } }}>
          <Descriptions.Item label={t('users.name')}>{user.name}</Descriptions.Item>
          <Descriptions.Item label={t('users.email')}>{user.email}</Descriptions.Item>
          <Descriptions.Item label={t('users.status')}>
            <UserStatusTag disabled={user.disabled} />
          </Descriptions.Item>
          <Descriptions.Item label={t('users.roles')}>
            <Flex gap={4} wrap>
              {user.roles.length
                ? user.roles.map((role) => (
                    <Tag key={role.id} color="blue">
                      {pick(role.name)}
                    </Tag>
                  ))
                : t('common.none')}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('users.locale')}>
            {LOCALE_NAMES[user.locale] ?? user.locale}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.department')}>
            {user.departmentId ?? t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.lastLoginAt')}>
            {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.createdAt')}>{formatDateTime(user.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('users.version')}>{user.version}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Drawer>
  );
}
