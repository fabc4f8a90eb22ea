import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Result,
  Row,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Decimal } from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { formatAmount, formatPrice, formatQty } from '../../catalog/shared/numbers.ts';
import { useInvoice } from '../document-queries.ts';
import { InvoiceStateTag, PaymentStateTag } from '../shared/tags.tsx';
import type { Invoice, InvoiceLine } from '../types.ts';
import { InvoiceActions } from './invoice-actions.tsx';

/** Tax rates come as fractions ('0.13'): shown as percentages ('13'). */
function percentOf(rate: string): string {
  return formatQty(new Decimal(rate).mul(100).toFixed());
}

function Lines({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<InvoiceLine> = [
    {
      title: t('accounting.invoice.item'),
      key: 'item',
      render: (_, line) => (
        <div style={{ minWidth: 140 }}>
          {line.sku ? <Typography.Text strong>{line.sku}</Typography.Text> : null}
          <div>{line.description}</div>
        </div>
      ),
    },
    {
      title: t('accounting.invoice.quantity'),
      dataIndex: 'quantity',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('accounting.invoice.unitPrice'),
      dataIndex: 'unitPrice',
      align: 'right',
      render: (v: string) => formatPrice(v),
    },
    {
      title: t('accounting.invoice.discount'),
      dataIndex: 'discountPercent',
      align: 'right',
      responsive: ['md'],
      render: (v: string) => (Number(v) ? `${formatQty(v)} %` : t('common.none')),
    },
    {
      title: t('accounting.invoice.taxCode'),
      key: 'tax',
      responsive: ['md'],
      render: (_, line) =>
        line.taxCode ? `${line.taxCode} (${percentOf(line.taxRate)} %)` : t('common.none'),
    },
    {
      title: t('accounting.invoice.net'),
      dataIndex: 'net',
      align: 'right',
      render: (v: string) => formatAmount(v),
    },
    {
      title: t('accounting.invoice.tax'),
      dataIndex: 'tax',
      align: 'right',
      render: (v: string) => formatAmount(v),
    },
    {
      title: t('accounting.invoice.total'),
      dataIndex: 'total',
      align: 'right',
      render: (v: string) => <Typography.Text strong>{formatAmount(v)}</Typography.Text>,
    },
  ];
  return (
    <Table<InvoiceLine>
      rowKey="id"
      columns={columns}
      dataSource={invoice.lines}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      data-testid="invoice-lines"
    />
  );
}

function Totals({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const c = invoice.currency;
  return (
    <Flex wrap justify="flex-end" gap={24} style={{ marginTop: 12 }} data-testid="invoice-totals">
      <span>
        {t('accounting.invoice.untaxed')}: {formatAmount(invoice.untaxed, c)}
      </span>
      <span>
        {t('accounting.invoice.tax')}: {formatAmount(invoice.tax, c)}
      </span>
      <Typography.Text strong>
        {t('accounting.invoice.total')}: {formatAmount(invoice.total, c)}
      </Typography.Text>
      {invoice.state === 'posted' ? (
        <Typography.Text
          strong
          type={Number(invoice.residual) ? 'danger' : 'success'}
          data-testid="invoice-residual"
        >
          {t('accounting.invoice.residual')}: {formatAmount(invoice.residual, c)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function Settlements({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  if (invoice.settlements.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accounting.invoice.noSettlements')} />;
  return (
    <List
      size="small"
      dataSource={invoice.settlements}
      data-testid="invoice-settlements"
      renderItem={(s) => {
        const other = s.paymentId
          ? { to: `/accounting/payments/${s.paymentId}`, label: t('accounting.invoice.payment') }
          : s.creditNoteId && s.creditNoteId !== invoice.id
            ? { to: `/accounting/invoices/${s.creditNoteId}`, label: t('accounting.invoice.creditNoteShort') }
            : { to: `/accounting/invoices/${s.invoiceId}`, label: t('accounting.invoice.appliedTo') };
        return (
          <List.Item extra={formatAmount(s.amount, invoice.currency)}>
            <Flex vertical gap={2}>
              <span>
                {other.label} <Link to={other.to}>{s.number ?? ''}</Link>
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDate(s.date)}
                {Number(s.fxDifference)
                  ? ` · ${t('accounting.invoice.fxDifference')} ${formatAmount(s.fxDifference)}`
                  : ''}
              </Typography.Text>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}

/** An invoice, credit note or bill: header, lines, totals with tax and residual, settlements, actions. */
export function InvoicePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const canSeeEntries = useHasPermission('accounting.entry.read');
  const { id = '' } = useParams();
  const invoice = useInvoice(id);
  if (invoice.isPending) return <Skeleton active />;
  if (invoice.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, invoice.error)}
        extra={
          <Button onClick={() => navigate('/accounting/invoices')}>
            {t('accounting.invoices.backToList')}
          </Button>
        }
      />
    );
  const data = invoice.data;
  const none = t('common.none');
  return (
    <>
      <Link to="/accounting/invoices" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('accounting.invoices.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="invoice-number">
              {data.number ?? t('accounting.invoice.draftNumber')}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <Tag>{t(`accounting.invoiceKind.${data.kind}`)}</Tag>
              <InvoiceStateTag state={data.state} />
              {data.state === 'posted' ? <PaymentStateTag state={data.paymentState} /> : null}
              <Link to={`/crm/customers/${data.partnerId}`}>{data.partnerName ?? data.partnerId}</Link>
              {data.cancelReason ? <Tag color="red">{data.cancelReason}</Tag> : null}
            </Flex>
          </Flex>
          <Flex gap={8} wrap align="flex-start">
            <InvoiceActions invoice={data} />
            <RecordHistory entity="accounting.invoice" entityId={data.id} />
          </Flex>
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('accounting.invoice.invoiceDate')}>
            {formatDate(data.invoiceDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('accounting.invoice.dueDate')}>
            {formatDate(data.dueDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('accounting.invoice.currency')}>
            {data.currency}
            {Number(data.rate) !== 1 ? ` · ${data.rate}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('accounting.invoice.eInvoiceNumber')}>
            <span data-testid="invoice-e-number">
              {data.eInvoiceNumber ? `${data.eInvoiceNumber} (${formatDate(data.eInvoiceDate)})` : none}
            </span>
          </Descriptions.Item>
          {data.originType?.startsWith('sales') && data.originId ? (
            <Descriptions.Item label={t('accounting.invoice.origin')}>
              <Link to={`/sales/orders/${data.originId}`}>{data.originNumber ?? data.originId}</Link>
            </Descriptions.Item>
          ) : null}
          {data.creditNoteOf ? (
            <Descriptions.Item label={t('accounting.invoice.creditNoteOf')}>
              <Link to={`/accounting/invoices/${data.creditNoteOf}`}>
                {t('accounting.invoice.openOriginal')}
              </Link>
            </Descriptions.Item>
          ) : null}
          {data.entryId && canSeeEntries ? (
            <Descriptions.Item label={t('accounting.invoice.entry')}>
              <Link to={`/accounting/entries/${data.entryId}`} data-testid="invoice-entry-link">
                {t('accounting.invoice.openEntry')}
              </Link>
            </Descriptions.Item>
          ) : null}
          {data.reference ? (
            <Descriptions.Item label={t('accounting.invoice.reference')}>{data.reference}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={17}>
          <Card title={t('accounting.invoice.lines')}>
            <Lines invoice={data} />
            <Totals invoice={data} />
            {data.notes ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {data.notes}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xxl={7}>
          <Card title={t('accounting.invoice.settlements')} size="small">
            <Settlements invoice={data} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
