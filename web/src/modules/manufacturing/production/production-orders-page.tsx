import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { queryClient } from '../../../app/query-client.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatQty } from '../../catalog/shared/numbers.ts';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { ProductCell } from '../../inventory/shared/stock-tables.tsx';
import { useProductionOrders } from '../queries.ts';
import { StateTag } from '../shared/tags.tsx';
import { PRODUCTION_STATES, type ProductionOrderSummary } from '../types.ts';
import { NewProductionOrderModal } from './new-production-order-modal.tsx';

const FILTER_KEYS = ['state', 'q'] as const;

/** Production orders, newest first, by state: the shop floor's work list. */
export function ProductionOrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const state = PRODUCTION_STATES.find((s) => s === filters.state);
  const list = useProductionOrders({ q: filters.q, state });
  const canCreate = useHasPermission('manufacturing.production.create');
  const [creating, setCreating] = useState(false);
  const open = (id: string) => navigate(`/manufacturing/production-orders/${id}`);

  const columns: TableColumnsType<ProductionOrderSummary> = [
    {
      title: t('manufacturing.production.number'),
      dataIndex: 'number',
      render: (number: string, row) => (
        <Typography.Link strong onClick={() => open(row.id)} style={{ whiteSpace: 'nowrap' }}>
          {number}
        </Typography.Link>
      ),
    },
    {
      title: t('manufacturing.common.product'),
      key: 'product',
      render: (_, row) => <ProductCell id={row.productId} sku={row.sku} name={row.productName} />,
    },
    {
      title: t('manufacturing.common.state'),
      dataIndex: 'state',
      render: (s: string) => <StateTag kind="production" state={s} />,
    },
    {
      title: t('manufacturing.production.producedOfQty'),
      key: 'qty',
      align: 'right',
      render: (_, row) => `${formatQty(row.qtyProduced)} / ${formatQty(row.qty)}`,
    },
    {
      title: t('manufacturing.production.plannedFinish'),
      dataIndex: 'plannedFinish',
      render: (d: string | null) => formatDate(d) || t('common.none'),
    },
    {
      title: t('manufacturing.production.plannedStart'),
      dataIndex: 'plannedStart',
      responsive: ['md'],
      render: (d: string | null) => formatDate(d) || t('common.none'),
    },
    {
      title: t('manufacturing.production.origin'),
      dataIndex: 'originNumber',
      responsive: ['sm'],
      render: (v: string | null, row) =>
        v ??
        (row.originType
          ? t(`manufacturing.peg.${row.originType}`, { defaultValue: row.originType })
          : t('common.none')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('manufacturing.production.title')}
        subtitle={t('manufacturing.production.subtitle')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => queryClient.invalidateQueries({ queryKey: ['production-orders'] })}
            >
              {t('common.refresh')}
            </Button>
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="production-new"
              >
                {t('manufacturing.production.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Segmented
            value={state ?? 'all'}
            onChange={(value) => update({ state: value === 'all' ? undefined : String(value) })}
            options={['all', ...PRODUCTION_STATES].map((value) => ({
              value,
              label:
                value === 'all'
                  ? t('manufacturing.common.all')
                  : t(`manufacturing.state.production.${value}`),
            }))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
          <Input.Search
            allowClear
            defaultValue={filters.q}
            key={filters.q ?? ''}
            placeholder={t('manufacturing.production.searchPlaceholder')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 320, flex: '1 1 200px' }}
          />
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<ProductionOrderSummary>
          rowKey="id"
          columns={columns}
          dataSource={flattenPages(list.data)}
          loading={list.isFetching && !list.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="production-orders-table"
          onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
        />
        {list.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
      <NewProductionOrderModal open={creating} onClose={() => setCreating(false)} onCreated={open} />
    </>
  );
}
