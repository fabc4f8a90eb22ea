import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useUpdateBom } from '../queries.ts';
import type { Bom } from '../types.ts';

/** An active BOM changes only its validity window and notes (its recipe needs a new revision). */
export function ValidityModal({ bom, onClose }: { bom: Bom; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ validFrom: Dayjs | null; validTo: Dayjs | null; notes: string }>();
  const update = useUpdateBom(bom.id);
  const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    update.mutate(
      {
        version: bom.version,
        validFrom: day(values.validFrom),
        validTo: day(values.validTo),
        notes: values.notes ?? '',
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      open
      title={t('manufacturing.bom.editValidity')}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      onCancel={onClose}
      onOk={submit}
      destroyOnHidden
    >
      {update.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, update.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          validFrom: bom.validFrom ? dayjs(bom.validFrom) : null,
          validTo: bom.validTo ? dayjs(bom.validTo) : null,
          notes: bom.notes,
        }}
      >
        <Form.Item name="validFrom" label={t('manufacturing.bom.validFrom')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validTo" label={t('manufacturing.bom.validTo')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="notes" label={t('manufacturing.common.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
