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
import { useInvoices } from '../document-queries.ts';
import { InvoiceStateTag, PaymentStateTag } from '../shared/tags.tsx';
import { INVOICE_KINDS, INVOICE_STATES, type InvoiceSummary, PAYMENT_STATES } from '../types.ts';

const FILTER_KEYS = ['q', 'kind', 'state', 'paymentState', 'partnerId', 'originId'] as const;

/** Customer invoices, credit notes and supplier bills, newest first, filtered by kind, state and payment. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const invoices = useInvoices(filters);
  const rows = flattenPages(invoices.data);

  const columns: TableColumnsType<InvoiceSummary> = [
    {
      title: t('accounting.invoice.number'),
      key: 'number',
      render: (_, invoice) => (
        <Flex vertical style={{ minWidth: 130 }}>
          <Typography.Link strong onClick={() => navigate(`/accounting/invoices/${invoice.id}`)}>
            {invoice.number ?? t('accounting.invoice.draftNumber')}
          </Typography.Link>
          <Typography.Text type="secondary">{invoice.partnerName}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('accounting.invoice.kind'),
      dataIndex: 'kind',
      responsive: ['lg'],
      render: (kind: string) => t(`accounting.invoiceKind.${kind}`),
    },
    {
      title: t('accounting.invoice.invoiceDate'),
      dataIndex: 'invoiceDate',
      responsive: ['md'],
      render: (d: string) => formatDate(d),
    },
    {
      title: t('accounting.invoice.dueDate'),
      dataIndex: 'dueDate',
      responsive: ['md'],
      render: (d: string) => formatDate(d),
    },
    {
      title: t('accounting.invoice.state'),
      key: 'state',
      render: (_, invoice) => (
        <Flex gap={4} wrap>
          <InvoiceStateTag state={invoice.state} />
          {invoice.state === 'posted' ? <PaymentStateTag state={invoice.paymentState} /> : null}
        </Flex>
      ),
    },
    {
      title: t('accounting.invoice.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: string, invoice) => (
        <Flex vertical align="flex-end">
          <span>{formatAmount(total, invoice.currency)}</span>
          {invoice.state === 'posted' && invoice.paymentState !== 'paid' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('accounting.invoice.residualShort', {
                amount: formatAmount(invoice.residual, invoice.currency),
              })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounting.invoices.title')}
        subtitle={t('accounting.invoices.subtitle')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => invoices.refetch()}
            loading={invoices.isRefetching}
          >
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
            placeholder={t('accounting.invoices.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ maxWidth: 360, flex: '1 1 220px' }}
          />
          <Select
            allowClear
            placeholder={t('accounting.invoice.kind')}
            value={filters.kind}
            onChange={(kind) => update({ kind })}
            options={INVOICE_KINDS.map((kind) => ({
              value: kind,
              label: t(`accounting.invoiceKind.${kind}`),
            }))}
            style={{ minWidth: 140, flex: '0 1 180px' }}
          />
          <Select
            allowClear
            placeholder={t('accounting.invoice.state')}
            value={filters.state}
            onChange={(state) => update({ state })}
            options={INVOICE_STATES.map((state) => ({
              value: state,
              label: t(`accounting.invoiceState.${state}`),
            }))}
            style={{ minWidth: 110, flex: '0 1 140px' }}
            data-testid="invoice-state-filter"
          />
          <Select
            allowClear
            placeholder={t('accounting.invoice.paymentState')}
            value={filters.paymentState}
            onChange={(paymentState) => update({ paymentState })}
            options={PAYMENT_STATES.map((state) => ({
              value: state,
              label: t(`accounting.paymentState.${state}`),
            }))}
            style={{ minWidth: 110, flex: '0 1 150px' }}
            data-testid="invoice-payment-filter"
          />
          {filters.partnerId || filters.originId ? (
            <Button onClick={() => update({ partnerId: undefined, originId: undefined })}>
              {t('accounting.invoices.clearPartner')}
            </Button>
          ) : null}
        </Flex>
        {invoices.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, invoices.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<InvoiceSummary>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={invoices.isFetching && !invoices.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="invoices-table"
        />
        {invoices.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button onClick={() => invoices.fetchNextPage()} loading={invoices.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </ContentCard>
    </>
  );
}
