import { Alert, DatePicker, Flex, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { companyToday, formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatAmount } from '../../catalog/shared/numbers.ts';
import { useUrlFilters } from '../../crm/shared/use-url-filters.ts';
import { useInvoices } from '../document-queries.ts';
import { useArAging } from '../report-queries.ts';
import { DownloadButtons } from '../shared/download-buttons.tsx';
import { PaymentStateTag } from '../shared/tags.tsx';
import { AGING_BUCKETS, type AgingRow, type InvoiceSummary } from '../types.ts';

/** The customer's posted invoices still open, with the days past due on the report's date. */
function OpenInvoices({ partnerId, asOf }: { partnerId: string; asOf: string }) {
  const { t } = useTranslation();
  const invoices = useInvoices({ partnerId, state: 'posted', kind: 'customer_invoice' });
  const rows = flattenPages(invoices.data).filter((invoice) => invoice.paymentState !== 'paid');
  const columns: TableColumnsType<InvoiceSummary> = [
    {
      title: t('accounting.invoice.number'),
      dataIndex: 'number',
      render: (number: string, invoice) => <Link to={`/accounting/invoices/${invoice.id}`}>{number}</Link>,
    },
    { title: t('accounting.invoice.dueDate'), dataIndex: 'dueDate', render: (d: string) => formatDate(d) },
    {
      title: t('accounting.aging.daysLate'),
      key: 'late',
      align: 'right',
      render: (_, invoice) => Math.max(0, dayjs(asOf).diff(dayjs(invoice.dueDate), 'day')),
    },
    {
      title: t('accounting.invoice.paymentState'),
      dataIndex: 'paymentState',
      render: (state: InvoiceSummary['paymentState']) => <PaymentStateTag state={state} />,
    },
    {
      title: t('accounting.invoice.residual'),
      dataIndex: 'residualCompany',
      align: 'right',
      render: (value: string) => formatAmount(value),
    },
  ];
  return (
    <Table<InvoiceSummary>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={invoices.isFetching}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      data-testid="aging-open-invoices"
    />
  );
}

/** 应收账款账龄: open receivables per customer by days past due; a row unfolds the customer's open invoices. */
export function ArAgingPage() {
  const { t } = useTranslation();
  const [filters, update] = useUrlFilters(['asOf'] as const);
  const { company } = useSession();
  const asOf = filters.asOf ?? companyToday(company.timeZone);
  const report = useArAging(asOf);
  const data = report.data;
  const money = (value: string) => (Number(value) ? formatAmount(value) : '');
  const columns: TableColumnsType<AgingRow> = [
    {
      title: t('accounting.aging.customer'),
      dataIndex: 'partnerName',
      render: (name: string | null, row) => (
        <Link to={`/crm/customers/${row.partnerId}`} style={{ display: 'inline-block', minWidth: 120 }}>
          {name ?? row.partnerId}
        </Link>
      ),
    },
    ...AGING_BUCKETS.map((bucket) => ({
      title: t(`accounting.aging.${bucket}`),
      dataIndex: bucket,
      align: 'right' as const,
      render: money,
    })),
    { title: t('accounting.aging.unapplied'), dataIndex: 'unapplied', align: 'right', render: money },
    {
      title: t('accounting.aging.total'),
      dataIndex: 'total',
      align: 'right',
      render: (value: string) => (
        <Typography.Text strong data-testid="aging-total">
          {formatAmount(value)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('accounting.aging.title')}
        subtitle={data ? t('accounting.aging.subtitle', { currency: data.currency }) : undefined}
        extra={<DownloadButtons path="/reports/ar-aging" query={{ asOf }} />}
      />
      <ContentCard>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <DatePicker
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(value) => value && update({ asOf: value.format('YYYY-MM-DD') })}
            data-testid="aging-as-of"
          />
        </Flex>
        {report.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, report.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<AgingRow>
          rowKey="partnerId"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={report.isFetching}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (row) => <OpenInvoices partnerId={row.partnerId} asOf={asOf} />,
          }}
          data-testid="ar-aging"
          summary={() =>
            data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{t('accounting.voucher.total')}</Typography.Text>
                </Table.Summary.Cell>
                {[...AGING_BUCKETS, 'unapplied' as const, 'total' as const].map((key, index) => (
                  <Table.Summary.Cell key={key} index={index + 2} align="right">
                    <Typography.Text strong data-testid={`aging-sum-${key}`}>
                      {formatAmount(data.totals[key])}
                    </Typography.Text>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      </ContentCard>
    </>
  );
}
