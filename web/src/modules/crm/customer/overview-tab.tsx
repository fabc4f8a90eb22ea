import { Alert, Card, Col, Descriptions, Empty, List, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDate } from '../../../components/format.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { CustomerAccountCard } from '../../accounting/customer/account-card.tsx';
import { ActivityItems } from '../activities/activity-items.tsx';
import { DictionaryLabel } from '../shared/dictionary.tsx';
import { formatMoney } from '../shared/format.ts';
import type { Customer } from '../types.ts';
import { AddressesSection } from './addresses-section.tsx';
import { useCustomerOverview } from './queries.ts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

/** A figure accounting fills in (open receivables, credit left); "—" with a note until it does. */
function MoneySlot({
  title,
  amount,
  currency,
}: {
  title: string;
  amount: string | null | undefined;
  currency?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={amount ? formatMoney(amount, currency, i18n.language) : '—'} />
      {amount ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('crm.customer.fromAccounting')}
        </Typography.Text>
      )}
    </Card>
  );
}

/** Profile, contacts, addresses, open opportunities, recent activities, and the receivables/credit slots. */
export function OverviewTab({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const overview = useCustomerOverview(customer.id);
  const canSeeAccount = useHasPermission('accounting.invoice.read');
  const data = overview.data;
  const none = t('common.none');
  const hidden = <Typography.Text type="secondary">{t('crm.customer.notVisible')}</Typography.Text>;

  return (
    <Row gutter={[16, 16]}>
      {overview.isError ? (
        <Col span={24}>
          <Alert type="info" showIcon title={errorMessage(t, overview.error)} />
        </Col>
      ) : null}
      <Col xs={24} lg={12}>
        <Section title={t('crm.customer.profile')}>
          <Descriptions column={1} size="small" styles={{ label: { width: 110 } }}>
            <Descriptions.Item label={t('crm.customers.kind')}>
              {t(`crm.customerKind.${customer.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('crm.customers.shortName')}>
              {customer.shortName || none}
            </Descriptions.Item>
            <Descriptions.Item label={t('crm.customers.taxId')}>{customer.taxId || none}</Descriptions.Item>
            <Descriptions.Item label={t('crm.customers.industry')}>
              <DictionaryLabel name="industry" code={customer.industryCode} />
            </Descriptions.Item>
            <Descriptions.Item label={t('crm.customers.source')}>
              <DictionaryLabel name="lead_source" code={customer.sourceCode} />
            </Descriptions.Item>
            <Descriptions.Item label={t('crm.customers.creditLimit')}>
              {formatMoney(customer.creditLimit, customer.currency, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('crm.customers.lastActivity')}>
              {customer.lastActivityAt ? formatDate(customer.lastActivityAt) : none}
            </Descriptions.Item>
          </Descriptions>
        </Section>
      </Col>
      <Col xs={24} lg={12}>
        <Row gutter={[16, 16]}>
          <Col xs={12}>
            <MoneySlot
              title={t('crm.customer.openReceivables')}
              amount={data?.accounting?.openReceivables}
              currency={customer.currency}
            />
          </Col>
          <Col xs={12}>
            <MoneySlot
              title={t('crm.customer.creditLeft')}
              amount={data?.accounting?.creditLeft}
              currency={customer.currency}
            />
          </Col>
          <Col span={24}>
            <Section title={t('crm.customer.contacts')}>
              {data?.contacts === null ? (
                hidden
              ) : (
                <List
                  size="small"
                  loading={overview.isPending}
                  dataSource={data?.contacts ?? []}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={none} /> }}
                  renderItem={(contact) => (
                    <List.Item>
                      <Typography.Text strong>{contact.name}</Typography.Text>
                      <Typography.Text type="secondary">
                        {[contact.title, contact.phones?.[0], contact.email].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              )}
            </Section>
          </Col>
        </Row>
      </Col>
      {canSeeAccount ? (
        <Col span={24}>
          <CustomerAccountCard customerId={customer.id} customerVersion={customer.version} />
        </Col>
      ) : null}
      <Col span={24}>
        <AddressesSection customer={customer} />
      </Col>
      <Col xs={24} lg={12}>
        <Section title={t('crm.customer.openOpportunities')}>
          {data?.openOpportunities === null ? (
            hidden
          ) : (
            <List
              size="small"
              loading={overview.isPending}
              dataSource={data?.openOpportunities ?? []}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={none} /> }}
              renderItem={(opportunity) => (
                <List.Item extra={formatMoney(opportunity.amount, opportunity.currency, i18n.language)}>
                  <Link to={`/crm/pipeline?opportunity=${opportunity.id}`}>{opportunity.name}</Link>
                  <Typography.Text type="secondary">{pick(opportunity.stageName)}</Typography.Text>
                </List.Item>
              )}
            />
          )}
        </Section>
      </Col>
      <Col xs={24} lg={12}>
        <Section title={t('crm.customer.recentActivities')}>
          {data?.recentActivities === null ? (
            hidden
          ) : (
            <ActivityItems
              activities={data?.recentActivities ?? []}
              showCustomer={false}
              loading={overview.isPending}
            />
          )}
        </Section>
      </Col>
    </Row>
  );
}
