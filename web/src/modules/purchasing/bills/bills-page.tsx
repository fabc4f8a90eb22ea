import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { useBills } from '../queries.ts';
import { BillStateTag } from '../shared/state-tags.tsx';
import { BILL_STATES, type Bill } from '../types.ts';

const FILTER_KEYS = ['state'] as const;

/** Supplier bills with their 3-way match state (matched, blocked, released, posted), newest first. */
export function BillsPage() {
  const { t } = useTranslation();
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const bills = useBills(filters);
  const rows = flattenPages(bills.data);

  const columns: TableColumnsType<Bill> = [
    {
      title: t('purchasing.bill.bill'),
      key: 'bill',
      render: (_, bill) => (
        <Flex vertical style={{ minWidth: 130 }}>
          <Link to={`/purchasing/bills/${bill.id}`} data-testid="bill-link">
            {bill.reference || t('purchasing.bill.noReference')}
          </Link>
          <Typography.Text type="secondary">{bill.supplierName}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('purchasing.bill.match'),
      dataIndex: 'state',
      render: (state) => <BillStateTag state={state} />,
    },
    {
      title: t('purchasing.bill.order'),
      dataIndex: 'orderNumber',
      responsive: ['sm'],
      render: (number: string, bill) => <Link to={`/purchasing/orders/${bill.orderId}`}>{number}</Link>,
    },
    {
      title: t('purchasing.bill.billDate'),
      dataIndex: 'billDate',
      responsive: ['md'],
      render: (d: string) => formatDate(d),
    },
    {
      title: t('purchasing.bill.accountingBill'),
      dataIndex: 'invoiceNumber',
      responsive: ['lg'],
      render: (n: string | null) => n ?? t('common.none'),
    },
    {
      title: t('purchasing.totals.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: string, bill) => formatAmount(total, bill.currency),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('purchasing.bills.title')}
        subtitle={t('purchasing.bills.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => bills.refetch()} loading={bills.isRefetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('purchasing.bill.match')}
            value={filters.state}
            onChange={(state) => update({ state })}
            options={BILL_STATES.map((state) => ({
              value: state,
              label: t(`purchasing.billState.${state}`),
            }))}
            style={{ minWidth: 160, flex: '0 1 200px' }}
            data-testid="bill-state-filter"
          />
        </Flex>
        {bills.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, bills.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Bill>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={bills.isFetching && !bills.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="bills-table"
        />
        {bills.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => bills.fetchNextPage()} loading={bills.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
    </>
  );
}
