import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { http } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import type { Health } from '../../api/types.ts';
import { FullPageSpin } from '../../components/full-page-spin.tsx';
import { AuthCard } from './auth-card.tsx';
import { type Credentials, useSessionQuery, useSignIn } from './session.tsx';

/** Only same-site paths: `?next=//evil.example` must not become an open redirect. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/dashboard';
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSessionQuery();
  const signIn = useSignIn();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => http.get<Health>('/health'),
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (session.isPending) return <FullPageSpin />;
  if (session.data) return <Navigate to={next} replace />;

  const submit = (values: Credentials) =>
    signIn.mutate(values, { onSuccess: () => navigate(next, { replace: true }) });

  return (
    <AuthCard
      title={t('auth.title')}
      subtitle={t('auth.subtitle')}
      footer={
        <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16, fontSize: 12 }}>
          {t('app.name')} · {t('app.tagline')}
          {health.data?.version ? ` · ${t('app.version', { version: health.data.version })}` : ''}
        </Typography.Text>
      }
    >
      {signIn.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, signIn.error)}
          style={{ marginBottom: 16 }}
          data-testid="sign-in-error"
        />
      ) : null}
      <Form<Credentials> layout="vertical" requiredMark={false} onFinish={submit} disabled={signIn.isPending}>
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
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
          {t('auth.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/forgot-password">{t('reset.forgotLink')}</Link>
      </div>
    </AuthCard>
  );
}
