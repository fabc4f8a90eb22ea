import { Empty, Select, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { DeliveryStateTag, LoadMore } from './parts.tsx';
import { useEventDetail, useEvents, useEventTypes } from './queries.ts';
import type { BusinessEvent } from './types.ts';

function EventDeliveries({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useEventDetail(id);
  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  const event = detail.data;
  if (!event) return null;
  // width 0 / min-width 100 %: the payload and URLs wrap in the row instead of widening the whole table.
  return (
    <div style={{ width: 0, minWidth: '100%', overflowWrap: 'anywhere' }}>
      <Typography.Paragraph code ellipsis={{ rows: 3, expandable: true }}>
        {JSON.stringify(event.payload)}
      </Typography.Paragraph>
      {event.deliveries.length === 0 ? (
        <Empty description={t('webhooks.noDeliveries')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        event.deliveries.map((d) => (
          <div key={d.id} data-testid="event-delivery">
            <DeliveryStateTag state={d.state} />
            <Link to={`/integration/webhooks/${d.webhookId}`} style={{ wordBreak: 'break-all' }}>
              {d.url}
            </Link>
            <Typography.Text type="secondary">
              {' '}
              · {t('webhooks.attemptsCount', { count: d.attempts })}
              {d.lastStatus !== null ? ` · HTTP ${d.lastStatus}` : ''}
            </Typography.Text>
          </div>
        ))
      )}
    </div>
  );
}

/** The company's business events, newest first, each with the webhook deliveries made of it. */
export function EventsPage() {
  const { t } = useTranslation();
  const [type, setType] = useState<string | undefined>();
  const types = useEventTypes();
  const list = useEvents(type);
  const columns: TableColumnsType<BusinessEvent> = [
    { title: t('webhooks.event'), dataIndex: 'type', render: (x: string) => <Tag>{x}</Tag> },
    { title: t('webhooks.aggregate'), dataIndex: 'aggregateType', responsive: ['md'] },
    { title: t('webhooks.created'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('webhooks.dispatched'),
      dataIndex: 'dispatchedAt',
      responsive: ['sm'],
      render: (at: string | null) =>
        at ? formatDateTime(at) : <Tag color="blue">{t('webhooks.waiting')}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('webhooks.events')}
        subtitle={t('webhooks.eventsHint')}
        extra={
          <Select
            allowClear
            showSearch
            placeholder={t('webhooks.eventType')}
            style={{ minWidth: 220 }}
            value={type}
            onChange={setType}
            options={(types.data?.items ?? []).map((e) => ({ value: e.type, label: e.type }))}
          />
        }
      />
      <ContentCard>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={flattenPages(list.data)}
          loading={list.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (e) => <EventDeliveries id={e.id} /> }}
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
