import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Popconfirm,
  Result,
  Skeleton,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Decimal } from 'decimal.js';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { lookupProduct } from '../../catalog/queries.ts';
import { formatPrice, formatQty, QTY, sign } from '../../catalog/shared/numbers.ts';
import { useReceipt, useValidateReceipt } from '../queries.ts';
import { PickingStateTag } from '../shared/picking-state-tag.tsx';
import { scanFactor, tick } from '../shared/scan.ts';
import { ScanInput } from '../shared/scan-input.tsx';
import { useWarehouseName } from '../shared/warehouse-select.tsx';
import type { PickingLine } from '../types.ts';

interface Entry {
  qty?: string;
  lotNo?: string;
  expiryDate?: string;
}

/** A goods receipt: quantities received (planned unless changed), lots and expiry, validate. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const pick = useLocalized();
  const { id = '' } = useParams();
  const receipt = useReceipt(id);
  const validate = useValidateReceipt(receipt.data);
  const canValidate = useHasPermission('inventory.receipt.validate');
  const warehouseName = useWarehouseName();
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [scanned, setScanned] = useState(false);
  // Scans come faster than renders: what was scanned so far is kept in a ref as well.
  const counted = useRef<Record<string, string>>({});

  if (receipt.isPending) return <Skeleton active />;
  if (receipt.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, receipt.error)}
        extra={
          <Button onClick={() => navigate('/inventory/receipts')}>
            {t('inventory.receipts.backToList')}
          </Button>
        }
      />
    );
  const data = receipt.data;
  const lines = data.lines ?? [];
  const open = !['done', 'cancelled'].includes(data.state) && canValidate;
  const set = (lineId: string, patch: Entry) => {
    // A typed quantity is where the next scan of that line goes on from.
    if (patch.qty !== undefined) counted.current = { ...counted.current, [lineId]: patch.qty };
    setEntries((old) => ({ ...old, [lineId]: { ...old[lineId], ...patch } }));
  };
  // Planned quantities until the first scan; from then on what was scanned (0 for lines not scanned yet).
  const remaining = (line: PickingLine) => (scanned ? '0' : new Decimal(line.qty).toFixed());

  const columns: TableColumnsType<PickingLine> = [
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
    {
      title: t('inventory.picking.demand'),
      key: 'qty',
      align: 'right',
      render: (_, line) => `${formatQty(line.qty)} ${line.uomCode ?? ''}`,
    },
    {
      title: t('inventory.adjust.unitCost'),
      dataIndex: 'unitCost',
      align: 'right',
      responsive: ['md'],
      render: (v: string | null) => formatPrice(v),
    },
    {
      title: t('inventory.receipts.received'),
      key: 'received',
      render: (_, line) =>
        open ? (
          <Input
            inputMode="decimal"
            style={{ width: 90 }}
            value={entries[line.id]?.qty ?? remaining(line)}
            status={QTY.test(entries[line.id]?.qty ?? remaining(line)) ? undefined : 'error'}
            onChange={(event) => set(line.id, { qty: event.target.value.trim() })}
          />
        ) : (
          formatQty(line.qtyDone)
        ),
    },
    {
      title: t('inventory.stock.lot'),
      key: 'lot',
      render: (_, line) =>
        open ? (
          <Flex gap={4} wrap>
            <Input
              style={{ width: 120 }}
              placeholder={t('inventory.stock.lot')}
              value={entries[line.id]?.lotNo ?? line.lotNo ?? ''}
              onChange={(event) => set(line.id, { lotNo: event.target.value })}
            />
            <DatePicker
              style={{ width: 140 }}
              placeholder={t('inventory.stock.expiry')}
              value={
                (entries[line.id]?.expiryDate ?? line.expiryDate)
                  ? dayjs(entries[line.id]?.expiryDate ?? line.expiryDate)
                  : null
              }
              onChange={(value) =>
                set(line.id, { expiryDate: value ? value.format('YYYY-MM-DD') : undefined })
              }
            />
          </Flex>
        ) : (
          `${line.lotNo ?? t('common.none')}${line.expiryDate ? ` · ${formatDate(line.expiryDate)}` : ''}`
        ),
    },
  ];

  const submit = () => {
    const chosen = lines
      .map((line) => {
        const entry = entries[line.id] ?? {};
        const qty = entry.qty ?? remaining(line);
        const lotNo = (entry.lotNo ?? line.lotNo ?? '').trim();
        const expiryDate = entry.expiryDate ?? line.expiryDate ?? undefined;
        return { lineId: line.id, qty, ...(lotNo ? { lotNo } : {}), ...(expiryDate ? { expiryDate } : {}) };
      })
      .filter((line) => QTY.test(line.qty) && sign(line.qty) > 0);
    validate.mutate(chosen.length > 0 ? chosen : undefined, {
      onSuccess: () => message.success(t('inventory.receipts.validated')),
    });
  };
  const onScan = async (code: string) => {
    try {
      const product = await lookupProduct(code);
      const result = tick(
        lines.map((line) => ({ id: line.id, productId: line.productId, target: line.qty })),
        counted.current,
        product.id,
        scanFactor(product, product.matchedUomCode),
      );
      if (!result.lineId)
        return void message.warning(t('inventory.scan.notOnDocument', { code: product.sku }));
      if (result.over) message.warning(t('inventory.scan.over', { code: product.sku }));
      counted.current = result.ticked;
      setScanned(true);
      setEntries((old) => {
        const next = { ...old };
        for (const line of lines) next[line.id] = { ...next[line.id], qty: result.ticked[line.id] ?? '0' };
        return next;
      });
    } catch (err) {
      message.error(errorMessage(t, err));
    }
  };

  return (
    <>
      <Link to="/inventory/receipts" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('inventory.receipts.backToList')}
      </Link>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" gap={12} wrap align="center">
          <Flex gap={8} align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="receipt-number">
              {data.number}
            </Typography.Title>
            <PickingStateTag state={data.state} />
            <Typography.Text type="secondary">
              {warehouseName(data.warehouseId)} · {formatDate(data.scheduledDate) || t('common.none')}
            </Typography.Text>
          </Flex>
          {open ? (
            <Popconfirm title={t('inventory.receipts.validateConfirm')} onConfirm={submit}>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={validate.isPending}
                data-testid="receipt-validate"
              >
                {t('inventory.receipts.validate')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      </Card>
      {validate.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, validate.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Card>
        <Flex vertical gap={12}>
          {open ? <ScanInput onScan={onScan} placeholder={t('inventory.scan.placeholder')} /> : null}
          <Table<PickingLine>
            rowKey="id"
            columns={columns}
            dataSource={lines}
            pagination={false}
            size="middle"
            scroll={{ x: 'max-content' }}
            data-testid="receipt-lines"
          />
        </Flex>
      </Card>
    </>
  );
}
