import {
  CalendarOutlined,
  CarOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  FileTextOutlined,
  FlagOutlined,
  ProfileOutlined,
  RiseOutlined,
  RollbackOutlined,
  ShoppingCartOutlined,
  SwapOutlined,
  TrophyOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenPages } from '../../../api/audit-log.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatMoney } from '../shared/format.ts';
import { usePipelines } from '../shared/pipelines.ts';
import type { TimelineEntry } from '../types.ts';
import { useTimeline } from './queries.ts';
import {
  isKnownType,
  type SentenceHelpers,
  stageTranslator,
  timelineText,
  typeKey,
} from './timeline-text.ts';

const ICONS: [prefix: string, icon: ReactNode, color: string][] = [
  ['delivery.shipped', <CarOutlined key="ship" />, 'green'],
  ['return.received', <RollbackOutlined key="return" />, 'orange'],
  ['invoice.posted', <FileTextOutlined key="invoice" />, 'geekblue'],
  ['credit_note.posted', <RollbackOutlined key="credit" />, 'orange'],
  ['payment.received', <CheckCircleOutlined key="paid" />, 'green'],
  ['sales_order.cancelled', <CloseCircleOutlined key="so-x" />, 'red'],
  ['sales_order.', <ShoppingCartOutlined key="so" />, 'blue'],
  ['quote.', <FileTextOutlined key="quote" />, 'cyan'],
  ['opportunity.won', <TrophyOutlined key="won" />, 'green'],
  ['opportunity.lost', <CloseCircleOutlined key="lost" />, 'red'],
  ['opportunity.stage_changed', <SwapOutlined key="stage" />, 'blue'],
  ['opportunity.', <RiseOutlined key="opp" />, 'blue'],
  ['lead.converted', <FlagOutlined key="conv" />, 'green'],
  ['lead.', <UserAddOutlined key="lead" />, 'cyan'],
  ['activity.completed', <CheckCircleOutlined key="done" />, 'green'],
  ['activity.', <CalendarOutlined key="act" />, 'purple'],
  ['contact.', <UserOutlined key="contact" />, 'gray'],
  ['customer.', <ProfileOutlined key="cust" />, 'gray'],
];

function iconOf(type: string): { icon: ReactNode; color: string } {
  const found = ICONS.find(
    ([prefix]) => type === prefix || (prefix.endsWith('.') && type.startsWith(prefix)),
  );
  return found ? { icon: found[1], color: found[2] } : { icon: <ProfileOutlined />, color: 'gray' };
}

function EntryContent({
  entry,
  stageName,
}: {
  entry: TimelineEntry;
  stageName: SentenceHelpers['stageName'];
}) {
  const { t, i18n } = useTranslation();
  const text = timelineText(entry, {
    stageName,
    money: (amount, currency) => formatMoney(amount, currency, i18n.language),
  });
  if (text.values.kind)
    text.values.kind = t(`crm.activityKind.${text.values.kind}`, { defaultValue: text.values.kind });
  const label = isKnownType(entry.type) ? t(`crm.timeline.types.${typeKey(entry.type)}`) : null;
  return (
    <Flex vertical gap={2} data-testid="timeline-entry" data-type={entry.type}>
      <Flex gap={8} align="center" wrap>
        {label ? <Tag style={{ marginInlineEnd: 0 }}>{label}</Tag> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(entry.occurredAt)}
          {entry.actorName ? ` · ${entry.actorName}` : ''}
        </Typography.Text>
      </Flex>
      <Typography.Text>{text.key ? t(text.key, text.values) : entry.summary}</Typography.Text>
    </Flex>
  );
}

/** Everything that happened with the customer, newest first, as the modules reported it. */
export function TimelineList({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const timeline = useTimeline(customerId);
  const pipelines = usePipelines(useHasPermission('crm.opportunity.read'));
  const stageName = stageTranslator(
    (pipelines.data ?? []).flatMap((pipeline) => pipeline.stages ?? []),
    pick,
  );
  const entries = flattenPages(timeline.data);

  if (timeline.isPending) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (timeline.isError) return <Alert type="error" showIcon title={errorMessage(t, timeline.error)} />;
  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('crm.timeline.empty')} />;

  return (
    <Flex vertical gap={8} data-testid="timeline">
      <Timeline
        items={entries.map((entry) => {
          const { icon, color } = iconOf(entry.type);
          return {
            key: entry.id,
            icon,
            color,
            content: <EntryContent entry={entry} stageName={stageName} />,
          };
        })}
      />
      {timeline.hasNextPage ? (
        <Button onClick={() => timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}
