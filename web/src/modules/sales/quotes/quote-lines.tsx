import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Input, Row, Typography } from 'antd';
import { Decimal } from 'decimal.js';
import { type Dispatch, type ReactNode, type SetStateAction, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { usePrice, useProduct, useTaxCodes } from '../../catalog/queries.ts';
import { formatAmount, PERCENT, PRICE, QTY, sign } from '../../catalog/shared/numbers.ts';
import { ProductSelect, TaxCodeSelect, UnitSelect } from '../../catalog/shared/pickers.tsx';
import type { TaxCode } from '../../catalog/types.ts';
import { type LineAmounts, lineAmounts } from '../shared/amounts.ts';
import { LineAvailability } from '../shared/line-availability.tsx';
import { PriceSourceTag } from '../shared/price-source.tsx';
import { type DraftLine, emptyLine, withProduct } from './line-state.ts';

export interface PricingContext {
  customerId: string | null;
  currency: string;
  priceListId: string | null;
  warehouseId: string | null;
}

/** '128.0000' → '128.00', '2.1250' → '2.125': what a person would type. */
function tidyPrice(price: string): string {
  const d = new Decimal(price);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

/** The line's amounts by the tax code's rate, as the server will book them. */
export function amountsOf(line: DraftLine, taxCodes: TaxCode[] | undefined): LineAmounts | null {
  const tax = line.taxCode ? taxCodes?.find((code) => code.code === line.taxCode) : undefined;
  if (line.taxCode && !tax) return null;
  return lineAmounts({
    qty: line.qty,
    unitPrice: line.unitPrice,
    discountPercent: line.discountPercent,
    taxRate: tax?.rate ?? '0',
    taxIncluded: tax?.priceIncluded ?? false,
  });
}

function Field({ label, children, phone }: { label: string; children: ReactNode; phone: boolean }) {
  return (
    <Flex vertical gap={2}>
      {phone ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label}
        </Typography.Text>
      ) : null}
      {children}
    </Flex>
  );
}

