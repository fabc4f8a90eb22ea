import { Alert, Col, Form, Input, Modal, Radio, Row, type TableColumnsType, Tag } from 'antd';
import { Decimal } from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { formatQty, QTY } from '../../catalog/shared/numbers.ts';
import { ProductSelect } from '../../catalog/shared/pickers.tsx';
import { useDefaultWarehouse, WarehouseSelect } from '../../inventory/shared/warehouse-select.tsx';
import { useSavePlanning } from '../planning-queries.ts';
import type { ReorderRoute, ReorderRule } from '../types.ts';
import { PlanningTable } from './planning-table.tsx';

interface Values {
  productId: string;
  warehouseId: string;
  route: ReorderRoute;
  minQty: string;
  maxQty: string;
  multiple: string;
  notes?: string;
}

function RuleModal({ rule, onClose }: { rule: ReorderRule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSavePlanning('reorder-rules');
  const warehouse = useDefaultWarehouse();
  const route = Form.useWatch('route', form) ?? rule?.route ?? 'reorder';
  const qtyRules = [
    { required: true, message: t('catalog.common.required') },
    { pattern: QTY, message: t('catalog.common.decimalInvalid') },
  ];
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const fields = {
      route: values.route,
      minQty: values.minQty.trim(),
      maxQty: values.maxQty.trim(),
      multiple: values.multiple.trim(),
      notes: values.notes?.trim() ?? '',
    };
    save.mutate(
      rule
        ? { itemId: rule.id, body: { version: rule.version, ...fields } }
        : { body: { productId: values.productId, warehouseId: values.warehouseId, ...fields } },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      open
      title={rule ? t('manufacturing.reorder.edit') : t('manufacturing.reorder.new')}
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
          rule
            ? { ...rule }
            : { warehouseId: warehouse?.id, route: 'reorder', minQty: '0', maxQty: '0', multiple: '0' }
        }
      >
        <Form.Item
          name="productId"
          label={t('manufacturing.common.product')}
          rules={[{ required: true, message: t('catalog.common.required') }]}
        >
          <ProductSelect disabled={Boolean(rule)} initialLabel={rule ? rule.productSku : undefined} />
        </Form.Item>
        <Form.Item
          name="warehouseId"
          label={t('manufacturing.common.warehouse')}
          rules={[{ required: true, message: t('catalog.common.required') }]}
        >
          <WarehouseSelect disabled={Boolean(rule)} />
        </Form.Item>
        <Form.Item
          name="route"
          label={t('manufacturing.reorder.route')}
          extra={t(`manufacturing.reorder.routeHint_${route}`)}
        >
          <Radio.Group
            optionType="button"
            options={(['reorder', 'mto'] as const).map((value) => ({
              value,
              label: t(`manufacturing.reorder.route_${value}`),
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={8}>
            <Form.Item name="minQty" label={t('manufacturing.reorder.min')} rules={qtyRules}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item
              name="maxQty"
              label={t('manufacturing.reorder.max')}
              dependencies={['minQty']}
              rules={[
                ...qtyRules,
                ({ getFieldValue }) => ({
                  validator: (_, v: string) => {
                    const min = getFieldValue('minQty') as string;
                    if (!QTY.test(v ?? '') || !QTY.test(min ?? '')) return Promise.resolve();
                    return new Decimal(v).lt(min)
                      ? Promise.reject(new Error(t('errors.manufacturing.reorder_rule_range')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="multiple" label={t('manufacturing.reorder.multiple')} rules={qtyRules}>
              <Input inputMode="decimal" />
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

/** Reorder rules: per product and warehouse, keep stock between min and max, or make/buy to order. */
export function ReorderRulesPage() {
  const { t } = useTranslation();
  const columns: TableColumnsType<ReorderRule> = [
    {
      title: t('manufacturing.reorder.route'),
      dataIndex: 'route',
      render: (route: string) => (
        <Tag color={route === 'mto' ? 'purple' : 'blue'}>{t(`manufacturing.reorder.route_${route}`)}</Tag>
      ),
    },
    {
      title: t('manufacturing.reorder.min'),
      dataIndex: 'minQty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('manufacturing.reorder.max'),
      dataIndex: 'maxQty',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    {
      title: t('manufacturing.reorder.multiple'),
      dataIndex: 'multiple',
      align: 'right',
      render: (v: string) => formatQty(v),
    },
    { title: t('manufacturing.common.notes'), dataIndex: 'notes', responsive: ['md'] },
  ];
  return (
    <PlanningTable<ReorderRule>
      path="reorder-rules"
      title={t('manufacturing.reorder.title')}
      subtitle={t('manufacturing.reorder.subtitle')}
      columns={columns}
      renderForm={(rule, onClose) => <RuleModal rule={rule} onClose={onClose} />}
    />
  );
}
