import {
  Alert,
  Card,
  Col,
  Empty,
  Flex,
  List,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { CustomerPlans } from '../collections/customer-plans.tsx';
import { useCustomerAccount, useInvoices } from '../document-queries.ts';
import { PaymentStateTag } from '../shared/tags.tsx';
import type { InvoiceSummary } from '../types.ts';
import { CreditProfilePanel } from './credit-profile.tsx';

function Figure({
  title,
  value,
  testId,
  danger,
}: {
  title: string;
  value: string;
  testId: string;
  danger?: boolean;
}) {
  return (
    <Statistic
      title={title}
      value={value}
      styles={{ content: { fontSize: 18, ...(danger ? { color: '#cf1322' } : {}) } }}
      data-testid={testId}
    />
  );
}

/** The customer's latest invoices with what is left to pay: paid, partly paid or open. */
function RecentInvoices({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const invoices = useInvoices({ partnerId: customerId, state: 'posted' });
  const rows = flattenPages(invoices.data).slice(0, 10);
  const columns: TableColumnsType<InvoiceSummary> = [
    {
      title: t('accounting.invoice.number'),
      dataIndex: 'number',
      render: (number: string, invoice) => <Link to={`/accounting/invoices/${invoice.id}`}>{number}</Link>,
    },
    {
      title: t('accounting.invoice.dueDate'),
      dataIndex: 'dueDate',
      responsive: ['sm'],
      render: (d: string) => formatDate(d),
    },
    {
      title: t('accounting.invoice.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: string, invoice) => formatAmount(total, invoice.currency),
    },
    {
      title: t('accounting.invoice.paymentState'),
      key: 'paymentState',
      render: (_, invoice) =>
        invoice.kind === 'customer_invoice' ? (
          <PaymentStateTag state={invoice.paymentState} />
        ) : (
          t(`accounting.invoiceKind.${invoice.kind}`)
        ),
    },
  ];
  return (
    <Table<InvoiceSummary>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={invoices.isPending}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('accounting.customerAccount.noInvoices')}
          />
        ),
      }}
      data-testid="customer-invoices"
    />
  );
}

/**
 * The customer's account on the customer page (from accounting's summary): open receivables, overdue,
 * credit limit and what is left of it, the latest receipts and invoices. Only for who may read invoices.
 */
export function CustomerAccountCard({
  customerId,
  customerVersion,
}: {
  customerId: string;
  customerVersion: number;
}) {
  const { t } = useTranslation();
  const canRead = useHasPermission('accounting.invoice.read');
  const canPayments = useHasPermission('accounting.payment.read');
  const summary = useCustomerAccount(customerId, canRead);
  if (!canRead) return null;
  const data = summary.data;
  const c = data?.currency;
  return (
    <Card
      size="small"
      title={t('accounting.customerAccount.title')}
      loading={summary.isPending}
      data-testid="customer-account"
    >
      {summary.isError ? (
        <Alert type="info" showIcon title={errorMessage(t, summary.error)} />
      ) : data ? (
        <Flex vertical gap={12}>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Figure
                title={t('accounting.customerAccount.openReceivables')}
                value={formatAmount(data.openReceivables, c)}
                testId="account-open"
              />
            </Col>
            <Col xs={12} md={6}>
              <Figure
                title={t('accounting.customerAccount.overdue')}
                value={formatAmount(data.overdue, c)}
                testId="account-overdue"
                danger={Number(data.overdue) > 0}
              />
            </Col>
            <Col xs={12} md={6}>
              <Figure
                title={t('accounting.customerAccount.creditLimit')}
                value={
                  data.creditLimit === null
                    ? t('accounting.customerAccount.noLimit')
                    : formatAmount(data.creditLimit, c)
                }
                testId="account-limit"
              />
            </Col>
            <Col xs={12} md={6}>
              <Figure
                title={t('accounting.customerAccount.creditLeft')}
                value={data.creditLeft === null ? t('common.none') : formatAmount(data.creditLeft, c)}
                testId="account-credit-left"
                danger={data.creditLeft !== null && Number(data.creditLeft) < 0}
              />
            </Col>
          </Row>
          {Number(data.unappliedPayments) ? (
            <Typography.Text type="secondary">
              {t('accounting.customerAccount.unapplied', { amount: formatAmount(data.unappliedPayments, c) })}
            </Typography.Text>
          ) : null}
          <CreditProfilePanel customerId={customerId} customerVersion={customerVersion} />
          <CustomerPlans customerId={customerId} />
          <RecentInvoices customerId={customerId} />
          <Typography.Text strong>{t('accounting.customerAccount.lastPayments')}</Typography.Text>
          <List
            size="small"
            dataSource={data.recentPayments}
            locale={{ emptyText: t('accounting.customerAccount.noPayments') }}
            data-testid="account-payments"
            renderItem={(payment) => (
              <List.Item extra={formatAmount(payment.amount, payment.currency)}>
                <Flex gap={8} wrap>
                  {canPayments ? (
                    <Link to={`/accounting/payments/${payment.id}`}>{payment.number}</Link>
                  ) : (
                    <span>{payment.number}</span>
                  )}
                  <Typography.Text type="secondary">{formatDate(payment.date)}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Flex>
      ) : null}
    </Card>
  );
}
