import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { usePayment } from '../document-queries.ts';
import { accountLabel, useAccountMap } from '../shared/account-select.tsx';
import type { PaymentAllocation } from '../types.ts';

/** One payment: partner, bank account, amount, and the invoices it settled. */
export function PaymentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const pick = useLocalized();
  const accounts = useAccountMap();
  const canSeeEntries = useHasPermission('accounting.entry.read');
  const { id = '' } = useParams();
  const payment = usePayment(id);
  if (payment.isPending) return <Skeleton active />;
  if (payment.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, payment.error)}
        extra={
          <Button onClick={() => navigate('/accounting/payments')}>
            {t('accounting.payments.backToList')}
          </Button>
        }
      />
    );
  const data = payment.data;
  const account = accounts.get(data.accountId);
  const columns: TableColumnsType<PaymentAllocation> = [
    {
      title: t('accounting.invoice.number'),
      dataIndex: 'invoiceNumber',
      render: (number: string | null, allocation) => (
        <Link to={`/accounting/invoices/${allocation.invoiceId}`}>{number ?? allocation.invoiceId}</Link>
      ),
    },
    { title: t('accounting.payment.date'), dataIndex: 'date', render: (d: string) => formatDate(d) },
    {
      title: t('accounting.payment.allocated'),
      dataIndex: 'amount',
      align: 'right',
      render: (value: string) => formatAmount(value, data.currency),
    },
    {
      title: t('accounting.invoice.fxDifference'),
      dataIndex: 'fxDifference',
      align: 'right',
      responsive: ['md'],
      render: (value: string) => (Number(value) ? formatAmount(value) : t('common.none')),
    },
  ];
  return (
    <>
      <Link to="/accounting/payments" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('accounting.payments.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="payment-number">
              {data.number}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <Tag color={data.direction === 'inbound' ? 'green' : 'orange'}>
                {t(`accounting.direction.${data.direction}`)}
              </Tag>
              <Link to={`/crm/customers/${data.partnerId}`}>{data.partnerName ?? data.partnerId}</Link>
            </Flex>
          </Flex>
          <RecordHistory entity="accounting.payment" entityId={data.id} />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('accounting.payment.date')}>
            {formatDate(data.paymentDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('accounting.payment.amount')}>
            <Typography.Text strong>{formatAmount(data.amount, data.currency)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('accounting.payment.unallocated')}>
            <span data-testid="payment-unallocated">{formatAmount(data.unallocated, data.currency)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('accounting.payment.account')}>
            {account ? accountLabel(account, pick) : t('common.none')}
          </Descriptions.Item>
          {data.reference ? (
            <Descriptions.Item label={t('accounting.payment.reference')}>{data.reference}</Descriptions.Item>
          ) : null}
          {data.entryId && canSeeEntries ? (
            <Descriptions.Item label={t('accounting.invoice.entry')}>
              <Link to={`/accounting/entries/${data.entryId}`}>{t('accounting.invoice.openEntry')}</Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('accounting.payment.allocations')}>
        <Table<PaymentAllocation>
          rowKey="id"
          columns={columns}
          dataSource={data.allocations}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          data-testid="payment-allocations"
        />
      </Card>
    </>
  );
}
