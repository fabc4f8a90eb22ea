import { Alert, Badge, Calendar, Card, Col, Flex, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useIsPhone } from '../../../components/use-is-phone.ts';
import type { Activity } from '../types.ts';
import { ActivityItems, ActivityKindIcon } from './activity-items.tsx';
import { useActivitiesBetween } from './queries.ts';

const DAY = 'YYYY-MM-DD';
/** Activities written into a day cell; the rest are counted ("+2"). */
const PER_CELL = 3;

/** The day an activity belongs to, as the server sorts it: its start, else its due time, else when logged. */
export function activityDay(activity: Activity): string {
  return dayjs(activity.startsAt ?? activity.dueAt ?? activity.createdAt).format(DAY);
}

function byDay(activities: Activity[]): Map<string, Activity[]> {
  const days = new Map<string, Activity[]>();
  for (const activity of activities) {
    const day = activityDay(activity);
    days.set(day, [...(days.get(day) ?? []), activity]);
  }
  return days;
}

/** The weeks the month panel shows: from the first week's first day, six weeks on. */
function visibleWeeks(month: Dayjs): { from: string; to: string } {
  const start = month.startOf('month').startOf('week');
  return { from: start.toISOString(), to: start.add(6, 'week').toISOString() };
}

function DayCell({ activities, compact }: { activities: Activity[]; compact: boolean }) {
  const { t } = useTranslation();
  if (activities.length === 0) return null;
  const open = activities.filter((activity) => !activity.done).length;
  // A phone's compact cell has room for a mark only; the day's list shows below.
  if (compact)
    return (
      <span data-testid="calendar-mark">
        <Badge color={open > 0 ? '#1668dc' : '#bfbfbf'} />
      </span>
    );
  return (
    <Flex vertical gap={2} data-testid="calendar-day">
      {activities.slice(0, PER_CELL).map((activity) => (
        <Typography.Text
          key={activity.id}
          type={activity.done ? 'secondary' : undefined}
          delete={activity.done}
          ellipsis
          style={{ fontSize: 12 }}
          data-done={activity.done}
        >
          <ActivityKindIcon kind={activity.kind} /> {activity.subject}
        </Typography.Text>
      ))}
      {activities.length > PER_CELL ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('crm.activities.moreInDay', { count: activities.length - PER_CELL })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** A month of activities; picking a day lists its activities with complete and open buttons. */
export function ActivityCalendar({ owner }: { owner?: string }) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const [value, setValue] = useState<Dayjs>(() => dayjs());
  const range = visibleWeeks(value);
  const month = useActivitiesBetween({ ...range, owner });
  const days = byDay(month.data?.items ?? []);
  const selected = days.get(value.format(DAY)) ?? [];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        {month.isError ? (
          <Alert type="error" showIcon title={errorMessage(t, month.error)} style={{ marginBottom: 12 }} />
        ) : null}
        {month.data && !month.data.complete ? (
          <Alert type="warning" showIcon title={t('crm.activities.tooMany')} style={{ marginBottom: 12 }} />
        ) : null}
        <div data-testid="activity-calendar">
          <Calendar
            value={value}
            fullscreen={!isPhone}
            onChange={setValue}
            onPanelChange={setValue}
            cellRender={(date, info) =>
              info.type === 'date' ? (
                <DayCell activities={days.get(date.format(DAY)) ?? []} compact={isPhone} />
              ) : null
            }
          />
        </div>
      </Col>
      <Col xs={24} xl={8}>
        <Card
          size="small"
          title={value
            .locale(i18n.language === 'zh-CN' ? 'zh-cn' : 'en')
            .format(t('crm.activities.dayFormat'))}
          loading={month.isPending}
          data-testid="calendar-day-list"
        >
          <ActivityItems activities={selected} showOpen />
        </Card>
      </Col>
    </Row>
  );
}

/** Whose activities: mine, or everyone the record rule lets me see. */
export function OwnerSelect({ value, onChange }: { value: string; onChange: (owner: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      value={value}
      onChange={onChange}
      options={[
        { value: 'me', label: t('crm.activities.mine') },
        { value: 'all', label: t('crm.activities.everyone') },
      ]}
      style={{ flex: '1 1 120px', maxWidth: 160 }}
    />
  );
}
