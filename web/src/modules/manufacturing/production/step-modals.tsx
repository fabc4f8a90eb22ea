import {
  Alert,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Row,
  Table,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Decimal } from 'decimal.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { formatQty, QTY, sign } from '../../catalog/shared/numbers.ts';
import type { ProductionStep } from '../queries.ts';
import type { ProductionLine, ProductionOrder } from '../types.ts';

/** What is left: a − b − c, never below 0, as a plain decimal string. */
export function remaining(a: string, ...minus: string[]): string {
  const left = minus.reduce((acc, value) => acc.minus(value || '0'), new Decimal(a || '0'));
  return Decimal.max(left, 0).toFixed();
}

interface StepModalProps {
  order: ProductionOrder;
  open: boolean;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (step: ProductionStep) => void;
}

function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return error ? (
    <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 16 }} />
  ) : null;
}

/** Actual quantities (and lots) of each component taken into production; blank lines are skipped. */
export function ConsumeModal({ order, open, pending, error, onClose, onSubmit }: StepModalProps) {
  const { t } = useTranslation();
  const initial = () =>
    Object.fromEntries(
      order.lines.map((line) => [line.id, { qty: remaining(line.qtyPlanned, line.qtyConsumed), lot: '' }]),
    );
  const [values, setValues] = useState<Record<string, { qty: string; lot: string }>>(initial);
  const set = (lineId: string, patch: Partial<{ qty: string; lot: string }>) =>
    setValues((prev) => ({ ...prev, [lineId]: { ...prev[lineId], ...patch } }));
  const invalid = Object.values(values).some((v) => v.qty.trim() !== '' && !QTY.test(v.qty.trim()));
  const chosen = order.lines
    .map((line) => ({ line, value: values[line.id] }))
    .filter(({ value }) => value && QTY.test(value.qty.trim()) && sign(value.qty) > 0);
  const columns: TableColumnsType<ProductionLine> = [
    { title: t('manufacturing.production.component'), dataIndex: 'sku' },
    {
      title: t('manufacturing.production.plannedLeft'),
      key: 'left',
      align: 'right',
      render: (_, line) => formatQty(remaining(line.qtyPlanned, line.qtyConsumed)),
    },
    {
      title: t('manufacturing.common.qty'),
      key: 'qty',
      render: (_, line) => (
        <Input
          inputMode="decimal"
          value={values[line.id]?.qty}
          status={values[line.id]?.qty && !QTY.test(values[line.id].qty.trim()) ? 'error' : undefined}
          onChange={(event) => set(line.id, { qty: event.target.value })}
          style={{ width: 100 }}
          suffix={line.uomCode}
          data-testid={`consume-qty-${line.position}`}
        />
      ),
    },
    {
      title: t('manufacturing.production.lot'),
      key: 'lot',
      render: (_, line) => (
        <Input
          value={values[line.id]?.lot}
          maxLength={100}
          onChange={(event) => set(line.id, { lot: event.target.value })}
          style={{ width: 120 }}
        />
      ),
    },
  ];
  return (
    <Modal
      open={open}
      title={t('manufacturing.production.consume')}
      okText={t('manufacturing.production.consume')}
      okButtonProps={{ disabled: invalid || chosen.length === 0 }}
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() =>
        onSubmit({
          step: 'consume',
          body: {
            lines: chosen.map(({ line, value }) => ({
              lineId: line.id,
              qty: value.qty.trim(),
              ...(value.lot.trim() ? { lotNo: value.lot.trim() } : {}),
            })),
          },
        })
      }
      width={640}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Table<ProductionLine>
        rowKey="id"
        columns={columns}
        dataSource={order.lines}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
      />
    </Modal>
  );
}

interface ProduceValues {
  qty: string;
  lotNo?: string;
  expiryDate?: Dayjs | null;
  backflush?: boolean;
}

/** Finished goods into stock: a quantity (partial is fine), lot and expiry, and optionally backflush. */
export function ProduceModal({ order, open, pending, error, onClose, onSubmit }: StepModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProduceValues>();
  const left = remaining(order.qty, order.qtyProduced, order.qtyScrapped);
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    onSubmit({
      step: 'produce',
      body: {
        qty: values.qty.trim(),
        ...(values.lotNo?.trim() ? { lotNo: values.lotNo.trim() } : {}),
        ...(values.expiryDate ? { expiryDate: values.expiryDate.format('YYYY-MM-DD') } : {}),
        ...(values.backflush ? { backflush: true } : {}),
      },
    });
  };
  return (
    <Modal
      open={open}
      title={t('manufacturing.production.produce')}
      okText={t('manufacturing.production.produce')}
      confirmLoading={pending}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ qty: left, backflush: false }} preserve={false}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <QtyItem
              label={t('manufacturing.production.qtyToProduce')}
              extra={t('manufacturing.production.left', { qty: formatQty(left) })}
            />
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="lotNo" label={t('manufacturing.production.lot')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="expiryDate" label={t('manufacturing.production.expiry')}>
              <DatePicker style={{ width: '100%' }} minDate={dayjs()} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="backflush"
          valuePropName="checked"
          extra={t('manufacturing.production.backflushHint')}
        >
          <Checkbox>{t('manufacturing.production.backflush')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function QtyItem({ label, extra }: { label: string; extra?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="qty"
      label={label}
      extra={extra}
      rules={[
        { required: true, message: t('catalog.common.required') },
        { pattern: QTY, message: t('catalog.common.decimalInvalid') },
        {
          validator: (_, v) =>
            v && sign(v) <= 0
              ? Promise.reject(new Error(t('manufacturing.common.positive')))
              : Promise.resolve(),
        },
      ]}
    >
      <Input inputMode="decimal" data-testid="step-qty" />
    </Form.Item>
  );
}

/** Finished units lost in production, with the reason. */
export function ScrapModal({ open, pending, error, onClose, onSubmit }: StepModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ qty: string; reason: string }>();
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    onSubmit({ step: 'scrap', body: { qty: values.qty.trim(), reason: values.reason.trim() } });
  };
  return (
    <Modal
      open={open}
      title={t('manufacturing.production.scrap')}
      okText={t('manufacturing.production.scrap')}
      okButtonProps={{ danger: true }}
      confirmLoading={pending}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <QtyItem label={t('manufacturing.production.qtyScrapped')} />
        <Form.Item
          name="reason"
          label={t('manufacturing.production.reason')}
          rules={[{ required: true, whitespace: true, message: t('catalog.common.required') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
