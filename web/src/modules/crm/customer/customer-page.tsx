import { ArrowLeftOutlined, EditOutlined, PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { RecordHistory } from '../../../components/record-history.tsx';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import { ActivityFormModal } from '../activities/activity-form.tsx';
import { ActivityItems } from '../activities/activity-items.tsx';
import { CustomerFormDrawer } from '../customers/customer-form-drawer.tsx';
import { DuplicateReview } from '../duplicates/duplicate-review.tsx';
import { AssignDialog } from '../shared/assign-dialog.tsx';
import { CustomerStatusTag, TagList } from '../shared/status-tags.tsx';
import type { Customer } from '../types.ts';
import { ContactsTab } from './contacts-tab.tsx';
import { OverviewTab } from './overview-tab.tsx';
import { useAssignCustomer, useClaimCustomer, useCustomer, useCustomerActivities } from './queries.ts';
import { TimelineList } from './timeline-list.tsx';

const TABS = ['overview', 'timeline', 'activities', 'contacts', 'duplicates'] as const;
type TabKey = (typeof TABS)[number];

function ActivitiesTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const activities = useCustomerActivities(customerId);
  if (activities.isError) return <Alert type="error" showIcon title={errorMessage(t, activities.error)} />;
  return (
    <ActivityItems
      activities={activities.data?.items ?? []}
      showCustomer={false}
      loading={activities.isPending}
    />
  );
}

function Header({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [dialog, setDialog] = useState<'log' | 'edit' | 'assign' | null>(null);
  const canLog = useHasPermission('crm.activity.create');
  const canClaim = useHasPermission('crm.pool.claim');
  const canEdit = useHasPermission('crm.customer.update') && !customer.mergedIntoId;
  // Picking another owner needs the list of people.
  const mayAssign = useHasPermission('crm.customer.assign');
  const canListUsers = useHasPermission('platform.user.read');
  const canAssign = mayAssign && canListUsers;
  const claim = useClaimCustomer(customer.id);
  const assign = useAssignCustomer(customer);

  return (
    <Card styles={{ body: { padding: isPhone ? 12 : 20 } }} style={{ marginBottom: 16 }}>
      <Flex justify="space-between" gap={12} wrap align="flex-start">
        <Flex vertical gap={6} style={{ minWidth: 0 }}>
          <Typography.Title
            level={3}
            style={{ margin: 0, wordBreak: 'break-word' }}
            data-testid="customer-name"
          >
            {customer.name}
          </Typography.Title>
          <Flex gap={8} wrap align="center">
            <Typography.Text code>{customer.code}</Typography.Text>
            <CustomerStatusTag status={customer.status} />
            {customer.inPool ? <Tag color="purple">{t('crm.customers.inPool')}</Tag> : null}
            <Typography.Text type="secondary">
              {t('crm.customers.owner')}: {customer.ownerName ?? t('common.none')}
            </Typography.Text>
          </Flex>
          <TagList tags={customer.tags} />
        </Flex>
        <Flex gap={8} wrap>
          {customer.inPool && canClaim ? (
            <Button
              loading={claim.isPending}
              onClick={() =>
                claim.mutate(undefined, {
                  onSuccess: () => message.success(t('crm.customer.claimed')),
                  onError: (err) => message.error(errorMessage(t, err)),
                })
              }
            >
              {t('crm.customer.claim')}
            </Button>
          ) : null}
          {canLog ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('log')}
              data-testid="log-activity"
            >
              {t('crm.activities.log')}
            </Button>
          ) : null}
          {canEdit ? (
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="edit-customer">
              {t('crm.customers.edit')}
            </Button>
          ) : null}
          {canAssign ? (
            <Button icon={<UserSwitchOutlined />} onClick={() => setDialog('assign')}>
              {t('crm.assign.button')}
            </Button>
          ) : null}
          <RecordHistory entity="crm.customer" entityId={customer.id} />
        </Flex>
      </Flex>
      <ActivityFormModal
        open={dialog === 'log'}
        onClose={() => setDialog(null)}
        links={{ customerId: customer.id }}
      />
      <CustomerFormDrawer
        open={dialog === 'edit'}
        customer={customer}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          message.success(t('crm.customer.saved'));
        }}
      />
      <AssignDialog
        open={dialog === 'assign'}
        title={t('crm.assign.titleCustomer', { name: customer.name })}
        currentOwnerId={customer.ownerUserId}
        pending={assign.isPending}
        error={assign.error}
        onCancel={() => {
          assign.reset();
          setDialog(null);
        }}
        onConfirm={(values) =>
          assign.mutate(values, {
            onSuccess: () => {
              setDialog(null);
              message.success(t('crm.assign.done'));
            },
          })
        }
      />
    </Card>
  );
}

/** The customer page (360): header, overview, timeline, activities, contacts, duplicates and merge. */
export function CustomerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const customer = useCustomer(id);
  const tab: TabKey = TABS.includes(params.get('tab') as TabKey) ? (params.get('tab') as TabKey) : 'overview';

  if (customer.isPending) return <Skeleton active />;
  if (customer.isError)
    return (
      <Result
        status="warning"
        title={errorMessage(t, customer.error)}
        extra={<Button onClick={() => navigate('/crm/customers')}>{t('crm.customer.backToList')}</Button>}
      />
    );
  const data = customer.data;

  return (
    <>
      <Link to="/crm/customers" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('crm.customer.backToList')}
      </Link>
      {data.mergedIntoId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <>
              {t('crm.customer.mergedBanner')}{' '}
              <Link to={`/crm/customers/${data.mergedIntoId}`}>{t('crm.customer.openSurvivor')}</Link>
            </>
          }
        />
      ) : null}
      <Header customer={data} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            {
              key: 'overview',
              label: t('crm.customer.tabs.overview'),
              children: <OverviewTab customer={data} />,
            },
            {
              key: 'timeline',
              label: t('crm.customer.tabs.timeline'),
              children: <TimelineList customerId={data.id} />,
            },
            {
              key: 'activities',
              label: t('crm.customer.tabs.activities'),
              children: <ActivitiesTab customerId={data.id} />,
            },
            {
              key: 'contacts',
              label: t('crm.customer.tabs.contacts'),
              children: <ContactsTab customer={data} />,
            },
            {
              key: 'duplicates',
              label: t('crm.customer.tabs.duplicates'),
              children: <DuplicateReview customer={data} />,
            },
          ]}
          destroyOnHidden
          data-testid="customer-tabs"
        />
      </Card>
    </>
  );
}
