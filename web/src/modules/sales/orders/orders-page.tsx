import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { useOrders } from '../queries.ts';
import { OrderStateTag } from '../shared/state-tags.tsx';
import { ORDER_STATES, type Order } from '../types.ts';

const FILTER_KEYS = ['q', 'state'] as const;

export function OrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const orders = useOrders(filters);
  const rows = flattenPages(orders.data);

  const columns: TableColumnsType<Order> = [
    {
      title: t('sales.orders.number'),
      dataIndex: 'number',
      render: (number: string, order) => (
        <Flex vertical style={{ minWidth: 120 }}>
          <Typography.Link strong onClick={() => navigate(`/sales/orders/${order.id}`)}>
            {number}
          </Typography.Link>
          <Typography.Text type="secondary">{order.customerName}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('sales.quotes.state'),
      dataIndex: 'state',
      render: (state) => <OrderStateTag state={state} />,
    },
    {
      title: t('sales.order.orderDate'),
      dataIndex: 'orderDate',
      responsive: ['md'],
      render: (d: string) => formatDate(d),
    },
    {
      title: t('sales.quote.owner'),
      dataIndex: 'ownerName',
      responsive: ['lg'],
      render: (name: string | null) => name ?? t('common.none'),
    },
    {
      title: t('sales.totals.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: string, order) => formatAmount(total, order.currency),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('sales.orders.title')}
        subtitle={t('sales.orders.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => orders.refetch()} loading={orders.isRefetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            key={filters.q ?? ''}
            placeholder={t('sales.quotes.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 420, flex: '1 1 240px' }}
          />
          <Select
            allowClear
            placeholder={t('sales.quotes.state')}
            value={filters.state}
            onChange={(state) => update({ state })}
            options={ORDER_STATES.map((state) => ({ value: state, label: t(`sales.orderState.${state}`) }))}
            style={{ minWidth: 140, flex: '0 1 180px' }}
            data-testid="order-state-filter"
          />
        </Flex>
        {orders.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, orders.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Order>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={orders.isFetching && !orders.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="orders-table"
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
