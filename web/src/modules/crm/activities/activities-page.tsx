import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useUrlFilters } from '../shared/use-url-filters.ts';
import { ACTIVITY_KINDS } from '../types.ts';
import { ActivityCalendar, OwnerSelect } from './activity-calendar.tsx';
import { ActivityFormModal } from './activity-form.tsx';
import { ActivityItems } from './activity-items.tsx';
import { CalendarFeedButton } from './calendar-feed.tsx';
import { MyDayPanel } from './my-day.tsx';
import { type ActivityFilters, useActivities } from './queries.ts';

const FILTER_KEYS = ['owner', 'kind', 'done', 'overdue', 'view'] as const;

/** Follow-ups: my day and every activity with filters, or a month calendar; logging one; the calendar feed. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const [raw, update] = useUrlFilters(FILTER_KEYS);
  // "everyone" means no owner filter (the record rule still limits what the server returns).
  const { view: rawView, ...listFilters } = raw;
  const view = rawView === 'calendar' ? 'calendar' : 'list';
  const owner = raw.owner ?? 'me';
  const setOwner = (next: string) => update({ owner: next === 'me' ? undefined : next });
  const filters = {
    ...listFilters,
    owner: owner === 'all' ? undefined : owner,
  } as ActivityFilters;
  const list = useActivities(filters, view === 'list');
  const [logging, setLogging] = useState(false);
  const canLog = useHasPermission('crm.activity.create');

  return (
    <>
      <PageHeader
        title={t('crm.activities.title')}
        subtitle={t('crm.activities.subtitle')}
        extra={
          <>
            <CalendarFeedButton />
            {canLog ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)}>
                {t('crm.activities.log')}
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs
        activeKey={view}
        onChange={(key) => update({ view: key === 'list' ? undefined : key })}
        items={[
          {
            key: 'list',
            label: t('crm.activities.tabs.list'),
            children: (
              <Flex vertical gap={16}>
                <MyDayPanel />
                <ContentCard>
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {t('crm.activities.all')}
                  </Typography.Title>
                  <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                    <OwnerSelect value={owner} onChange={setOwner} />
                    <Select
                      allowClear
                      placeholder={t('crm.activities.kind')}
                      value={raw.kind}
                      onChange={(kind) => update({ kind })}
                      options={ACTIVITY_KINDS.map((value) => ({
                        value,
                        label: t(`crm.activityKind.${value}`),
                      }))}
                      style={{ flex: '1 1 110px', maxWidth: 160 }}
                    />
                    <Select
                      allowClear
                      placeholder={t('crm.activities.state')}
                      value={raw.done ?? (raw.overdue ? 'overdue' : undefined)}
                      onChange={(value?: string) =>
                        update(
                          value === 'overdue'
                            ? { overdue: 'true', done: undefined }
                            : { done: value, overdue: undefined },
                        )
                      }
                      options={[
                        { value: 'false', label: t('crm.activities.open') },
                        { value: 'true', label: t('crm.activities.done') },
                        { value: 'overdue', label: t('crm.activities.overdue') },
                      ]}
                      style={{ flex: '1 1 110px', maxWidth: 160 }}
                    />
                  </Flex>
                  {list.isError ? (
                    <Alert
                      type="error"
                      showIcon
                      title={errorMessage(t, list.error)}
                      style={{ marginBottom: 12 }}
                    />
                  ) : null}
                  <ActivityItems
                    activities={flattenPages(list.data)}
                    loading={list.isFetching && !list.isFetchingNextPage}
                  />
                  {list.hasNextPage ? (
                    <Flex justify="center" style={{ marginTop: 12 }}>
                      <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                        {t('common.loadMore')}
                      </Button>
                    </Flex>
                  ) : null}
                </ContentCard>
              </Flex>
            ),
          },
          {
            key: 'calendar',
            label: t('crm.activities.tabs.calendar'),
            children: (
              <ContentCard>
                <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                  <OwnerSelect value={owner} onChange={setOwner} />
                </Flex>
                <ActivityCalendar owner={filters.owner} />
              </ContentCard>
            ),
          },
        ]}
        destroyOnHidden
        data-testid="activities-tabs"
      />
      <ActivityFormModal open={logging} onClose={() => setLogging(false)} links={{}} />
    </>
  );
}
