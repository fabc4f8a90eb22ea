import { Alert, DatePicker, Form, Input, Modal, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { formatQty, QTY } from '../../catalog/shared/numbers.ts';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import { useDefaultWarehouse, WarehouseSelect } from '../../inventory/shared/warehouse-select.tsx';
import { useSavePlanning } from '../planning-queries.ts';
import type { Forecast } from '../types.ts';
import { PlanningTable } from './planning-table.tsx';

interface Values {
  productId: string;
  warehouseId: string;
  month: Dayjs;
  qty: string;
  notes?: string;
}

function ForecastModal({ forecast, onClose }: { forecast: Forecast | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSavePlanning('forecasts');
  const warehouse = useDefaultWarehouse();
  const required = { required: true, message: t('catalog.common.required') };
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const notes = values.notes?.trim() ?? '';
    save.mutate(
      forecast
        ? { itemId: forecast.id, body: { version: forecast.version, qty: values.qty.trim(), notes } }
        : {
            body: {
              productId: values.productId,
              warehouseId: values.warehouseId,
              month: values.month.format('YYYY-MM'),
              qty: values.qty.trim(),
              notes,
            },
          },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      open
      title={forecast ? t('manufacturing.forecast.edit') : t('manufacturing.forecast.new')}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={
          forecast
            ? { ...forecast, month: dayjs(forecast.month) }
            : { warehouseId: warehouse?.id, month: dayjs().add(1, 'month').startOf('month') }
        }
      >
        <Form.Item name="productId" label={t('manufacturing.common.product')} rules={[required]}>
          <ProductSelect disabled={Boolean(forecast)} initialLabel={forecast?.productSku} />
        </Form.Item>
        <Form.Item name="warehouseId" label={t('manufacturing.common.warehouse')} rules={[required]}>
          <WarehouseSelect disabled={Boolean(forecast)} />
        </Form.Item>
        <Form.Item name="month" label={t('manufacturing.forecast.month')} rules={[required]}>
          <DatePicker picker="month" disabled={Boolean(forecast)} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="qty"
          label={t('manufacturing.common.qty')}
          rules={[required, { pattern: QTY, message: t('catalog.common.decimalInvalid') }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="notes" label={t('manufacturing.common.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Monthly forecasts per product and warehouse: expected demand MRP adds to the orders. */
export function ForecastsPage() {
  const { t } = useTranslation();
  const columns: TableColumnsType<Forecast> = [
    { title: t('manufacturing.forecast.month'), dataIndex: 'month', render: (m: string) => m.slice(0, 7) },
    {
      title: t('manufacturing.common.qty'),
      dataIndex: 'qty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    { title: t('manufacturing.common.notes'), dataIndex: 'notes', responsive: ['md'] },
  ];
  return (
    <PlanningTable<Forecast>
      path="forecasts"
      title={t('manufacturing.forecast.title')}
      subtitle={t('manufacturing.forecast.subtitle')}
      columns={columns}
      renderForm={(forecast, onClose) => <ForecastModal forecast={forecast} onClose={onClose} />}
    />
  );
}
