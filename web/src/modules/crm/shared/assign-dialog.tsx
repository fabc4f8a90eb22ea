import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { OwnerSelect } from './owner-select.tsx';

export interface AssignValues {
  ownerUserId?: string;
  reason?: string;
}

/**
 * Give a record to another owner, with a reason for the history (both people are notified by the
 * server). `allowRules`: leaving the owner empty lets the assignment rules decide (leads).
 */
export function AssignDialog({
  open,
  title,
  currentOwnerId,
  allowRules = false,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  currentOwnerId?: string | null;
  allowRules?: boolean;
  pending?: boolean;
  error?: unknown;
  onCancel: () => void;
  onConfirm: (values: AssignValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignValues>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={async () => onConfirm(await form.validateFields())}
      confirmLoading={pending}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ ownerUserId: currentOwnerId ?? undefined }}>
        <Form.Item
          name="ownerUserId"
          label={t('crm.assign.owner')}
          extra={allowRules ? t('crm.assign.rulesHint') : undefined}
          rules={allowRules ? [] : [{ required: true, message: t('crm.common.required') }]}
        >
          <OwnerSelect placeholder={allowRules ? t('crm.assign.byRules') : undefined} />
        </Form.Item>
        <Form.Item name="reason" label={t('crm.assign.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
