import { Alert, App, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { PRICE } from '../../catalog/shared/numbers.ts';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import { useSaveSupplierPrice } from '../queries.ts';
import { SupplierSelect } from '../shared/supplier-select.tsx';
import { testId } from '../shared/test-id.ts';
import type { SupplierPrice } from '../types.ts';

interface Values {
  supplierId?: string;
  productId?: string;
  price: string;
  currency?: string;
  minQty: string;
  leadTimeDays?: number | null;
  validity?: [Dayjs | null, Dayjs | null] | null;
  preferred: boolean;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** A supplier's price for a product: minimum quantity, own lead time, validity window, preferred flag. */
export function PriceModal({
  price,
  supplierId,
  productId,
  onClose,
}: {
  price?: SupplierPrice;
  /** Fixed when opened from a supplier's page. */
  supplierId?: string;
  /** Fixed when opened for one product. */
  productId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveSupplierPrice(price);
  const [form] = Form.useForm<Values>();
  const fixedSupplier = price?.supplierId ?? supplierId;
  const fixedProduct = price?.productId ?? productId;

  const submit = (values: Values) =>
    save.mutate(
      {
        supplierId: fixedSupplier ?? values.supplierId ?? '',
        productId: fixedProduct ?? values.productId ?? '',
        price: values.price.trim(),
        currency: values.currency?.trim().toUpperCase() || undefined,
        minQty: values.minQty.trim() || '0',
        leadTimeDays: values.leadTimeDays ?? null,
        validFrom: day(values.validity?.[0]),
        validTo: day(values.validity?.[1]),
        preferred: values.preferred,
      },
      {
        onSuccess: () => {
          message.success(t('purchasing.price.saved'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={price ? t('purchasing.price.editTitle', { sku: price.sku }) : t('purchasing.price.newTitle')}
      okText={t('common.save')}
      okButtonProps={testId('price-save')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, save.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          price: price?.price ?? '',
          currency: price?.currency,
          minQty: price?.minQty ?? '0',
          leadTimeDays: price?.leadTimeDays ?? null,
          validity: price
            ? [price.validFrom ? dayjs(price.validFrom) : null, price.validTo ? dayjs(price.validTo) : null]
            : null,
          preferred: price?.preferred ?? false,
        }}
      >
        {fixedSupplier ? null : (
          <Form.Item
            name="supplierId"
            label={t('purchasing.order.supplier')}
            rules={[{ required: true, message: t('purchasing.common.required') }]}
          >
            <SupplierSelect data-testid="price-supplier" />
          </Form.Item>
        )}
        {fixedProduct ? null : (
          <Form.Item
            name="productId"
            label={t('purchasing.lines.product')}
            rules={[{ required: true, message: t('purchasing.common.required') }]}
          >
            <ProductSelect data-testid="price-product" />
          </Form.Item>
        )}
        <Flex gap={12} wrap>
          <Form.Item
            name="price"
            label={t('purchasing.price.price')}
            rules={[{ required: true, pattern: PRICE, message: t('purchasing.common.decimal') }]}
            style={{ flex: '1 1 120px' }}
          >
            <Input inputMode="decimal" data-testid="price-price" />
          </Form.Item>
          <Form.Item
            name="currency"
            label={t('purchasing.supplier.currency')}
            tooltip={t('purchasing.price.currencyHint')}
            rules={[{ pattern: /^[A-Za-z]{3}$/, message: t('purchasing.supplier.currencyInvalid') }]}
            style={{ flex: '0 1 100px' }}
          >
            <Input maxLength={3} />
          </Form.Item>
          <Form.Item
            name="minQty"
            label={t('purchasing.price.minQty')}
            rules={[{ pattern: /^(0|\d{1,14}(\.\d{1,4})?)$/, message: t('purchasing.common.decimal') }]}
            style={{ flex: '0 1 110px' }}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="leadTimeDays"
            label={t('purchasing.price.leadTime')}
            tooltip={t('purchasing.price.leadTimeHint')}
            style={{ flex: '0 1 140px' }}
          >
            <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validity" label={t('purchasing.price.validity')} style={{ flex: '1 1 240px' }}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="preferred" valuePropName="checked">
          <Checkbox data-testid="price-preferred">{t('purchasing.price.preferred')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
