import { Alert, Badge, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import type { Activity } from '../types.ts';
import { ActivityItems } from './activity-items.tsx';
import { useMyDay } from './queries.ts';

function DayCard({
  title,
  items,
  loading,
  color,
}: {
  title: string;
  items: Activity[];
  loading: boolean;
  color: string;
}) {
  return (
    <Card
      size="small"
      title={
        <span>
          {title} <Badge count={items.length} showZero color={color} style={{ marginInlineStart: 4 }} />
        </span>
      }
      style={{ height: '100%' }}
      styles={{ body: { paddingBlock: 4 } }}
    >
      <ActivityItems activities={items} loading={loading} />
    </Card>
  );
}

/** Today at a glance: what is overdue, what is due today, and today's meetings and visits. */
export function MyDayPanel() {
  const { t } = useTranslation();
  const day = useMyDay();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('crm.activities.myDay')}
        {day.data?.date ? (
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
            {day.data.date}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      {day.isError ? (
        <Alert type="error" showIcon title={errorMessage(t, day.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Row gutter={[12, 12]} data-testid="my-day">
        <Col xs={24} lg={8}>
          <DayCard
            title={t('crm.activities.overdueList')}
            items={day.data?.overdue ?? []}
            loading={day.isPending}
            color="#cf1322"
          />
        </Col>
        <Col xs={24} lg={8}>
          <DayCard
            title={t('crm.activities.dueToday')}
            items={day.data?.dueToday ?? []}
            loading={day.isPending}
            color="#d48806"
          />
        </Col>
        <Col xs={24} lg={8}>
          <DayCard
            title={t('crm.activities.meetingsToday')}
            items={day.data?.meetings ?? []}
            loading={day.isPending}
            color="#1668dc"
          />
        </Col>
      </Row>
    </>
  );
}
