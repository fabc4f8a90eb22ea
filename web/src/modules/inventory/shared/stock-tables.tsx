import { Alert, Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { formatDate } from '../../../components/format.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatQty, sign } from '../../catalog/shared/numbers.ts';
import { useMoves, useStock } from '../queries.ts';
import type { StockFilters, StockMove, StockRow } from '../types.ts';
import { useWarehouseName } from './warehouse-select.tsx';

function Qty({ value, warnNegative = false }: { value: string; warnNegative?: boolean }) {
  const negative = warnNegative && sign(value) < 0;
  return <Typography.Text type={negative ? 'danger' : undefined}>{formatQty(value)}</Typography.Text>;
}

export function ProductCell({ id, sku, name }: { id: string; sku?: string; name?: unknown }) {
  const pick = useLocalized();
  const label = pick(name as Record<string, string> | string | null);
  return (
    <Flex vertical style={{ minWidth: 120 }}>
      <Link to={`/inventory/products/${id}`}>{sku ?? id.slice(0, 8)}</Link>
      {label ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** Balances per warehouse, location and lot (GET /stock), with "load more". */
export function StockTable({
  filters,
  showProduct = true,
}: {
  filters: StockFilters;
  showProduct?: boolean;
}) {
  const { t } = useTranslation();
  const stock = useStock(filters);
  const warehouseName = useWarehouseName();
  const rows = flattenPages(stock.data);
  const columns: TableColumnsType<StockRow> = [
    ...(showProduct
      ? [
          {
            title: t('inventory.stock.product'),
            key: 'product',
            render: (_: unknown, row: StockRow) => (
              <ProductCell id={row.productId} sku={row.sku} name={row.productName} />
            ),
          },
        ]
      : []),
    {
      title: t('inventory.stock.warehouse'),
      dataIndex: 'warehouseId',
      render: (warehouseId: string) => warehouseName(warehouseId),
    },
    { title: t('inventory.stock.location'), dataIndex: 'locationCode', responsive: ['md'] },
    {
      title: t('inventory.stock.lot'),
      dataIndex: 'lotNo',
      render: (lotNo: string | null, row) =>
        lotNo ? (
          <Flex vertical>
            <Typography.Text code>{lotNo}</Typography.Text>
            {row.expiryDate ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('inventory.stock.expires', { date: formatDate(row.expiryDate) })}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('inventory.stock.onHand'),
      dataIndex: 'onHand',
      align: 'right',
      render: (v) => <Qty value={v} warnNegative />,
    },
    {
      title: t('inventory.stock.reserved'),
      dataIndex: 'reserved',
      align: 'right',
      responsive: ['sm'],
      render: (v) => <Qty value={v} />,
    },
    {
      title: t('inventory.stock.available'),
      dataIndex: 'available',
      align: 'right',
      render: (v) => <Qty value={v} warnNegative />,
    },
  ];
  return (
    <>
      {stock.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, stock.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<StockRow>
        rowKey={(row) => row.id ?? `${row.productId}:${row.locationId}:${row.lotId ?? ''}`}
        columns={columns}
        dataSource={rows}
        loading={stock.isFetching && !stock.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="stock-table"
      />
      {stock.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => stock.fetchNextPage()} loading={stock.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}

const MOVE_COLORS: Record<string, string> = {
  receipt: 'green',
  delivery: 'orange',
  adjustment: 'blue',
  transfer: 'cyan',
  scrap: 'red',
  return_in: 'purple',
  return_out: 'magenta',
};

export function MoveKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={MOVE_COLORS[kind] ?? 'default'}>
      {t(`inventory.moveKind.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}

/** The stock ledger, newest first (GET /stock/moves). */
export function MovesTable({
  filters,
  showProduct = true,
}: {
  filters: { productId?: string; warehouseId?: string; originId?: string };
  showProduct?: boolean;
}) {
  const { t } = useTranslation();
  const moves = useMoves(filters);
  const rows = flattenPages(moves.data);
  const columns: TableColumnsType<StockMove> = [
    { title: t('inventory.moves.date'), dataIndex: 'moveDate', render: (d: string) => formatDate(d) },
    {
      title: t('inventory.moves.kind'),
      dataIndex: 'kind',
      render: (kind: string) => <MoveKindTag kind={kind} />,
    },
    ...(showProduct
      ? [
          {
            title: t('inventory.stock.product'),
            key: 'product',
            render: (_: unknown, row: StockMove) => (
              <ProductCell id={row.productId} sku={row.sku} name={row.productName} />
            ),
          },
        ]
      : []),
    {
      title: t('inventory.moves.fromTo'),
      key: 'route',
      responsive: ['md'],
      render: (_, row) => `${row.fromLocationCode ?? '…'} → ${row.toLocationCode ?? '…'}`,
    },
    {
      title: t('inventory.stock.lot'),
      dataIndex: 'lotNo',
      responsive: ['lg'],
      render: (v) => v ?? t('common.none'),
    },
    {
      title: t('inventory.moves.qty'),
      dataIndex: 'qty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('inventory.moves.origin'),
      key: 'origin',
      render: (_, row) => row.originNumber || row.pickingNumber || row.note || t('common.none'),
    },
  ];
  return (
    <>
      {moves.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, moves.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<StockMove>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={moves.isFetching && !moves.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="moves-table"
      />
      {moves.hasNextPage ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => moves.fetchNextPage()} loading={moves.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
