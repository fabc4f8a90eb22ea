import { Alert, Card, Empty, Flex, Progress, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission, useSession } from '../../../app/auth/session.tsx';
import { useLocalized } from '../../../i18n/localized.ts';
import { formatMoney } from '../shared/format.ts';
import { type TargetProgress, thisMonth, useTargetProgress } from './queries.ts';

/** One target's bar; without a label (the user's own) the kind is the label. */
function TargetRow({ item, label }: { item: TargetProgress; label?: string }) {
  const { t, i18n } = useTranslation();
  const { target, achieved, percentage, source, note } = item;
  const percent = Number(percentage ?? 0);
  return (
    <Flex vertical gap={2} data-testid="target-row" data-kind={target.kind}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong ellipsis>
          {label ?? t(`crm.targets.kind.${target.kind}`)}
        </Typography.Text>
        {label ? (
          <Tag color={target.kind === 'sales' ? 'blue' : 'gold'} style={{ marginInlineEnd: 0 }}>
            {t(`crm.targets.kind.${target.kind}`)}
          </Tag>
        ) : null}
      </Flex>
      <Progress
        percent={Math.min(100, percent)}
        format={() => (percentage === null ? '—' : `${percentage}%`)}
        status={percent >= 100 ? 'success' : 'normal'}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatMoney(achieved, target.currency, i18n.language)} /{' '}
        {formatMoney(target.amount, target.currency, i18n.language)}
      </Typography.Text>
      {note ? (
        // The server says why a figure is not there yet; the collection case is worded for the reader.
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="target-note">
          {source === 'accounting' ? t('crm.targets.collectionNote') : note}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Flex vertical gap={12} style={{ flex: '1 1 280px', minWidth: 0 }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      {children}
    </Flex>
  );
}

/**
 * The dashboard's "this month's targets": the user's own and their team's, with how far each has got.
 * The server already limits targets to those the user may see; a manager who sees everyone's gets the
 * teams', not each salesperson's.
 */
export function MonthTargetsCard() {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const { user } = useSession();
  const canRead = useHasPermission('crm.target.read');
  const month = thisMonth();
  const progress = useTargetProgress(month, canRead);
  if (!canRead) return null;
  // Sales before collections: the figure that moves this month first.
  const items = [...(progress.data?.items ?? [])].sort(
    (a, b) => Number(a.target.kind === 'collection') - Number(b.target.kind === 'collection'),
  );
  const mine = items.filter((item) => item.target.userId === user.id);
  const team = items.filter((item) => item.target.teamId !== null);
  const monthLabel = dayjs(month)
    .locale(i18n.language === 'zh-CN' ? 'zh-cn' : 'en')
    .format(t('dashboard.targets.monthFormat'));

  return (
    <Card
      title={t('dashboard.targets.title')}
      extra={<Typography.Text type="secondary">{monthLabel}</Typography.Text>}
      loading={progress.isPending}
      data-testid="dashboard-targets"
    >
      {progress.isError ? <Alert type="error" showIcon title={errorMessage(t, progress.error)} /> : null}
      {progress.isSuccess && mine.length + team.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.targets.none')} />
      ) : null}
      {mine.length + team.length > 0 ? (
        <Flex gap={32} wrap>
          {mine.length > 0 ? (
            <Section title={t('dashboard.targets.mine')}>
              {mine.map((item) => (
                <TargetRow key={item.target.id} item={item} />
              ))}
            </Section>
          ) : null}
          {team.length > 0 ? (
            <Section title={t('dashboard.targets.team')}>
              {team.map((item) => (
                <TargetRow
                  key={item.target.id}
                  item={item}
                  label={pick(item.target.teamName) || t('common.none')}
                />
              ))}
            </Section>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}
