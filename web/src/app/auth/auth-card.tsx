import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { Logo } from '../../components/logo.tsx';

/** The centred card the signed-out pages share (sign-in, forgotten password, new password). */
export function AuthCard({
  title,
  subtitle,
  footer,
  children,
}: {
  title: string;
  subtitle?: string;
  footer?: ReactNode;
  children: ReactNode;
}) {
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
              {title}
            </Typography.Title>
            {subtitle ? (
              <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
                {subtitle}
              </Typography.Text>
            ) : null}
          </Flex>
          {children}
        </Card>
      </Flex>
      {footer}
    </Flex>
  );
}
