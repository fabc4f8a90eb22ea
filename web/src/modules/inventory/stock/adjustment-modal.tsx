import { Alert, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { decimalPattern, SIGNED_QTY, sign } from '../../catalog/shared/numbers.ts';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import type { Product } from '../../catalog/types.ts';
import { useAdjustStock } from '../queries.ts';
import { useDefaultWarehouse, WarehouseSelect } from '../shared/warehouse-select.tsx';

const COST = decimalPattern(6);

interface Values {
  warehouseId: string;
  productId: string;
  qty: string;
  lotNo?: string;
  expiryDate?: Dayjs | null;
  unitCost?: string;
  reason: string;
}

/** A quick stock entry or correction: + adds stock, − takes it away, with the reason on record. */
export function AdjustmentModal({
  open,
  onClose,
  productId,
}: {
  open: boolean;
  onClose: () => void;
  productId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const adjust = useAdjustStock();
  const warehouse = useDefaultWarehouse();
  const [product, setProduct] = useState<Product | null>(null);
  const required = { required: true, whitespace: true, message: t('catalog.common.required') };
  const submit = async () => {
    // antd shows the field errors itself; a rejected check must not become an unhandled rejection.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    adjust.mutate(
      {
        warehouseId: values.warehouseId,
        productId: values.productId,
        qty: values.qty.trim(),
        reason: values.reason.trim(),
        ...(values.lotNo?.trim() ? { lotNo: values.lotNo.trim() } : {}),
        ...(values.expiryDate ? { expiryDate: values.expiryDate.format('YYYY-MM-DD') } : {}),
        ...(values.unitCost?.trim() ? { unitCost: values.unitCost.trim() } : {}),
      },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('inventory.adjust.title')}
      okText={t('inventory.adjust.submit')}
      confirmLoading={adjust.isPending}
      onOk={submit}
      onCancel={() => {
        adjust.reset();
        onClose();
      }}
      destroyOnHidden
      data-testid="adjust-modal"
    >
      {adjust.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, adjust.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ warehouseId: warehouse?.id, productId }}
        requiredMark="optional"
      >
        <Form.Item
          name="warehouseId"
          label={t('inventory.stock.warehouse')}
          rules={[{ required: true, message: t('catalog.common.required') }]}
        >
          <WarehouseSelect />
        </Form.Item>
        <Form.Item
          name="productId"
          label={t('inventory.stock.product')}
          rules={[{ required: true, message: t('catalog.common.required') }]}
        >
          <ProductSelect onPicked={setProduct} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="qty"
              label={t('inventory.adjust.qty')}
              extra={t('inventory.adjust.qtyHint')}
              rules={[
                required,
                { pattern: SIGNED_QTY, message: t('catalog.common.decimalInvalid') },
                {
                  validator: (_, v) =>
                    sign(v) === 0 && v
                      ? Promise.reject(new Error(t('inventory.adjust.notZero')))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input inputMode="decimal" suffix={product?.uomCode} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="unitCost"
              label={t('inventory.adjust.unitCost')}
              rules={[{ pattern: COST, message: t('catalog.common.decimalInvalid') }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          {product?.lotTracked ? (
            <>
              <Col xs={24} sm={12}>
                <Form.Item name="lotNo" label={t('inventory.stock.lot')} rules={[required]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="expiryDate"
                  label={t('inventory.stock.expiry')}
                  rules={
                    product.expiryTracked ? [{ required: true, message: t('catalog.common.required') }] : []
                  }
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
        <Form.Item name="reason" label={t('inventory.adjust.reason')} rules={[required]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
