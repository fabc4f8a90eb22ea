import { App, Button, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { AttemptLog, LoadMore } from './parts.tsx';
import { useDeadLetters, useReplay } from './queries.ts';
import type { Delivery } from './types.ts';

/** Deliveries that gave up, across the company's webhooks, with replay. */
export function DeadLettersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useDeadLetters();
  const replay = useReplay();
  const canManage = useHasPermission('integration.webhook.manage');
  const columns: TableColumnsType<Delivery> = [
    { title: t('webhooks.event'), dataIndex: 'eventType', render: (x: string) => <Tag>{x}</Tag> },
    {
      title: t('webhooks.url'),
      dataIndex: 'url',
      render: (url: string, d) => (
        <Link to={`/integration/webhooks/${d.webhookId}`} style={{ wordBreak: 'break-all' }}>
          {url}
        </Link>
      ),
    },
    {
      title: t('webhooks.lastStatus'),
      dataIndex: 'lastError',
      responsive: ['md'],
      render: (e: string | null, d) => d.lastStatus ?? e ?? '—',
    },
    { title: t('webhooks.created'), dataIndex: 'createdAt', responsive: ['sm'], render: formatDateTime },
    {
      key: 'replay',
      render: (_: unknown, d) =>
        canManage ? (
          <Button
            size="small"
            onClick={() =>
              replay.mutate(
                { webhookId: d.webhookId, id: d.id },
                {
                  onSuccess: () => void message.success(t('webhooks.replayed')),
                  onError: (err) => void message.error(errorMessage(t, err)),
                },
              )
            }
          >
            {t('webhooks.replay')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader title={t('webhooks.deadLetters')} subtitle={t('webhooks.deadLettersHint')} />
      <ContentCard>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={flattenPages(list.data)}
          loading={list.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (d) => <AttemptLog webhookId={d.webhookId} deliveryId={d.id} /> }}
        />
        <LoadMore
          more={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        />
      </ContentCard>
    </>
  );
}
