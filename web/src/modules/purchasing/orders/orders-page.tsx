import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { usePurchaseOrders } from '../queries.ts';
import { PurchaseOrderStateTag } from '../shared/state-tags.tsx';
import { ORDER_STATES, type OrderSummary } from '../types.ts';

const FILTER_KEYS = ['q', 'state'] as const;

/** Purchase orders (RFQs while draft or sent), newest first, by number or supplier and state. */
export function PurchaseOrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useHasPermission('purchasing.order.create');
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const orders = usePurchaseOrders(filters);
  const rows = flattenPages(orders.data);

  const columns: TableColumnsType<OrderSummary> = [
    {
      title: t('purchasing.order.number'),
      dataIndex: 'number',
      render: (number: string, order) => (
        <Flex vertical style={{ minWidth: 120 }}>
          <Typography.Link strong onClick={() => navigate(`/purchasing/orders/${order.id}`)}>
            {number}
          </Typography.Link>
          <Typography.Text type="secondary">{order.supplierName}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('purchasing.common.state'),
      dataIndex: 'state',
      render: (state) => <PurchaseOrderStateTag state={state} />,
    },
    {
      title: t('purchasing.order.orderDate'),
      dataIndex: 'orderDate',
      responsive: ['md'],
      render: (d: string) => formatDate(d),
    },
    {
      title: t('purchasing.order.expectedDate'),
      dataIndex: 'expectedDate',
      responsive: ['sm'],
      render: (d: string | null) => formatDate(d) || t('common.none'),
    },
    {
      title: t('purchasing.totals.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: string, order) => formatAmount(total, order.currency),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('purchasing.orders.title')}
        subtitle={t('purchasing.orders.subtitle')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => orders.refetch()} loading={orders.isRefetching}>
              {t('common.refresh')}
            </Button>
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/purchasing/orders/new')}
                data-testid="po-new"
              >
                {t('purchasing.orders.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            key={filters.q ?? ''}
            placeholder={t('purchasing.orders.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 420, flex: '1 1 240px' }}
            data-testid="po-search"
          />
          <Select
            allowClear
            placeholder={t('purchasing.common.state')}
            value={filters.state}
            onChange={(state) => update({ state })}
            options={ORDER_STATES.map((state) => ({
              value: state,
              label: t(`purchasing.orderState.${state}`),
            }))}
            style={{ minWidth: 140, flex: '0 1 180px' }}
            data-testid="po-state-filter"
          />
        </Flex>
        {orders.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, orders.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<OrderSummary>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={orders.isFetching && !orders.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="po-table"
        />
        {orders.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => orders.fetchNextPage()} loading={orders.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
    </>
  );
}
