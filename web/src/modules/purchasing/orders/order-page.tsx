import { ArrowLeftOutlined, ClockCircleOutlined } from '@ant-design/icons';
import {
  Alert,
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
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission, useSession } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { formatAmount, formatPrice, formatQty, sign } from '../../catalog/shared/numbers.ts';
import { PickingStateTag } from '../../inventory/shared/picking-state-tag.tsx';
import { useWarehouseName } from '../../inventory/shared/warehouse-select.tsx';
import { purchasingPrintUrl, useBills, useOrderReceipts, usePurchaseOrder } from '../queries.ts';
import { BillStateTag, PurchaseOrderStateTag } from '../shared/state-tags.tsx';
import type { Order, OrderLine } from '../types.ts';
import { PurchaseOrderActions } from './order-actions.tsx';

function OrderLines({ order }: { order: Order }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<OrderLine> = [
    {
      title: t('purchasing.lines.product'),
      key: 'product',
      render: (_, line) => (
        <Flex vertical style={{ minWidth: 130 }}>
          <Typography.Text strong>{line.sku}</Typography.Text>
          <span>{line.productName}</span>
          {line.description && line.description !== line.productName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {line.description}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('purchasing.lines.ordered'),
      key: 'qty',
      align: 'right',
      render: (_, line) => `${formatQty(line.qty)} ${line.uomCode}`,
    },
    {
      title: t('purchasing.lines.received'),
      dataIndex: 'qtyReceived',
      align: 'right',
      render: (v: string) => <span data-testid="line-received">{formatQty(v)}</span>,
    },
    {
      title: t('purchasing.lines.billed'),
      dataIndex: 'qtyBilled',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('purchasing.lines.unitPrice'),
      dataIndex: 'unitPrice',
      align: 'right',
      render: (v: string) => formatPrice(v),
    },
    {
      title: t('purchasing.lines.tax'),
      key: 'tax',
      align: 'right',
      responsive: ['md'],
      render: (_, line) =>
        line.taxCode ? `${line.taxCode} · ${formatAmount(line.tax, null)}` : t('common.none'),
    },
    {
      title: t('purchasing.lines.total'),
      dataIndex: 'total',
      align: 'right',
      render: (v: string) => <Typography.Text strong>{formatAmount(v, order.currency)}</Typography.Text>,
    },
  ];
  return (
    <Table<OrderLine>
      rowKey="id"
      columns={columns}
      dataSource={order.lines}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      data-testid="po-lines"
    />
  );
}

function Totals({ order }: { order: Order }) {
  const { t } = useTranslation();
  return (
    <Flex wrap justify="flex-end" gap={24} style={{ marginTop: 12 }} data-testid="po-totals">
      <span>
        {t('purchasing.totals.subtotal')}: {formatAmount(order.subtotal, order.currency)}
      </span>
      <span>
        {t('purchasing.totals.tax')}: {formatAmount(order.taxTotal, order.currency)}
      </span>
      <Typography.Text strong data-testid="po-total">
        {t('purchasing.totals.total')}: {formatAmount(order.total, order.currency)}
      </Typography.Text>
    </Flex>
  );
}

/** The inventory receipts made at confirmation (and their backorders), linked to the receipt screen. */
function Receipts({ order }: { order: Order }) {
  const { t } = useTranslation();
  const canSee = useHasPermission('inventory.receipt.read');
  const confirmed = Boolean(order.confirmedAt);
  const receipts = useOrderReceipts(order.id, canSee && confirmed);
  if (!confirmed)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('purchasing.order.noReceiptYet')} />;
  if (!canSee)
    return (
      <Flex vertical gap={4} data-testid="po-receipts">
        <Typography.Text type="secondary">{t('purchasing.order.receiptsHidden')}</Typography.Text>
        {order.receiptId && order.lines.some((line) => sign(line.qtyReceived) > 0) ? (
          <a
            href={purchasingPrintUrl(order.id, currentLocale(), order.receiptId)}
            target="_blank"
            rel="noreferrer"
          >
            {t('purchasing.order.printGrn')}
          </a>
        ) : null}
      </Flex>
    );
  return (
    <List
      size="small"
      loading={receipts.isPending}
      dataSource={receipts.data ?? []}
      data-testid="po-receipts"
      renderItem={(receipt) => (
        <List.Item>
          <Flex vertical gap={2}>
            <Flex gap={8} align="center" wrap>
              <Link to={`/inventory/receipts/${receipt.id}`} data-testid="po-receipt-link">
                {receipt.number}
              </Link>
              <PickingStateTag state={receipt.state} />
              {receipt.state === 'done' ? (
                <a
                  href={purchasingPrintUrl(order.id, currentLocale(), receipt.id)}
                  target="_blank"
                  rel="noreferrer"
                  data-testid="po-grn-print"
                >
                  {t('purchasing.order.printGrn')}
                </a>
              ) : null}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {receipt.doneAt
                ? t('purchasing.order.receivedAt', { date: formatDate(receipt.doneAt) })
                : t('purchasing.order.scheduled', {
                    date: formatDate(receipt.scheduledDate) || t('common.none'),
                  })}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

function Bills({ order }: { order: Order }) {
  const { t } = useTranslation();
  const canSee = useHasPermission('purchasing.bill.read');
  const bills = useBills({ orderId: order.id }, canSee);
  const rows = flattenPages(bills.data);
  if (!canSee) return null;
  return (
    <Card title={t('purchasing.order.bills')} size="small">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('purchasing.order.noBills')} />
      ) : (
        <List
          size="small"
          dataSource={rows}
          data-testid="po-bills"
          renderItem={(bill) => (
            <List.Item>
              <Flex gap={8} align="center" wrap>
                <Link to={`/purchasing/bills/${bill.id}`}>{bill.reference || formatDate(bill.billDate)}</Link>
                <BillStateTag state={bill.state} />
                <span>{formatAmount(bill.total, bill.currency)}</span>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** A purchase order: header, state actions, lines with received and billed quantities, receipts, bills. */
export function PurchaseOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const warehouseName = useWarehouseName();
  const companyCurrency = useSession().company.currency;
  const { id = '' } = useParams();
  const order = usePurchaseOrder(id);

  if (order.isPending) return <Skeleton active />;
  if (order.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, order.error)}
        extra={
          <Button onClick={() => navigate('/purchasing/orders')}>{t('purchasing.orders.backToList')}</Button>
        }
      />
    );
  const data = order.data;
  return (
    <>
      <Link to="/purchasing/orders" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('purchasing.orders.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="po-number">
              {data.number}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <PurchaseOrderStateTag state={data.state} />
              <Link to={`/purchasing/suppliers/${data.supplierId}`}>
                {data.supplierCode} · {data.supplierName}
              </Link>
            </Flex>
          </Flex>
          <PurchaseOrderActions order={data} />
        </Flex>
        {data.state === 'awaiting_approval' ? (
          <Alert
            type="warning"
            showIcon
            icon={<ClockCircleOutlined />}
            style={{ marginTop: 12 }}
            title={t('purchasing.order.awaitingApproval')}
            data-testid="po-awaiting-approval"
          />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('purchasing.order.orderDate')}>
            {formatDate(data.orderDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.order.expectedDate')}>
            <span data-testid="po-expected">{formatDate(data.expectedDate) || t('common.none')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.order.warehouse')}>
            {warehouseName(data.warehouseId)}
          </Descriptions.Item>
          <Descriptions.Item label={t('purchasing.order.paymentTerm')}>
            {data.paymentTermCode ?? t('common.none')}
          </Descriptions.Item>
          {data.currency !== companyCurrency ? (
            <Descriptions.Item label={t('purchasing.order.totalCompany')}>
              {formatAmount(data.totalCompany, companyCurrency)} ({data.exchangeRate})
            </Descriptions.Item>
          ) : null}
          {data.notes ? (
            <Descriptions.Item label={t('purchasing.common.notes')}>{data.notes}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={17}>
          <Card title={t('purchasing.order.lines')}>
            <OrderLines order={data} />
            <Totals order={data} />
          </Card>
        </Col>
        <Col xs={24} xxl={7}>
          <Flex vertical gap={16}>
            <Card title={t('purchasing.order.receipts')} size="small">
              <Receipts order={data} />
            </Card>
            <Bills order={data} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
