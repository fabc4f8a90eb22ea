import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { DictionarySelect } from '../shared/dictionary.tsx';

/** Asks why something was lost (a code of the lost_reason dictionary); used for leads and opportunities. */
export function LostReasonDialog({
  open,
  title,
  onCancel,
  onConfirm,
  pending,
  error,
}: {
  open: boolean;
  title: string;
  onCancel: () => void;
  onConfirm: (reasonCode: string) => void;
  pending?: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={async () => onConfirm((await form.validateFields()).reason)}
      okText={t('crm.lost.confirm')}
      okButtonProps={{ danger: true }}
      confirmLoading={pending}
      destroyOnHidden
      data-testid="lost-dialog"
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('crm.lost.reason')}
          rules={[{ required: true, message: t('crm.common.required') }]}
        >
          <DictionarySelect name="lost_reason" allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
