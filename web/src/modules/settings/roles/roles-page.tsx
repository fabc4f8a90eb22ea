import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { type LocalizedText, useLocalized } from '../../../i18n/localized.ts';
import { useRoles } from '../queries.ts';
import type { RecordScope, Role } from '../types.ts';

const SCOPE_COLORS: Record<RecordScope, string> = { own: 'default', team: 'blue', company: 'purple' };

const EVERYTHING = '*';

/** Permissions `module.entity.verb` grouped by module, so a long list stays readable. */
function groupByModule(permissions: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const permission of [...permissions].sort()) {
    if (permission === EVERYTHING) continue;
    const module = permission.split('.')[0] ?? permission;
    groups.set(module, [...(groups.get(module) ?? []), permission]);
  }
  return [...groups.entries()];
}

function RoleDetails({ role }: { role: Role }) {
  const { t } = useTranslation();
  const masks = Object.entries(role.fieldMasks ?? {});
  return (
    <Flex vertical gap={12} style={{ padding: '4px 0' }}>
      {role.permissions.includes(EVERYTHING) ? <Tag color="gold">{t('roles.allPermissions')}</Tag> : null}
      {groupByModule(role.permissions).map(([module, permissions]) => (
        <Flex key={module} gap={8} align="baseline" wrap>
          <Typography.Text strong style={{ minWidth: 96 }}>
            {t([`nav.${module}`, `roles.groups.${module}`], { defaultValue: module })}
          </Typography.Text>
          <Flex gap={4} wrap style={{ flex: 1, minWidth: 0 }}>
            {permissions.map((permission) => (
              <Tag key={permission} style={{ fontFamily: 'monospace' }}>
                {permission}
              </Tag>
            ))}
          </Flex>
        </Flex>
      ))}
      {masks.length ? (
        <div>
          <Typography.Text strong>{t('roles.fieldMasks')}</Typography.Text>
          {masks.map(([entity, fields]) => (
            <div key={entity}>
              <Typography.Text code>{entity}</Typography.Text> {fields.join(', ')}
            </div>
          ))}
        </div>
      ) : null}
    </Flex>
  );
}

export function RolesPage() {
  const { t } = useTranslation();
  const pick = useLocalized();
  const roles = useRoles();

  const columns: TableColumnsType<Role> = [
    {
      title: t('roles.name'),
      dataIndex: 'name',
      render: (name: LocalizedText) => <Typography.Text strong>{pick(name)}</Typography.Text>,
    },
    {
      title: t('roles.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('roles.type'),
      dataIndex: 'builtIn',
      render: (builtIn: boolean) =>
        builtIn ? <Tag color="gold">{t('roles.builtIn')}</Tag> : <Tag>{t('roles.custom')}</Tag>,
    },
    {
      title: t('roles.permissions'),
      dataIndex: 'permissions',
      render: (permissions: string[]) =>
        permissions.includes(EVERYTHING)
          ? t('roles.allPermissions')
          : t('roles.permissionsCount', { count: permissions.length }),
    },
    {
      title: t('roles.recordScope'),
      dataIndex: 'recordScope',
      render: (scope: RecordScope) => (
        <Tag color={SCOPE_COLORS[scope]}>{t(`roles.scope.${scope}`, { defaultValue: scope })}</Tag>
      ),
    },
    {
      title: t('roles.fieldMasks'),
      dataIndex: 'fieldMasks',
      render: (masks: Role['fieldMasks']) => {
        const count = Object.values(masks ?? {}).reduce((sum, fields) => sum + fields.length, 0);
        return count || t('common.none');
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        subtitle={t('roles.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => roles.refetch()} loading={roles.isRefetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <ContentCard>
        {roles.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, roles.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Role>
          rowKey="id"
          columns={columns}
          dataSource={roles.data?.items ?? []}
          loading={roles.isFetching}
          pagination={false}
          scroll={{ x: 760 }}
          expandable={{ expandedRowRender: (role) => <RoleDetails role={role} />, expandRowByClick: true }}
          data-testid="roles-table"
        />
      </ContentCard>
    </>
  );
}
