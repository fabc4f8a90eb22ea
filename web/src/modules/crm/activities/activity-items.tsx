import {
  CalendarOutlined,
  CarOutlined,
  CheckOutlined,
  EditOutlined,
  ExportOutlined,
  MailOutlined,
  PhoneOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { App, Button, Empty, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDateTime } from '../../../components/format.ts';
import type { Activity, ActivityKind } from '../types.ts';
import { useCompleteActivity } from './queries.ts';

const KIND_ICONS: Record<ActivityKind, ReactNode> = {
  call: <PhoneOutlined />,
  meeting: <TeamOutlined />,
  visit: <CarOutlined />,
  email: <MailOutlined />,
  note: <EditOutlined />,
  task: <ScheduleOutlined />,
};

export function ActivityKindIcon({ kind }: { kind: ActivityKind }) {
  return <span style={{ color: '#1668dc' }}>{KIND_ICONS[kind] ?? <CalendarOutlined />}</span>;
}

function CompleteButton({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const complete = useCompleteActivity();
  return (
    <Button
      size="small"
      icon={<CheckOutlined />}
      loading={complete.isPending}
      onClick={() =>
        complete.mutate(activity, {
          onSuccess: () => message.success(t('crm.activities.completed')),
          onError: (err) => message.error(errorMessage(t, err)),
        })
      }
      data-testid="complete-activity"
    >
      {t('crm.activities.complete')}
    </Button>
  );
}

/** Where an activity is read in full: its customer's activities, else its lead. */
function recordPath(activity: Activity): string | null {
  if (activity.customerId) return `/crm/customers/${activity.customerId}?tab=activities`;
  if (activity.leadId) return `/crm/leads/${activity.leadId}`;
  return null;
}

/** Activities as a list: kind, subject, customer, when, done/overdue, complete (and open) buttons. */
export function ActivityItems({
  activities,
  showCustomer = true,
  showOpen = false,
  loading,
}: {
  activities: Activity[];
  showCustomer?: boolean;
  /** Adds a button to the record the activity is about. */
  showOpen?: boolean;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const canUpdate = useHasPermission('crm.activity.update');
  if (!loading && activities.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('crm.activities.empty')} />;
  return (
    <List
      size="small"
      loading={loading}
      dataSource={activities}
      data-testid="activity-list"
      renderItem={(activity) => {
        const when = activity.startsAt ?? activity.dueAt ?? activity.createdAt;
        const path = showOpen ? recordPath(activity) : null;
        const actions = [
          !activity.done && canUpdate ? <CompleteButton key="done" activity={activity} /> : null,
          path ? (
            <Link key="open" to={path} data-testid="open-activity">
              <Button size="small" icon={<ExportOutlined />}>
                {t('crm.activities.openRecord')}
              </Button>
            </Link>
          ) : null,
        ].filter(Boolean);
        return (
          <List.Item actions={actions.length > 0 ? actions : undefined}>
            <Flex gap={10} align="flex-start" style={{ minWidth: 0 }}>
              <ActivityKindIcon kind={activity.kind} />
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                    {activity.subject}
                  </Typography.Text>
                  <Tag style={{ marginInlineEnd: 0 }}>{t(`crm.activityKind.${activity.kind}`)}</Tag>
                  {activity.done ? <Tag color="green">{t('crm.activities.done')}</Tag> : null}
                  {activity.overdue && !activity.done ? (
                    <Tag color="red">{t('crm.activities.overdue')}</Tag>
                  ) : null}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {when ? formatDateTime(when) : ''}
                  {showCustomer && activity.customerId && activity.customerName ? (
                    <>
                      {' · '}
                      <Link to={`/crm/customers/${activity.customerId}`}>{activity.customerName}</Link>
                    </>
                  ) : null}
                  {activity.ownerName ? ` · ${activity.ownerName}` : ''}
                </Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
