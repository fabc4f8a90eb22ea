import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { flattenPages, useAuditLog } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import type { AuditEntry } from '../../../api/types.ts';
import { ActionTag, ActorName, EntityTag } from '../../../components/audit-display.tsx';
import { ChangesList } from '../../../components/changes-list.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { AuditFilters, type AuditFilterValues } from './audit-filters.tsx';

const FILTER_KEYS = ['entity', 'entityId', 'userId', 'from', 'to'] as const;

/** Filters live in the URL, so a filtered view can be bookmarked or linked from a record. */
function useFilterParams(): [AuditFilterValues, (patch: Partial<AuditFilterValues>) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const values: AuditFilterValues = {};
  for (const key of FILTER_KEYS) values[key] = params.get(key) ?? undefined;

  const update = (patch: Partial<AuditFilterValues>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const reset = () => setParams(new URLSearchParams(), { replace: true });
  return [values, update, reset];
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const [filters, updateFilters, resetFilters] = useFilterParams();
  const log = useAuditLog(filters);
  const rows = flattenPages(log.data);

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actor',
      render: (actor: AuditEntry['actor']) => <ActorName actor={actor} />,
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      render: (entity: string, entry) => (
        <Flex vertical gap={2}>
          <EntityTag entity={entity} />
          <Tooltip title={entry.entityId}>
            <Typography.Link
              style={{ fontSize: 12, fontFamily: 'monospace' }}
              onClick={() => updateFilters({ entity, entityId: entry.entityId })}
            >
              {entry.entityId.length > 13
                ? `${entry.entityId.slice(0, 8)}…${entry.entityId.slice(-4)}`
                : entry.entityId}
            </Typography.Link>
          </Tooltip>
        </Flex>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => <ActionTag action={action} />,
    },
    {
      title: t('audit.changes'),
      dataIndex: 'changes',
      render: (changes: AuditEntry['changes'], entry) => (
        <div style={{ minWidth: 260, maxWidth: 560 }}>
          <ChangesList changes={changes} />
          {entry.reason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('audit.reason')}: {entry.reason}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => log.refetch()} loading={log.isRefetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <ContentCard>
        <AuditFilters value={filters} onChange={updateFilters} onReset={resetFilters} />
        {log.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, log.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<AuditEntry>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={log.isFetching && !log.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="audit-table"
        />
        {log.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
    </>
  );
}
