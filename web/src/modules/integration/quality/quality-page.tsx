import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Collapse,
  Empty,
  Flex,
  Progress,
  Segmented,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import { FindingList } from './finding-list.tsx';
import { refreshFindings, useLatestRun, useQualityChecks, useStartRun } from './queries.ts';
import type { FindingStatus, QualityRun } from './types.ts';

const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'blue' } as const;
const FINISHED = ['done', 'failed'];

function RunStatus({ run }: { run: QualityRun }) {
  const { t } = useTranslation();
  const busy = !FINISHED.includes(run.state);
  return (
    <Flex vertical gap={4} data-testid="dq-run" data-state={run.state} data-progress={run.progress}>
      <Typography.Text type="secondary">
        {busy
          ? t('quality.running', { done: run.checksDone, total: run.checksTotal })
          : t('quality.lastRun', {
              at: formatDateTime(run.finishedAt ?? run.createdAt),
              found: run.foundCount,
              opened: run.newCount,
              resolved: run.resolvedCount,
            })}
      </Typography.Text>
      {busy ? <Progress percent={run.progress} status="active" /> : null}
      {run.error ? (
        <Alert type="warning" showIcon title={t('quality.runError', { error: run.error })} />
      ) : null}
    </Flex>
  );
}

/**
 * The data-quality centre: every check with its findings counted, grouped by check (open ones first),
 * each finding linking to its record with resolve / ignore and a note; "run checks now" with progress.
 */
export function QualityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useHasPermission('integration.quality.manage');
  const checks = useQualityChecks();
  const latest = useLatestRun();
  const start = useStartRun();
  const [status, setStatus] = useState<FindingStatus | 'all'>('open');
  const [checkFilter, setCheckFilter] = useState<string | undefined>();
  const run = latest.data?.run ?? null;
  const busy = run ? !FINISHED.includes(run.state) : false;

  // When a run ends, the counts and lists show what it found.
  const endedId = run && FINISHED.includes(run.state) ? run.id : undefined;
  useEffect(() => {
    if (endedId) void refreshFindings();
  }, [endedId]);

  const locale = currentLocale();
  const shown = (checks.data?.items ?? [])
    .filter((c) => !checkFilter || c.key === checkFilter)
    .map((c) => ({
      ...c,
      count: status === 'all' ? c.counts.open + c.counts.ignored + c.counts.resolved : c.counts[status],
    }))
    .sort((a, b) => b.count - a.count);

  return (
    <>
      <PageHeader
        title={t('quality.title')}
        subtitle={t('quality.subtitle')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => refreshFindings()}>
              {t('common.refresh')}
            </Button>
            {canManage ? (
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={start.isPending}
                disabled={busy}
                data-testid="dq-run-now"
                onClick={() =>
                  start.mutate(undefined, { onError: (err) => message.error(errorMessage(t, err)) })
                }
              >
                {busy ? t('quality.runningShort') : t('quality.runNow')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        {run ? (
          <RunStatus run={run} />
        ) : (
          <Typography.Text type="secondary">{t('quality.neverRun')}</Typography.Text>
        )}
        <Flex gap={8} wrap>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as FindingStatus | 'all')}
            options={(['open', 'ignored', 'resolved', 'all'] as const).map((s) => ({
              value: s,
              label: s === 'all' ? t('quality.all') : t(`quality.status.${s}`),
            }))}
          />
          <Select
            allowClear
            style={{ minWidth: 200, maxWidth: '100%' }}
            placeholder={t('quality.allChecks')}
            value={checkFilter}
            onChange={setCheckFilter}
            options={(checks.data?.items ?? []).map((c) => ({
              value: c.key,
              label: c.title[locale] ?? c.title.en,
            }))}
          />
        </Flex>
        {checks.isError ? <Alert type="error" showIcon title={errorMessage(t, checks.error)} /> : null}
        <ContentCard>
          {shown.length === 0 && !checks.isLoading ? (
            <Empty description={t('quality.noFindings')} />
          ) : (
            <Collapse
              destroyOnHidden
              items={shown.map((c) => ({
                key: c.key,
                label: (
                  <Flex gap={8} wrap align="center" data-testid="dq-check" data-check={c.key}>
                    <Typography.Text strong>{c.title[locale] ?? c.title.en}</Typography.Text>
                    <Tag color={SEVERITY_COLOR[c.severity]}>{t(`quality.severity.${c.severity}`)}</Tag>
                  </Flex>
                ),
                extra: (
                  <Badge count={c.count} showZero overflowCount={9999} color={c.count ? 'red' : 'green'} />
                ),
                children: (
                  <FindingList
                    check={c.key}
                    status={status === 'all' ? undefined : status}
                    canManage={canManage}
                  />
                ),
              }))}
            />
          )}
        </ContentCard>
      </Flex>
    </>
  );
}
