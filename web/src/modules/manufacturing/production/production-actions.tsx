import {
  CheckOutlined,
  CloseOutlined,
  DeleteOutlined,
  EditOutlined,
  ExportOutlined,
  FlagOutlined,
  ImportOutlined,
  PlayCircleOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Popconfirm, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { QTY } from '../../catalog/shared/numbers.ts';
import { type ProductionStep, useProductionStep, useUpdateProductionOrder } from '../queries.ts';
import type { ProductionOrder } from '../types.ts';
import { ConsumeModal, ProduceModal, ScrapModal } from './step-modals.tsx';

type Dialog = 'consume' | 'produce' | 'scrap' | 'edit' | null;

/** Quantity and dates of a draft or planned order (a new quantity re-plans the components). */
function EditModal({ order, open, onClose }: { order: ProductionOrder; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    qty: string;
    plannedStart?: Dayjs | null;
    plannedFinish?: Dayjs | null;
    notes: string;
  }>();
  const update = useUpdateProductionOrder(order);
  const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    update.mutate(
      {
        ...(values.qty.trim() !== order.qty ? { qty: values.qty.trim() } : {}),
        plannedStart: day(values.plannedStart),
        plannedFinish: day(values.plannedFinish),
        notes: values.notes ?? '',
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      open={open}
      title={t('manufacturing.production.edit')}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      onCancel={() => {
        update.reset();
        onClose();
      }}
      onOk={submit}
      destroyOnHidden
    >
      {update.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, update.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          qty: order.qty,
          plannedStart: order.plannedStart ? dayjs(order.plannedStart) : null,
          plannedFinish: order.plannedFinish ? dayjs(order.plannedFinish) : null,
          notes: order.notes,
        }}
      >
        <Form.Item
          name="qty"
          label={t('manufacturing.common.qty')}
          rules={[
            { required: true, message: t('catalog.common.required') },
            { pattern: QTY, message: t('catalog.common.decimalInvalid') },
          ]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="plannedStart" label={t('manufacturing.production.plannedStart')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="plannedFinish" label={t('manufacturing.production.plannedFinish')}>
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

/** The buttons a production order offers in its state, each only with its permission. */
export function ProductionActions({ order }: { order: ProductionOrder }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useProductionStep(order);
  const [dialog, setDialog] = useState<Dialog>(null);
  const can = {
    edit: useHasPermission('manufacturing.production.create'),
    confirm: useHasPermission('manufacturing.production.confirm'),
    start: useHasPermission('manufacturing.production.start'),
    consume: useHasPermission('manufacturing.production.consume'),
    produce: useHasPermission('manufacturing.production.produce'),
    scrap: useHasPermission('manufacturing.production.scrap'),
    finish: useHasPermission('manufacturing.production.finish'),
    cancel: useHasPermission('manufacturing.production.cancel'),
  };
  const s = order.state;
  const early = s === 'draft' || s === 'planned';
  const working = s === 'in_progress';
  const busy = (name: string) => step.isPending && step.variables?.step === name;
  const run = (action: ProductionStep, done?: string) =>
    step.mutate(action, {
      onSuccess: () => {
        setDialog(null);
        if (done) message.success(done);
      },
      onError: (err) => {
        if (!dialog) message.error(errorMessage(t, err));
      },
    });
  const openDialog = (name: Dialog) => {
    step.reset();
    setDialog(name);
  };
  const modalProps = {
    order,
    pending: step.isPending,
    error: dialog ? step.error : null,
    onClose: () => setDialog(null),
    onSubmit: (action: ProductionStep) => run(action, t(`manufacturing.production.done_${action.step}`)),
  };
  const cancellable = s !== 'done' && s !== 'cancelled' && can.cancel;

  return (
    <>
      {early && can.edit ? (
        <Button icon={<EditOutlined />} onClick={() => openDialog('edit')} data-testid="production-edit">
          {t('manufacturing.production.edit')}
        </Button>
      ) : null}
      {early && can.confirm ? (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy('confirm')}
          onClick={() => run({ step: 'confirm' })}
          data-testid="production-confirm"
        >
          {t('manufacturing.production.confirm')}
        </Button>
      ) : null}
      {s === 'confirmed' && can.start ? (
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          loading={busy('start')}
          onClick={() => run({ step: 'start' })}
          data-testid="production-start"
        >
          {t('manufacturing.production.start')}
        </Button>
      ) : null}
      {working && can.consume ? (
        <Button
          icon={<ExportOutlined />}
          onClick={() => openDialog('consume')}
          data-testid="production-consume"
        >
          {t('manufacturing.production.consume')}
        </Button>
      ) : null}
      {working && can.produce ? (
        <Button
          type="primary"
          icon={<ImportOutlined />}
          onClick={() => openDialog('produce')}
          data-testid="production-produce"
        >
          {t('manufacturing.production.produce')}
        </Button>
      ) : null}
      {working && can.scrap ? (
        <Button icon={<DeleteOutlined />} onClick={() => openDialog('scrap')} data-testid="production-scrap">
          {t('manufacturing.production.scrap')}
        </Button>
      ) : null}
      {working && can.finish ? (
        <Popconfirm
          title={t('manufacturing.production.finishConfirm')}
          onConfirm={() => run({ step: 'finish' })}
        >
          <Button icon={<FlagOutlined />} loading={busy('finish')} data-testid="production-finish">
            {t('manufacturing.production.finish')}
          </Button>
        </Popconfirm>
      ) : null}
      {cancellable ? (
        <Popconfirm
          title={t('manufacturing.production.cancelConfirm')}
          onConfirm={() => run({ step: 'cancel' })}
        >
          <Button danger icon={<CloseOutlined />} loading={busy('cancel')} data-testid="production-cancel">
            {t('manufacturing.production.cancel')}
          </Button>
        </Popconfirm>
      ) : null}
      {dialog === 'consume' ? <ConsumeModal open {...modalProps} /> : null}
      {dialog === 'produce' ? <ProduceModal open {...modalProps} /> : null}
      {dialog === 'scrap' ? <ScrapModal open {...modalProps} /> : null}
      {dialog === 'edit' ? <EditModal order={order} open onClose={() => setDialog(null)} /> : null}
    </>
  );
}
