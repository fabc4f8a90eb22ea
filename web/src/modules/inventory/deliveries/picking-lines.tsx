import { Flex, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../components/format.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatQty, QTY, sign } from '../../catalog/shared/numbers.ts';
import type { PickingLine } from '../types.ts';

/** What a line may take now: its reservation, or (nothing reserved) what is still open. */
export function lineTarget(line: PickingLine): string {
  if (sign(line.reservedQty) > 0) return line.reservedQty as string;
  return line.qty;
}

function Lots({ line }: { line: PickingLine }) {
  const { t } = useTranslation();
  const lots = line.lots ?? [];
  if (lots.length === 0) return <>{t('common.none')}</>;
  return (
    <Flex vertical gap={2}>
      {lots.map((lot) => (
        <Typography.Text
          key={`${lot.locationId}-${lot.lotId ?? ''}`}
          style={{ fontSize: 12, whiteSpace: 'nowrap' }}
        >
          {lot.locationCode ? `${lot.locationCode} · ` : ''}
          {lot.lotNo ? <Typography.Text code>{lot.lotNo}</Typography.Text> : null}
          {lot.expiryDate ? ` ${formatDate(lot.expiryDate)}` : ''} × {formatQty(lot.qty)}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** The lines of a delivery with the quantities ticked (scanned or typed) for this shipment. */
export function PickingLines({
  lines,
  ticked,
  editable,
  onTick,
}: {
  lines: PickingLine[];
  ticked: Record<string, string>;
  editable: boolean;
  onTick: (lineId: string, qty: string) => void;
}) {
  const { t } = useTranslation();
  const pick = useLocalized();
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
      title: t('inventory.stock.reserved'),
      dataIndex: 'reservedQty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('inventory.picking.done'),
      dataIndex: 'qtyDone',
      align: 'right',
      responsive: ['md'],
      render: (v: string) => formatQty(v),
    },
    {
      title: t('inventory.picking.toShip'),
      key: 'tick',
      render: (_, line) => {
        const value = ticked[line.id] ?? '';
        const target = lineTarget(line);
        const full = value !== '' && formatQty(value) === formatQty(target);
        return editable ? (
          <Flex gap={4} align="center">
            <Input
              inputMode="decimal"
              value={value}
              status={value === '' || QTY.test(value) ? undefined : 'error'}
              onChange={(event) => onTick(line.id, event.target.value.trim())}
              style={{ width: 90 }}
              data-testid={`tick-${line.sku}`}
            />
            {full ? <Tag color="green">✓</Tag> : null}
          </Flex>
        ) : (
          formatQty(value || '0')
        );
      },
    },
    { title: t('inventory.picking.lots'), key: 'lots', render: (_, line) => <Lots line={line} /> },
  ];
  return (
    <Table<PickingLine>
      rowKey="id"
      columns={columns}
      dataSource={lines}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      data-testid="picking-lines"
      rowClassName={(line) =>
        ticked[line.id] && formatQty(ticked[line.id]) === formatQty(lineTarget(line))
          ? 'picking-line-done'
          : ''
      }
    />
  );
}
