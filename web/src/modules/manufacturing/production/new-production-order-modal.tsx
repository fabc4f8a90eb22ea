import { Alert, Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { QTY, sign } from '../../catalog/shared/numbers.ts';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import { useDefaultWarehouse, WarehouseSelect } from '../../inventory/shared/warehouse-select.tsx';
import { useCreateProductionOrder } from '../queries.ts';

interface Values {
  productId: string;
  warehouseId?: string;
  qty: string;
  plannedStart?: Dayjs | null;
  plannedFinish?: Dayjs | null;
  notes?: string;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** A production order by hand: product, warehouse, quantity and dates; the BOM in force gives the components. */
export function NewProductionOrderModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateProductionOrder();
  const warehouse = useDefaultWarehouse();
  const required = { required: true, message: t('catalog.common.required') };
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    create.mutate(
      {
        productId: values.productId,
        warehouseId: values.warehouseId,
        qty: values.qty.trim(),
        plannedStart: day(values.plannedStart),
        plannedFinish: day(values.plannedFinish),
        ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
      },
      {
        onSuccess: (order) => {
          form.resetFields();
          onClose();
          onCreated(order.id);
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('manufacturing.production.new')}
      okText={t('manufacturing.production.create')}
      confirmLoading={create.isPending}
      onOk={submit}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
    >
      {create.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ warehouseId: warehouse?.id }}
        requiredMark="optional"
      >
        <Form.Item name="productId" label={t('manufacturing.common.product')} rules={[required]}>
          <ProductSelect data-testid="production-product" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="warehouseId" label={t('manufacturing.common.warehouse')}>
              <WarehouseSelect />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="qty"
              label={t('manufacturing.common.qty')}
              rules={[
                required,
                { pattern: QTY, message: t('catalog.common.decimalInvalid') },
                {
                  validator: (_, v) =>
                    v && sign(v) <= 0
                      ? Promise.reject(new Error(t('manufacturing.common.positive')))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input inputMode="decimal" data-testid="production-qty" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="plannedStart" label={t('manufacturing.production.plannedStart')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="plannedFinish"
              label={t('manufacturing.production.plannedFinish')}
              extra={t('manufacturing.production.datesHint')}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('manufacturing.common.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
