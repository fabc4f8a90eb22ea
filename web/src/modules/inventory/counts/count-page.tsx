import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Result,
  Skeleton,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatQty, QTY } from '../../catalog/shared/numbers.ts';
import { useCountLine, usePostStockCount, useStockCount } from '../queries.ts';
import { ScanInput } from '../shared/scan-input.tsx';
import { useWarehouseName } from '../shared/warehouse-select.tsx';
import type { StockCountLine } from '../types.ts';
import { CountStateTag } from './counts-page.tsx';

/** counted − expected, or null while the line is not counted. */
export function difference(line: StockCountLine): string | null {
  if (line.countedQty === null || line.countedQty === undefined) return null;
  return new Decimal(line.countedQty).minus(line.expectedQty).toFixed();
}

function Difference({ line }: { line: StockCountLine }) {
  const { t } = useTranslation();
  const diff = difference(line);
  if (diff === null)
    return <Typography.Text type="secondary">{t('inventory.counts.notCounted')}</Typography.Text>;
  const d = new Decimal(diff);
  return (
    <Typography.Text
      type={d.isZero() ? 'secondary' : d.isNegative() ? 'danger' : 'success'}
      strong={!d.isZero()}
    >
      {d.gt(0) ? '+' : ''}
      {formatQty(diff)}
    </Typography.Text>
  );
}

function CountedInput({ line, onSave }: { line: StockCountLine; onSave: (qty: string) => void }) {
  const [value, setValue] = useState<string | null>(null);
  const shown = value ?? (line.countedQty === null ? '' : new Decimal(line.countedQty).toFixed());
  const commit = () => {
    if (value === null) return;
    if (QTY.test(value.trim())) onSave(value.trim());
    setValue(null);
  };
  return (
    <Input
      inputMode="decimal"
      style={{ width: 100 }}
      value={shown}
      status={value === null || value === '' || QTY.test(value.trim()) ? undefined : 'error'}
      onChange={(event) => setValue(event.target.value)}
      onPressEnter={commit}
      onBlur={commit}
      data-testid={`counted-${line.sku ?? line.productId}`}
    />
  );
}

/** The count screen: each scan adds one (or the packaging's factor); quantities may be typed; post. */
export function CountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const pick = useLocalized();
  const { id = '' } = useParams();
  const count = useStockCount(id);
  const saveLine = useCountLine(id);
  const post = usePostStockCount(count.data);
  const canManage = useHasPermission('inventory.count.manage');
  const warehouseName = useWarehouseName();

  if (count.isPending) return <Skeleton active />;
  if (count.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, count.error)}
        extra={
          <Button onClick={() => navigate('/inventory/counts')}>{t('inventory.counts.backToList')}</Button>
        }
      />
    );
  const data = count.data;
  const lines = data.lines ?? [];
  const open = data.state === 'counting' && canManage;
  const fail = (err: unknown) => message.error(errorMessage(t, err));

  // The server knows packaging barcodes: a box's code adds the box's factor, anything else one unit.
  const onScan = async (code: string) => {
    try {
      const line = await saveLine.mutateAsync({ code, countedQty: '1', add: true });
      message.success(
        t('inventory.counts.scanned', { code: line.sku ?? code, qty: formatQty(line.countedQty) }),
        1,
      );
    } catch (err) {
      fail(err);
    }
  };

  const columns: TableColumnsType<StockCountLine> = [
    {
      title: t('inventory.stock.product'),
      key: 'product',
      render: (_, line) => (
        <Flex vertical style={{ minWidth: 120 }}>
          <Typography.Text strong>{line.sku}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {pick(line.productName)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('inventory.stock.location'), dataIndex: 'locationCode', responsive: ['md'] },
    {
      title: t('inventory.stock.lot'),
      dataIndex: 'lotNo',
      responsive: ['sm'],
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('inventory.counts.expected'),
      dataIndex: 'expectedQty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('inventory.counts.counted'),
      key: 'counted',
      render: (_, line) =>
        open ? (
          <CountedInput
            line={line}
            onSave={(countedQty) =>
              saveLine.mutate(
                {
                  productId: line.productId,
                  locationId: line.locationId,
                  ...(line.lotNo ? { lotNo: line.lotNo } : {}),
                  countedQty,
                },
                { onError: fail },
              )
            }
          />
        ) : (
          formatQty(line.countedQty)
        ),
    },
    {
      title: t('inventory.counts.difference'),
      key: 'difference',
      align: 'right',
      render: (_, line) => <Difference line={line} />,
    },
  ];
  const uncounted = lines.filter((line) => line.countedQty === null).length;
  const changed = lines.filter((line) => {
    const diff = difference(line);
    return diff !== null && !new Decimal(diff).isZero();
  }).length;

  return (
    <>
      <Link to="/inventory/counts" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('inventory.counts.backToList')}
      </Link>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="center">
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="count-number">
              {data.number}
            </Typography.Title>
            <CountStateTag state={data.state} />
            <Typography.Text type="secondary">
              {warehouseName(data.warehouseId)} · {formatDate(data.countDate)}
            </Typography.Text>
          </Flex>
          {open ? (
            <Popconfirm
              title={t('inventory.counts.postConfirm', { changed, uncounted })}
              onConfirm={() =>
                post.mutate(undefined, {
                  onSuccess: () => message.success(t('inventory.counts.posted')),
                  onError: fail,
                })
              }
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={post.isPending}
                data-testid="count-post"
              >
                {t('inventory.counts.post')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Card>
      <Card>
        <Flex vertical gap={12}>
          {open ? <ScanInput onScan={onScan} placeholder={t('inventory.scan.placeholder')} /> : null}
          {open ? (
            <Alert
              type="info"
              showIcon
              title={t('inventory.counts.summary', { lines: lines.length, uncounted, changed })}
            />
          ) : null}
          <Table<StockCountLine>
            rowKey="id"
            columns={columns}
            dataSource={lines}
            pagination={false}
            size="middle"
            scroll={{ x: 'max-content' }}
            data-testid="count-lines"
          />
        </Flex>
      </Card>
    </>
  );
}
