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
import { usePayments } from '../document-queries.ts';
import type { PaymentSummary } from '../types.ts';

const FILTER_KEYS = ['q', 'direction', 'partnerId'] as const;

/** Customer receipts and supplier payments, newest first, with what is still unallocated. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canCreate = useHasPermission('accounting.payment.create');
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const payments = usePayments(filters);
  const rows = flattenPages(payments.data);

  const columns: TableColumnsType<PaymentSummary> = [
    {
      title: t('accounting.payment.number'),
      key: 'number',
      render: (_, payment) => (
        <Flex vertical style={{ minWidth: 120 }}>
          <Typography.Link strong onClick={() => navigate(`/accounting/payments/${payment.id}`)}>
            {payment.number}
          </Typography.Link>
          <Typography.Text type="secondary">{payment.partnerName}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('accounting.payment.direction'),
      dataIndex: 'direction',
      responsive: ['md'],
      render: (direction: string) => t(`accounting.direction.${direction}`),
    },
    { title: t('accounting.payment.date'), dataIndex: 'paymentDate', render: (d: string) => formatDate(d) },
    {
      title: t('accounting.payment.amount'),
      dataIndex: 'amount',
      align: 'right',
      render: (amount: string, payment) => (
        <Flex vertical align="flex-end">
          <span>{formatAmount(amount, payment.currency)}</span>
          {Number(payment.unallocated) ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('accounting.payment.unallocatedShort', { amount: formatAmount(payment.unallocated) })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounting.payments.title')}
        subtitle={t('accounting.payments.subtitle')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => payments.refetch()}
              loading={payments.isRefetching}
            >
              {t('common.refresh')}
            </Button>
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/accounting/payments/new')}
                data-testid="new-payment"
              >
                {t('accounting.payments.new')}
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
            placeholder={t('accounting.payments.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 360, flex: '1 1 220px' }}
          />
          <Select
            allowClear
            placeholder={t('accounting.payment.direction')}
            value={filters.direction}
            onChange={(direction) => update({ direction })}
            options={(['inbound', 'outbound'] as const).map((value) => ({
              value,
              label: t(`accounting.direction.${value}`),
            }))}
            style={{ minWidth: 140, flex: '0 1 180px' }}
          />
        </Flex>
        {payments.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, payments.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<PaymentSummary>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={payments.isFetching && !payments.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="payments-table"
        />
        {payments.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => payments.fetchNextPage()} loading={payments.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
    </>
  );
}