function LineRow({
  line,
  index,
  context,
  onChange,
  onRemove,
}: {
  line: DraftLine;
  index: number;
  context: PricingContext;
  onChange: (line: DraftLine) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const loaded = useProduct(line.product ? null : line.productId);
  const product = line.product ?? loaded.data ?? null;
  const taxCodes = useTaxCodes();
  const qtyValid = QTY.test(line.qty.trim()) && sign(line.qty) > 0;
  const price = usePrice(
    line.productId && qtyValid
      ? {
          productId: line.productId,
          customerId: context.customerId,
          qty: line.qty.trim(),
          uomCode: line.uomCode || null,
          currency: context.currency,
          priceListId: context.priceListId,
        }
      : null,
  );
  const answer = price.data;
  // The price lists' answer fills the price unless the person typed one; the stock-unit quantity always.
  useEffect(() => {
    if (!answer) return;
    const unitPrice = line.manualPrice ? line.unitPrice : tidyPrice(answer.unitPrice);
    const priceSource = line.manualPrice ? line.priceSource : answer.source;
    if (unitPrice !== line.unitPrice || priceSource !== line.priceSource || answer.qtyBase !== line.qtyBase)
      onChange({ ...line, unitPrice, priceSource, qtyBase: answer.qtyBase ?? line.qtyBase });
  }, [answer, line, onChange]);

  const amounts = amountsOf(line, taxCodes.data);
  const units = product
    ? [
        ...new Set([
          product.uomCode,
          product.saleUomCode ?? product.uomCode,
          ...(product.units ?? []).map((u) => u.uomCode),
        ]),
      ]
    : line.uomCode
      ? [line.uomCode]
      : [];
  const invalid = (ok: boolean) => (ok ? undefined : ('error' as const));

  return (
    <Card size="small" styles={{ body: { padding: phone ? 10 : 12 } }} data-testid="quote-line">
      <Row gutter={[8, 8]} align="middle">
        <Col xs={24} md={7}>
          <Field label={t('sales.lines.product')} phone={phone}>
            <ProductSelect
              value={line.productId ?? undefined}
              initialLabel={line.productLabel}
              placeholder={t('sales.lines.pickProduct')}
              onPicked={(picked) => onChange({ ...withProduct(line, picked), productLabel: '' })}
              style={{ width: '100%' }}
              data-testid={`line-product-${index}`}
            />
          </Field>
        </Col>
        <Col xs={8} md={2}>
          <Field label={t('sales.lines.qty')} phone={phone}>
            <Input
              inputMode="decimal"
              value={line.qty}
              status={invalid(qtyValid)}
              onChange={(event) => onChange({ ...line, qty: event.target.value })}
              data-testid={`line-qty-${index}`}
            />
          </Field>
        </Col>
        <Col xs={8} md={2}>
          <Field label={t('sales.lines.unit')} phone={phone}>
            <UnitSelect
              only={units}
              value={line.uomCode || undefined}
              onChange={(uomCode) => onChange({ ...line, uomCode, manualPrice: false })}
              style={{ width: '100%' }}
            />
          </Field>
        </Col>
        <Col xs={8} md={3}>
          <Field label={t('sales.lines.unitPrice')} phone={phone}>
            <Flex vertical gap={2}>
              <Input
                inputMode="decimal"
                value={line.unitPrice}
                status={invalid(line.unitPrice === '' || PRICE.test(line.unitPrice.trim()))}
                onChange={(event) =>
                  onChange({
                    ...line,
                    unitPrice: event.target.value,
                    manualPrice: true,
                    priceSource: { kind: 'manual' },
                  })
                }
                data-testid={`line-price-${index}`}
              />
              <span>
                <PriceSourceTag source={line.priceSource} />
              </span>
            </Flex>
          </Field>
        </Col>
        <Col xs={8} md={2}>
          <Field label={t('sales.lines.discount')} phone={phone}>
            <Input
              inputMode="decimal"
              value={line.discountPercent}
              suffix="%"
              status={invalid(line.discountPercent === '' || PERCENT.test(line.discountPercent.trim()))}
              onChange={(event) => onChange({ ...line, discountPercent: event.target.value })}
            />
          </Field>
        </Col>
        <Col xs={16} md={3}>
          <Field label={t('sales.lines.tax')} phone={phone}>
            <TaxCodeSelect
              value={line.taxCode ?? undefined}
              onChange={(taxCode) => onChange({ ...line, taxCode: taxCode ?? null })}
              style={{ width: '100%' }}
            />
          </Field>
        </Col>
        <Col xs={18} md={4}>
          <Flex vertical align={phone ? 'flex-start' : 'flex-end'} gap={4}>
            <Typography.Text strong data-testid={`line-total-${index}`}>
              {amounts ? formatAmount(amounts.total, context.currency) : '—'}
            </Typography.Text>
            {product && product.kind !== 'service' ? (
              <LineAvailability
                productId={product.id}
                warehouseId={context.warehouseId}
                qtyBase={line.qtyBase}
                uomCode={product.uomCode}
              />
            ) : null}
          </Flex>
        </Col>
        <Col xs={6} md={1}>
          <Flex justify="flex-end">
            <Button icon={<DeleteOutlined />} aria-label={t('catalog.common.remove')} onClick={onRemove} />
          </Flex>
        </Col>
      </Row>
      {price.isError ? (
        <Alert type="warning" showIcon title={errorMessage(t, price.error)} style={{ marginTop: 8 }} />
      ) : null}
    </Card>
  );
}

/** The quote's lines: product, quantity, unit, price (from the price lists, rule shown), discount, tax. */
export function QuoteLines({
  lines,
  context,
  setLines,
}: {
  lines: DraftLine[];
  context: PricingContext;
  setLines: Dispatch<SetStateAction<DraftLine[]>>;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  // Functional updates: two lines whose prices arrive in the same render must not undo each other.
  const replace = (key: string) => (line: DraftLine) =>
    setLines((current) => current.map((old) => (old.key === key ? line : old)));
  return (
    <Flex vertical gap={8}>
      {phone ? null : (
        <Row gutter={8} style={{ padding: '0 12px' }}>
          {(
            [
              ['product', 7],
              ['qty', 2],
              ['unit', 2],
              ['unitPrice', 3],
              ['discount', 2],
              ['tax', 3],
              ['total', 4],
            ] as const
          ).map(([key, span]) => (
            <Col key={key} span={span} style={key === 'total' ? { textAlign: 'right' } : undefined}>
              <Typography.Text type="secondary">{t(`sales.lines.${key}`)}</Typography.Text>
            </Col>
          ))}
        </Row>
      )}
      {lines.map((line, index) => (
        <LineRow
          key={line.key}
          line={line}
          index={index}
          context={context}
          onChange={replace(line.key)}
          onRemove={() => setLines((current) => current.filter((old) => old.key !== line.key))}
        />
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => setLines((current) => [...current, emptyLine()])}
        style={{ width: 'fit-content' }}
        data-testid="add-line"
      >
        {t('sales.lines.add')}
      </Button>
    </Flex>
  );
}
