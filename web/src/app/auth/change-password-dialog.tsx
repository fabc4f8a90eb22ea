import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useChangePassword } from './session.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The rules the server says a new password broke (details.rules): strings, or objects with a message. */
function brokenRules(err: unknown): string[] {
  if (!isApiError(err) || !Array.isArray(err.details.rules)) return [];
  return err.details.rules.map((rule: unknown) => {
    if (typeof rule === 'string') return rule;
    const described = rule as { message?: unknown; code?: unknown } | null;
    return String(described?.message ?? described?.code ?? JSON.stringify(rule));
  });
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const rules = brokenRules(change.error);

  const close = () => {
    form.resetFields();
    change.reset();
    onClose();
  };

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          close();
        },
      },
    );

  const required = { required: true, message: t('password.required') };

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('password.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      {change.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorMessage(t, change.error)}
          description={
            rules.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {rules.map((rule) => (
                  <li key={rule}>{t(`passwordRules.${rule}`, { defaultValue: rule })}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[required]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.next')} rules={[required]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
