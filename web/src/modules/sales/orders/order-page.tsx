import { ArrowLeftOutlined } from '@ant-design/icons';
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
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Decimal } from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { formatQty } from '../../catalog/shared/numbers.ts';
import { PickingStateTag } from '../../inventory/shared/picking-state-tag.tsx';
import { useOrder } from '../queries.ts';
import { LineAvailability } from '../shared/line-availability.tsx';
import { LinesTable, TotalsLine } from '../shared/lines-table.tsx';
import { OrderStateTag } from '../shared/state-tags.tsx';
import type { Order, OrderLine } from '../types.ts';
import { OrderActions } from './order-actions.tsx';

const OPEN = ['draft', 'awaiting_approval', 'confirmed', 'partly_delivered'];

function StatusTimeline({ order }: { order: Order }) {
  const { t } = useTranslation();
  const history = order.history ?? [];
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="order-history"
      items={history.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: entry.toState === 'cancelled' ? 'red' : entry.toState === 'delivered' ? 'green' : 'blue',
        content: (
          <Flex vertical gap={2} data-testid="order-history-entry" data-state={entry.toState}>
            <Typography.Text strong>
              {t(`sales.orderState.${entry.toState}`, { defaultValue: entry.toState })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(entry.at)}
              {entry.byName ? ` · ${entry.byName}` : ''}
            </Typography.Text>
            {entry.note ? <Typography.Text>{entry.note}</Typography.Text> : null}
          </Flex>
        ),
      }))}
    />
  );
}

function Deliveries({ order }: { order: Order }) {
  const { t } = useTranslation();
  const canOpen = useHasPermission('inventory.delivery.read');
  const deliveries = order.deliveries ?? [];
  if (deliveries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sales.order.noDeliveries')} />;
  return (
    <List
      size="small"
      dataSource={deliveries}
      data-testid="order-deliveries"
      renderItem={(delivery) => (
        <List.Item>
          <Flex vertical gap={2}>
            <Flex gap={8} align="center" wrap>
              {canOpen ? (
                <Link to={`/inventory/deliveries/${delivery.id}`}>{delivery.number}</Link>
              ) : (
                <Typography.Text strong>{delivery.number}</Typography.Text>
              )}
              <PickingStateTag state={delivery.state} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {delivery.doneAt
                ? t('sales.order.shippedAt', { at: formatDateTime(delivery.doneAt) })
                : t('sales.order.scheduled', {
                    date: formatDate(delivery.scheduledDate) || t('common.none'),
                  })}
              {delivery.carrier ? ` · ${delivery.carrier}` : ''}
              {delivery.trackingNo ? ` ${delivery.trackingNo}` : ''}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

function OrderLines({ order }: { order: Order }) {
  const { t } = useTranslation();
  const open = OPEN.includes(order.state);
  return (
    <LinesTable<OrderLine>
      lines={order.lines ?? []}
      currency={order.currency}
      testId="order-lines"
      extra={[
        {
          title: t('sales.lines.reserved'),
          dataIndex: 'qtyReserved',
          align: 'right',
          render: (v: string) => formatQty(v),
        },
        {
          title: t('sales.lines.delivered'),
          dataIndex: 'qtyDelivered',
          align: 'right',
          render: (v: string) => formatQty(v),
        },
        {
          title: t('sales.lines.expected'),
          dataIndex: 'expectedDate',
          responsive: ['md'],
          render: (d: string | null, line: OrderLine) => (
            <span data-testid="line-expected">
              {formatDate(d) || t('common.none')}
              {line.plannedBy ? (
                <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="line-planned-by">
                  {t('sales.lines.plannedBy', { number: line.plannedBy })}
                </Typography.Text>
              ) : null}
            </span>
          ),
        },
        ...(open
          ? [
              {
                title: t('sales.lines.availability'),
                key: 'availability',
                render: (_: unknown, line: OrderLine) => (
                  <LineAvailability
                    productId={line.productId}
                    warehouseId={order.warehouseId}
                    qtyBase={line.qtyBase}
                    reserved={addQty(line.qtyReserved, line.qtyDelivered)}
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Reserved plus delivered: what of the line is already covered. */
function addQty(a: string, b: string): string {
  return new Decimal(a).plus(b).toFixed();
}

/** A sales order: header, actions, lines with reservation and delivery progress, status timeline, deliveries. */
export function OrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { id = '' } = useParams();
  const order = useOrder(id);

  if (order.isPending) return <Skeleton active />;
  if (order.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, order.error)}
        extra={<Button onClick={() => navigate('/sales/orders')}>{t('sales.orders.backToList')}</Button>}
      />
    );
  const data = order.data;
  return (
    <>
      <Link to="/sales/orders" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('sales.orders.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex vertical gap={6} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="order-number">
              {data.number}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <OrderStateTag state={data.state} />
              <Link to={`/crm/customers/${data.customerId}`}>{data.customerName ?? data.customerId}</Link>
              {data.quoteId ? (
                <Link to={`/sales/quotes/${data.quoteId}`}>{t('sales.order.fromQuote')}</Link>
              ) : null}
              {data.cancelReason ? <Tag color="red">{data.cancelReason}</Tag> : null}
            </Flex>
          </Flex>
          <Flex gap={8} wrap align="flex-start">
            <OrderActions order={data} />
            <RecordHistory entity="sales.order" entityId={data.id} />
          </Flex>
        </Flex>
        {data.state === 'awaiting_approval' ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="order-approval-reason"
            title={t('sales.order.waitingFor', {
              reason:
                data.history?.findLast((h) => h.toState === 'awaiting_approval')?.note || t('common.none'),
            })}
          />
        ) : null}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('sales.order.orderDate')}>
            {formatDate(data.orderDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('sales.order.requestedDate')}>
            {formatDate(data.requestedDate) || t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('sales.quote.owner')}>
            {data.ownerName ?? t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('sales.order.paymentTerm')}>
            {data.paymentTermCode ?? t('common.none')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={17}>
          <Card title={t('sales.order.lines')}>
            <OrderLines order={data} />
            <TotalsLine
              subtotal={data.subtotal}
              tax={data.taxTotal}
              total={data.total}
              currency={data.currency}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={7}>
          <Flex vertical gap={16}>
            <Card title={t('sales.order.status')} size="small">
              <StatusTimeline order={data} />
            </Card>
            <Card title={t('sales.order.deliveries')} size="small">
              <Deliveries order={data} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
