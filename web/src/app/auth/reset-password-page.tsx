import { LockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { http } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { AuthCard } from './auth-card.tsx';

interface Values {
  newPassword: string;
  confirm: string;
}

/** The page the emailed link opens: sets a new password with the one-time token from the URL. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useMutation({
    mutationFn: (values: Values) =>
      http.post('/auth/password-reset/confirm', { token, newPassword: values.newPassword }),
  });
  return (
    <AuthCard title={t('reset.resetTitle')} subtitle={t('reset.resetSubtitle')}>
      {reset.isSuccess ? (
        <Alert
          type="success"
          showIcon
          title={t('reset.done')}
          style={{ marginBottom: 16 }}
          data-testid="reset-done"
        />
      ) : null}
      {reset.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, reset.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {!token ? (
        <Alert type="warning" showIcon title={t('reset.noToken')} style={{ marginBottom: 16 }} />
      ) : null}
      {reset.isSuccess ? null : (
        <Form<Values>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => reset.mutate(v)}
          disabled={!token || reset.isPending}
        >
          <Form.Item
            name="newPassword"
            label={t('password.next')}
            rules={[{ required: true, message: t('password.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
            {t('reset.save')}
          </Button>
        </Form>
      )}
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/login">{t('reset.backToSignIn')}</Link>
      </div>
    </AuthCard>
  );
}
