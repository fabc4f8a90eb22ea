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
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { formatAmount, formatQty, sign } from '../../catalog/shared/numbers.ts';
import { ProductCell } from '../../inventory/shared/stock-tables.tsx';
import { useWarehouseName } from '../../inventory/shared/warehouse-select.tsx';
import { useProductionOrder } from '../queries.ts';
import { StateTag } from '../shared/tags.tsx';
import type { ProductionLine, ProductionOrder, ProductionOutput } from '../types.ts';
import { ProductionActions } from './production-actions.tsx';

function Header({ order }: { order: ProductionOrder }) {
  const { t } = useTranslation();
  const warehouseName = useWarehouseName();
  const none = t('common.none');
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 12 }}>
      <Descriptions.Item label={t('manufacturing.common.product')}>
        <Link to={`/inventory/products/${order.productId}`}>{order.sku}</Link>&nbsp;{order.productName}
      </Descriptions.Item>
      <Descriptions.Item label={t('manufacturing.common.qty')}>{formatQty(order.qty)}</Descriptions.Item>
      <Descriptions.Item label={t('manufacturing.production.produced')}>
        <span data-testid="production-produced">{formatQty(order.qtyProduced)}</span>
        {sign(order.qtyScrapped) > 0
          ? ` · ${t('manufacturing.production.scrappedQty', { qty: formatQty(order.qtyScrapped) })}`
          : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('manufacturing.production.plannedStart')}>
        {formatDate(order.plannedStart) || none}
      </Descriptions.Item>
      <Descriptions.Item label={t('manufacturing.production.expectedFinish')}>
        <Typography.Text strong data-testid="production-finish-date">
          {formatDate(order.plannedFinish) || none}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('manufacturing.common.warehouse')}>
        {warehouseName(order.warehouseId)}
      </Descriptions.Item>
      <Descriptions.Item label={t('manufacturing.production.bom')}>
        <Link to={`/manufacturing/boms/${order.bomId}`}>{t('manufacturing.production.openBom')}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('manufacturing.production.origin')}>
        {order.originNumber ??
          (order.originType
            ? t(`manufacturing.peg.${order.originType}`, { defaultValue: order.originType })
            : none)}
      </Descriptions.Item>
      <Descriptions.Item label={t('manufacturing.production.consumedValue')}>
        {formatAmount(order.consumedValue)}
      </Descriptions.Item>
      <Descriptions.Item label={t('manufacturing.production.producedValue')}>
        {formatAmount(order.producedValue)}
      </Descriptions.Item>
      {order.doneAt ? (
        <Descriptions.Item label={t('manufacturing.production.doneAt')}>
          {formatDateTime(order.doneAt)}
        </Descriptions.Item>
      ) : null}
      {order.notes ? (
        <Descriptions.Item label={t('manufacturing.common.notes')}>{order.notes}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

function Components({ order }: { order: ProductionOrder }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProductionLine> = [
    { title: '#', dataIndex: 'position', width: 48 },
    {
      title: t('manufacturing.production.component'),
      key: 'product',
      render: (_, line) => (
        <Flex gap={4} align="center">
          <ProductCell id={line.productId} sku={line.sku} name={line.productName} />
          {line.substituteOf ? <Tag>{t('manufacturing.bom.substitute')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('manufacturing.production.planned'),
      dataIndex: 'qtyPlanned',
      align: 'right',
      render: (v: string, line) => `${formatQty(v)} ${line.uomCode}`,
    },
    {
      title: t('manufacturing.production.reserved'),
      dataIndex: 'qtyReserved',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('manufacturing.production.consumed'),
      dataIndex: 'qtyConsumed',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('manufacturing.production.consumedValue'),
      dataIndex: 'consumedValue',
      align: 'right',
      responsive: ['sm'],
      render: (v: string) => formatAmount(v),
    },
  ];
  return (
    <Table<ProductionLine>
      rowKey="id"
      columns={columns}
      dataSource={order.lines}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      data-testid="production-lines"
    />
  );
}

function Outputs({ order }: { order: ProductionOrder }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProductionOutput> = [
    {
      title: t('manufacturing.production.at'),
      dataIndex: 'createdAt',
      render: (d: string) => formatDateTime(d),
    },
    {
      title: t('manufacturing.production.outputKind'),
      dataIndex: 'kind',
      render: (kind: string) => (
        <Tag color={kind === 'produced' ? 'green' : 'red'}>
          {t(`manufacturing.production.output_${kind}`)}
        </Tag>
      ),
    },
    {
      title: t('manufacturing.common.qty'),
      dataIndex: 'qty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('manufacturing.production.unitCost'),
      dataIndex: 'unitCost',
      align: 'right',
      render: (v: string) => formatAmount(v, null, 4),
    },
    {
      title: t('manufacturing.production.value'),
      dataIndex: 'value',
      align: 'right',
      render: (v: string) => formatAmount(v),
    },
    {
      title: t('manufacturing.production.lot'),
      dataIndex: 'lotNo',
      render: (v: string | null) => v ?? t('common.none'),
    },
    { title: t('manufacturing.production.reason'), dataIndex: 'reason', responsive: ['md'] },
  ];
  return (
    <Table<ProductionOutput>
      rowKey="id"
      columns={columns}
      dataSource={order.outputs}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      data-testid="production-outputs"
    />
  );
}

/** One production order: its components (planned, reserved, consumed), outputs and the steps its state allows. */
export function ProductionOrderPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { id = '' } = useParams();
  const order = useProductionOrder(id);
  if (order.isPending) return <Skeleton active />;
  if (order.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, order.error)}
        extra={
          <Button onClick={() => navigate('/manufacturing/production-orders')}>
            {t('manufacturing.production.backToList')}
          </Button>
        }
      />
    );
  const data = order.data;
  return (
    <>
      <Link to="/manufacturing/production-orders" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('manufacturing.production.backToList')}
      </Link>
      <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="flex-start">
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="production-number">
              {data.number}
            </Typography.Title>
            <StateTag kind="production" state={data.state} testId="production-state" />
          </Flex>
          <Flex gap={8} wrap>
            <ProductionActions order={data} />
            <RecordHistory entity="manufacturing.production_order" entityId={data.id} />
          </Flex>
        </Flex>
        <Header order={data} />
      </Card>
      <Flex vertical gap={16}>
        <Card size="small" title={t('manufacturing.production.components')}>
          <Components order={data} />
        </Card>
        {data.outputs.length > 0 ? (
          <Card size="small" title={t('manufacturing.production.outputs')}>
            <Outputs order={data} />
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
