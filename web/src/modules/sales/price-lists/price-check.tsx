import { Alert, Card, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useSession } from '../../../app/auth/session.tsx';
import { usePrice } from '../../catalog/queries.ts';
import { formatPrice, formatQty, QTY } from '../../catalog/shared/numbers.ts';
import { ProductSelect, UnitSelect } from '../../catalog/shared/pickers.tsx';
import type { Product } from '../../catalog/types.ts';
import { CustomerPicker } from '../shared/customer-picker.tsx';
import { usePriceSourceText } from '../shared/price-source.tsx';

/** Product + customer + quantity → the price the server would use and the rule that gave it. */
export function PriceCheck() {
  const { t } = useTranslation();
  const session = useSession();
  const sourceText = usePriceSourceText();
  const [product, setProduct] = useState<Product | null>(null);
  const [customerId, setCustomerId] = useState<string | undefined>();
  const [qty, setQty] = useState('1');
  const [uomCode, setUomCode] = useState<string | undefined>();
  const validQty = QTY.test(qty.trim()) ? qty.trim() : '';
  const currency = product?.currency ?? session.company.currency;
  const price = usePrice(
    product
      ? {
          productId: product.id,
          customerId: customerId ?? null,
          qty: validQty,
          uomCode: uomCode ?? product.saleUomCode ?? product.uomCode,
          currency,
        }
      : null,
  );
  const units = product
    ? [
        product.uomCode,
        product.saleUomCode ?? '',
        ...(product.units ?? []).map((unit) => unit.uomCode),
      ].filter(Boolean)
    : [];

  return (
    <Card title={t('catalog.priceCheck.title')} size="small" data-testid="price-check">
      <Form layout="vertical">
        <Row gutter={8}>
          <Col xs={24} md={8}>
            <Form.Item label={t('catalog.priceLists.product')}>
              <ProductSelect
                value={product?.id}
                onPicked={(picked) => {
                  setProduct(picked);
                  setUomCode(undefined);
                }}
                placeholder={t('catalog.priceCheck.pickProduct')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('catalog.priceLists.customer')}>
              <CustomerPicker
                allowClear
                value={customerId}
                onChange={setCustomerId}
                placeholder={t('catalog.priceCheck.anyCustomer')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('sales.lines.qty')} validateStatus={validQty ? undefined : 'error'}>
              <Input
                inputMode="decimal"
                value={qty}
                onChange={(event) => setQty(event.target.value)}
                data-testid="price-check-qty"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('sales.lines.unit')}>
              <UnitSelect
                only={units}
                value={uomCode ?? product?.saleUomCode ?? product?.uomCode}
                onChange={setUomCode}
                disabled={!product}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {price.isError ? <Alert type="warning" showIcon title={errorMessage(t, price.error)} /> : null}
      {price.data ? (
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
          <Descriptions.Item label={t('catalog.priceCheck.unitPrice')}>
            <Typography.Text strong data-testid="price-check-price">
              {formatPrice(price.data.unitPrice, currency)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.priceCheck.source')}>
            {sourceText(price.data.source)}
          </Descriptions.Item>
          {price.data.unitPriceBase && product ? (
            <Descriptions.Item label={t('catalog.priceCheck.perStockUnit', { uom: product.uomCode })}>
              {formatPrice(price.data.unitPriceBase, currency)}
            </Descriptions.Item>
          ) : null}
          {price.data.qtyBase && product ? (
            <Descriptions.Item label={t('catalog.priceCheck.qtyBase')}>
              {formatQty(price.data.qtyBase)} {product.uomCode}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
    </Card>
  );
}
