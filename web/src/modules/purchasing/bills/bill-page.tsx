import { ArrowLeftOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
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
import { Decimal } from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { formatAmount, formatPrice, formatQty } from '../../catalog/shared/numbers.ts';
import { useBill } from '../queries.ts';
import { BillStateTag } from '../shared/state-tags.tsx';
import type { Bill, BillLine } from '../types.ts';
import { BillActions } from './bill-actions.tsx';

/** '10.0000' → '10 %', rounded to two decimals. */
function percent(value: string): string {
  return `${formatQty(new Decimal(value).toDecimalPlaces(2).toFixed())} %`;
}

function MatchLines({ bill }: { bill: Bill }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<BillLine> = [
    {
      title: t('purchasing.lines.product'),
      dataIndex: 'sku',
      render: (sku: string) => <strong>{sku}</strong>,
    },
    {
      title: t('purchasing.bill.qtyBilled'),
      dataIndex: 'qty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('purchasing.bill.qtyBillable'),
      dataIndex: 'qtyBillable',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('purchasing.bill.qtyDiff'),
      dataIndex: 'qtyDiffPct',
      align: 'right',
      render: (v: string) => <span data-testid="line-qty-diff">{percent(v)}</span>,
    },
    {
      title: t('purchasing.bill.poPrice'),
      dataIndex: 'orderPrice',
      align: 'right',
      render: (v: string) => formatPrice(v),
    },
    {
      title: t('purchasing.bill.billedPrice'),
      dataIndex: 'unitPrice',
      align: 'right',
      render: (v: string) => formatPrice(v),
    },
    {
      title: t('purchasing.bill.priceDiff'),
      dataIndex: 'priceDiffPct',
      align: 'right',
      render: (v: string) => <span data-testid="line-price-diff">{percent(v)}</span>,
    },
    {
      title: t('purchasing.bill.match'),
      dataIndex: 'withinTolerance',
      render: (ok: boolean) =>
        ok ? (
          <Tag color="green">{t('purchasing.bill.withinTolerance')}</Tag>
        ) : (
          <Tag color="red" icon={<WarningOutlined />} data-testid="line-out-of-tolerance">
            {t('purchasing.bill.outOfTolerance')}
          </Tag>
        ),
    },
  ];
  return (
    <Table<BillLine>
      rowKey="id"
      columns={columns}
      dataSource={bill.lines ?? []}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      data-testid="bill-match-lines"
    />
  );
}

/** The accounting bill made at posting, linked when the reader may open accounting's invoices. */
function AccountingBill({ bill }: { bill: Bill }) {
  const { t } = useTranslation();
  const canOpen = useHasPermission('accounting.invoice.read');
  if (!bill.invoiceNumber) return <>{t('common.none')}</>;
  return bill.invoiceId && canOpen ? (
    <Link to={`/accounting/invoices/${bill.invoiceId}`} data-testid="bill-invoice">
      {bill.invoiceNumber}
    </Link>
  ) : (
    <span data-testid="bill-invoice">{bill.invoiceNumber}</span>
  );
}

/** A supplier bill: the 3-way match per line against the PO price and the received quantity, then posting. */
export function BillPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { id = '' } = useParams();
  const bill = useBill(id);
  if (bill.isPending) return <Skeleton active />;
  if (bill.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, bill.error)}
        extra={
          <Button onClick={() => navigate('/purchasing/bills')}>{t('purchasing.bills.backToList')}</Button>
        }
      />
    );
  const data = bill.data;
  return (
    <>
      <Link to="/purchasing/bills" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('purchasing.bills.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="bill-title">
              {data.reference || t('purchasing.bill.noReference')}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <BillStateTag state={data.state} />
              <Link to={`/purchasing/suppliers/${data.supplierId}`}>{data.supplierName}</Link>
              <Link to={`/purchasing/orders/${data.orderId}`}>{data.orderNumber}</Link>
            </Flex>
          </Flex>
          <BillActions bill={data} />
        </Flex>
        {data.state === 'match_blocked' ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('purchasing.bill.blockedHint', { tolerance: formatQty(data.tolerancePct) })}
            data-testid="bill-blocked"
          />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('purchasing.bill.billDate')}>
            {formatDate(data.billDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.bill.tolerance')}>
            <span data-testid="bill-tolerance">{formatQty(data.tolerancePct)} %</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.totals.subtotal')}>
            {formatAmount(data.subtotal, data.currency)}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.totals.total')}>
            <Typography.Text strong data-testid="bill-total">
              {formatAmount(data.total, data.currency)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.bill.accountingBill')}>
            <AccountingBill bill={data} />
          </Descriptions.Item>
          {data.varianceApprovedAt ? (
            <Descriptions.Item label={t('purchasing.bill.varianceApproved')}>
              {formatDateTime(data.varianceApprovedAt)}
              {data.varianceReason ? ` · ${data.varianceReason}` : ''}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('purchasing.bill.matchTitle')}>
        <MatchLines bill={data} />
      </Card>
    </>
  );
}
