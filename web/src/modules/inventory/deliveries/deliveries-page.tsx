import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { queryClient } from '../../../app/query-client.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { useDeliveries, useReceipts } from '../queries.ts';
import { PickingStateTag } from '../shared/picking-state-tag.tsx';
import { useWarehouseName } from '../shared/warehouse-select.tsx';
import { OPEN_STATES, type Picking } from '../types.ts';

const FILTER_KEYS = ['view', 'q'] as const;
const VIEWS = ['open', 'ready', 'waiting', 'done', 'all'] as const;
type View = (typeof VIEWS)[number];

/** Deliveries or receipts, open ones first: the warehouse's work list. */
export function PickingList({ kind }: { kind: 'deliveries' | 'receipts' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const view: View = VIEWS.includes(filters.view as View) ? (filters.view as View) : 'open';
  const query = { q: filters.q, state: view === 'open' || view === 'all' ? undefined : view };
  const deliveries = useDeliveries(query, kind === 'deliveries');
  const receipts = useReceipts(query, kind === 'receipts');
  const list = kind === 'deliveries' ? deliveries : receipts;
  const warehouseName = useWarehouseName();
  // "Open" is every state before done: the server filters one state at a time, so the rest is done here.
  const rows = flattenPages(list.data).filter((row) => view !== 'open' || OPEN_STATES.includes(row.state));
  const base = `/inventory/${kind}`;

  const columns: TableColumnsType<Picking> = [
    {
      title: t('inventory.picking.number'),
      dataIndex: 'number',
      render: (number: string, row) => (
        <Flex vertical style={{ minWidth: 120 }}>
          <Typography.Link strong onClick={() => navigate(`${base}/${row.id}`)}>
            {number}
          </Typography.Link>
          <Typography.Text type="secondary">{row.partyName ?? ''}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('inventory.picking.state'),
      dataIndex: 'state',
      render: (state: string) => <PickingStateTag state={state} />,
    },
    {
      title: t('inventory.picking.origin'),
      dataIndex: 'originNumber',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('inventory.picking.scheduled'),
      dataIndex: 'scheduledDate',
      responsive: ['sm'],
      render: (d: string | null) => formatDate(d) || t('common.none'),
    },
    {
      title: t('inventory.stock.warehouse'),
      dataIndex: 'warehouseId',
      responsive: ['md'],
      render: (id: string) => warehouseName(id),
    },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={view}
          onChange={(value) => update({ view: value === 'open' ? undefined : String(value) })}
          options={VIEWS.map((value) => ({ value, label: t(`inventory.picking.view.${value}`) }))}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        <Input.Search
          allowClear
          defaultValue={filters.q}
          key={filters.q ?? ''}
          placeholder={t('inventory.picking.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ maxWidth: 320, flex: '1 1 200px' }}
        />
      </Flex>
      {list.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<Picking>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid={`${kind}-table`}
        onRow={(row) => ({ onDoubleClick: () => navigate(`${base}/${row.id}`) })}
      />
      {list.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}

export function DeliveriesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('inventory.deliveries.title')}
        subtitle={t('inventory.deliveries.subtitle')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => queryClient.invalidateQueries({ queryKey: ['deliveries'] })}
          >
            {t('common.refresh')}
          </Button>
        }
      />
      <ContentCard>
        <PickingList kind="deliveries" />
      </ContentCard>
    </>
  );
}
