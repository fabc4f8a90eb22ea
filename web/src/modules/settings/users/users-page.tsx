import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useLocalized } from '../../../i18n/localized.ts';
import { useUsers } from '../queries.ts';
import type { User } from '../types.ts';
import { UserDrawer, UserStatusTag } from './user-drawer.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const pick = useLocalized();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<User | null>(null);
  const users = useUsers(q);
  const rows = flattenPages(users.data);

  const columns: TableColumnsType<User> = [
    {
      title: t('users.name'),
      dataIndex: 'name',
      render: (name: string, user) => (
        <Typography.Link onClick={() => setSelected(user)} strong>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('users.email'), dataIndex: 'email' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (roles: User['roles']) =>
        roles.length ? (
          <Flex gap={4} wrap>
            {roles.map((role) => (
              <Tag key={role.id} color="blue">
                {pick(role.name)}
              </Tag>
            ))}
          </Flex>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('users.status'),
      dataIndex: 'disabled',
      render: (disabled: boolean) => <UserStatusTag disabled={disabled} />,
    },
    { title: t('users.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDate(at) },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => users.refetch()} loading={users.isRefetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <ContentCard>
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          onSearch={(value) => setQ(value.trim())}
          style={{ maxWidth: 360, marginBottom: 16 }}
          enterButton={t('common.search')}
        />
        {users.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, users.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={users.isFetching && !users.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(user) => ({ onClick: () => setSelected(user), style: { cursor: 'pointer' } })}
          data-testid="users-table"
        />
        {users.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => users.fetchNextPage()} loading={users.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
      <UserDrawer user={selected} onClose={() => setSelected(null)} />
    </>
  );
}
