import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { MonthTargetsCard } from '../../modules/crm/targets/month-targets-card.tsx';
import { useSession } from '../auth/session.tsx';
import { MODULES } from '../modules.tsx';

/** The home screen until analytics brings the KPI dashboard: who you are, where, your targets, what is there. */
export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, company } = useSession();
  const modules = MODULES.filter((entry) => entry.key !== 'dashboard');

  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('dashboard.welcome', { name: user.name })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('dashboard.intro')}</Typography.Text>
      </div>

      <Card title={t('dashboard.company')}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 4 }} size="small">
          <Descriptions.Item label={t('header.company')}>{company.name}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.code')}>{company.code}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.currency')}>{company.currency}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.timeZone')}>{company.timeZone}</Descriptions.Item>
        </Descriptions>
      </Card>

      <MonthTargetsCard />

      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('dashboard.modules')}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {modules.map((entry) => (
            <Col key={entry.key} xs={24} sm={12} lg={8} xxl={6}>
              <Card hoverable size="small" onClick={() => navigate(entry.path)} style={{ height: '100%' }}>
                <Flex gap={12} align="flex-start">
                  <span style={{ fontSize: 22, color: '#1668dc', lineHeight: 1 }}>{entry.icon}</span>
                  <Flex vertical gap={4} flex={1}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <Typography.Text strong>{t(entry.label)}</Typography.Text>
                      {entry.children ? (
                        <Tag color="green">{t('dashboard.available')}</Tag>
                      ) : (
                        <Tag>{t('dashboard.comingSoon')}</Tag>
                      )}
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t(`modules.${entry.key}`)}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      </div>
    </Flex>
  );
}
