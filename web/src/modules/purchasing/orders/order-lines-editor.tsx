import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Table, type TableColumnsType, Typography } from 'antd';
import { Decimal } from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { formatAmount, formatPrice, PRICE, QTY } from '../../catalog/shared/numbers.ts';
import { ProductSelect, TaxCodeSelect } from '../../catalog/shared/pickers.tsx';
import { applicablePrice } from '../shared/supplier-price.ts';
import type { SupplierPrice } from '../types.ts';

export interface DraftLine {
  key: string;
  productId: string | null;
  productLabel?: string;
  qty: string;
  /** Empty: the supplier's price (the server fills it in). */
  unitPrice: string;
  taxCode: string | null;
}

let counter = 0;
export function newDraftLine(): DraftLine {
  counter += 1;
  return { key: `new-${counter}`, productId: null, qty: '1', unitPrice: '', taxCode: null };
}

export function lineIsValid(line: DraftLine): boolean {
  return (
    Boolean(line.productId) && QTY.test(line.qty) && (line.unitPrice === '' || PRICE.test(line.unitPrice))
  );
}

/** The lines of a draft PO: product, quantity, price (placeholder: the supplier's price), input VAT. */
export function OrderLinesEditor({
  lines,
  onChange,
  prices,
  currency,
  today,
}: {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  prices: SupplierPrice[];
  currency: string;
  today: string;
}) {
  const { t } = useTranslation();
  const set = (key: string, patch: Partial<DraftLine>) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const supplierPrice = (line: DraftLine) =>
    line.productId ? applicablePrice(prices, line.productId, line.qty, currency, today) : null;

  const columns: TableColumnsType<DraftLine> = [
    {
      title: t('purchasing.lines.product'),
      key: 'product',
      render: (_, line, index) => (
        <ProductSelect
          value={line.productId ?? undefined}
          initialLabel={line.productLabel}
          placeholder={t('purchasing.lines.pickProduct')}
          style={{ width: 220 }}
          onChange={(productId) => set(line.key, { productId })}
          data-testid={`po-line-product-${index}`}
        />
      ),
    },
    {
      title: t('purchasing.lines.qty'),
      key: 'qty',
      render: (_, line, index) => (
        <Input
          inputMode="decimal"
          style={{ width: 90 }}
          value={line.qty}
          status={QTY.test(line.qty) ? undefined : 'error'}
          onChange={(event) => set(line.key, { qty: event.target.value.trim() })}
          data-testid={`po-line-qty-${index}`}
        />
      ),
    },
    {
      title: t('purchasing.lines.unitPrice'),
      key: 'price',
      render: (_, line, index) => {
        const found = supplierPrice(line);
        return (
          <Input
            inputMode="decimal"
            style={{ width: 110 }}
            value={line.unitPrice}
            placeholder={found ? formatPrice(found.price) : t('purchasing.lines.noPrice')}
            status={line.unitPrice === '' || PRICE.test(line.unitPrice) ? undefined : 'error'}
            onChange={(event) => set(line.key, { unitPrice: event.target.value.trim() })}
            data-testid={`po-line-price-${index}`}
          />
        );
      },
    },
    {
      title: t('purchasing.lines.taxCode'),
      key: 'tax',
      render: (_, line) => (
        <TaxCodeSelect
          kind="input"
          value={line.taxCode ?? undefined}
          onChange={(taxCode) => set(line.key, { taxCode: taxCode ?? null })}
          style={{ width: 130 }}
        />
      ),
    },
    {
      title: t('purchasing.lines.net'),
      key: 'net',
      align: 'right',
      render: (_, line) => {
        const price = line.unitPrice || supplierPrice(line)?.price;
        if (!price || !QTY.test(line.qty) || !PRICE.test(price)) return t('common.none');
        return (
          <Typography.Text type={line.unitPrice ? undefined : 'secondary'}>
            {formatAmount(new Decimal(line.qty).times(price).toFixed(), currency)}
          </Typography.Text>
        );
      },
    },
    {
      key: 'remove',
      render: (_, line) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('purchasing.common.delete')}
          disabled={lines.length === 1}
          onClick={() => onChange(lines.filter((other) => other.key !== line.key))}
        />
      ),
    },
  ];
  return (
    <>
      <Table<DraftLine>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="po-lines-editor"
      />
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => onChange([...lines, newDraftLine()])}
        data-testid="po-add-line"
      >
        {t('purchasing.lines.add')}
      </Button>
    </>
  );
}
