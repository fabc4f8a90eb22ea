import { Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatAmount, formatPrice, formatQty } from '../../catalog/shared/numbers.ts';
import type { LineView } from '../types.ts';
import { PriceSourceTag } from './price-source.tsx';

/** A saved document's lines, read only; `extra` adds columns (an order's progress, availability). */
export function LinesTable<T extends LineView>({
  lines,
  currency,
  extra = [],
  testId,
}: {
  lines: T[];
  currency: string;
  extra?: TableColumnsType<T>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const columns: TableColumnsType<T> = [
    {
      title: t('sales.lines.product'),
      key: 'product',
      render: (_, line): ReactNode => (
        <div style={{ minWidth: 140 }}>
          <Typography.Text strong>{line.sku}</Typography.Text>
          <div>{pick(line.productName)}</div>
          {line.description && !Object.values(line.productName).includes(line.description) ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {line.description}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      title: t('sales.lines.qty'),
      key: 'qty',
      align: 'right',
      render: (_, line) => `${formatQty(line.qty)} ${line.uomCode}`,
    },
    {
      title: t('sales.lines.unitPrice'),
      key: 'price',
      align: 'right',
      render: (_, line) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatPrice(line.unitPrice)} <PriceSourceTag source={line.priceSource} />
        </span>
      ),
    },
    {
      title: t('sales.lines.discount'),
      dataIndex: 'discountPercent',
      align: 'right',
      responsive: ['md'],
      render: (value: string) =>
        value && formatQty(value) !== '0' ? `${formatQty(value)} %` : t('common.none'),
    },
    {
      title: t('sales.lines.tax'),
      dataIndex: 'taxCode',
      responsive: ['lg'],
      render: (code) => code ?? t('common.none'),
    },
    ...extra,
    {
      title: t('sales.lines.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: string) => <Typography.Text strong>{formatAmount(total, currency)}</Typography.Text>,
    },
  ];
  return (
    <Table<T>
      rowKey="id"
      columns={columns}
      dataSource={lines}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );
}

export function TotalsLine({
  subtotal,
  tax,
  total,
  currency,
}: {
  subtotal: string;
  tax: string;
  total: string;
  currency: string;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: 24, marginTop: 12 }}>
      <span>
        {t('sales.totals.subtotal')}: {formatAmount(subtotal, currency)}
      </span>
      <span>
        {t('sales.totals.tax')}: {formatAmount(tax, currency)}
      </span>
      <Typography.Text strong data-testid="document-total">
        {t('sales.totals.total')}: {formatAmount(total, currency)}
      </Typography.Text>
    </div>
  );
}
