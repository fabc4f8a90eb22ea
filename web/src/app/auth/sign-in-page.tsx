import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { http } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import type { Health } from '../../api/types.ts';
import { FullPageSpin } from '../../components/full-page-spin.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { Logo } from '../../components/logo.tsx';
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
    <Flex
      vertical
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(160deg, #e8f0fe 0%, #f5f7fa 45%, #eef7f1 100%)',
      }}
    >
      <Flex justify="flex-end" style={{ padding: '12px 16px' }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: '0 16px 48px' }}>
        <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 8px 24px rgba(22, 104, 220, 0.08)' }}>
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
            <Logo size={44} />
            <Typography.Title level={3} style={{ margin: '12px 0 0' }}>
              {t('auth.title')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
              {t('auth.subtitle')}
            </Typography.Text>
          </Flex>
          {signIn.isError ? (
            <Alert
              type="error"
              showIcon
              title={errorMessage(t, signIn.error)}
              style={{ marginBottom: 16 }}
              data-testid="sign-in-error"
            />
          ) : null}
          <Form<Credentials>
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            disabled={signIn.isPending}
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
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16, fontSize: 12 }}>
        {t('app.name')} · {t('app.tagline')}
        {health.data?.version ? ` · ${t('app.version', { version: health.data.version })}` : ''}
      </Typography.Text>
    </Flex>
  );
}
