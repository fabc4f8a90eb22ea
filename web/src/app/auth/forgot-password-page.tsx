import { MailOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { http } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { AuthCard } from './auth-card.tsx';

/** Asks for a reset link; the answer is the same whether the address has an account or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useMutation({
    mutationFn: (values: { email: string }) => http.post('/auth/password-reset/request', values),
  });
  return (
    <AuthCard title={t('reset.forgotTitle')} subtitle={t('reset.forgotSubtitle')}>
      {request.isSuccess ? (
        <Alert
          type="success"
          showIcon
          title={t('reset.sent')}
          style={{ marginBottom: 16 }}
          data-testid="reset-sent"
        />
      ) : null}
      {request.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, request.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<{ email: string }>
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => request.mutate(v)}
        disabled={request.isPending}
      >
        <Form.Item
          name="email"
          label={t('auth.email')}
          rules={[
            { required: true, message: t('auth.emailRequired') },
            { type: 'email', message: t('auth.emailInvalid') },
          ]}
        >
          <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={request.isPending}>
          {t('reset.send')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/login">{t('reset.backToSignIn')}</Link>
      </div>
    </AuthCard>
  );
}
