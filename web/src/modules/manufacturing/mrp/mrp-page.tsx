import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { queryClient } from '../../../app/query-client.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useMrpRun, useMrpRuns, useStartMrpRun } from '../planning-queries.ts';
import { StateTag } from '../shared/tags.tsx';
import type { MrpRun } from '../types.ts';
import { ProposalsSection } from './proposals-section.tsx';
import { RunsTable } from './runs-table.tsx';

const FINISHED = ['done', 'failed'];

/** The run being watched: its progress bar (polled every second until it ends) and its counts. */
function RunProgress({ run }: { run: MrpRun }) {
  const { t } = useTranslation();
  const status = run.state === 'failed' ? 'exception' : run.state === 'done' ? 'success' : 'active';
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{t('manufacturing.mrp.currentRun')}</Typography.Text>
        <StateTag kind="run" state={run.state} testId="mrp-run-state" />
        <Typography.Text type="secondary">{formatDateTime(run.createdAt)}</Typography.Text>
      </Flex>
      <div data-testid="mrp-progress" data-state={run.state} data-progress={run.progress}>
        <Progress percent={run.progress} status={status} />
      </div>
      {run.state === 'failed' ? (
        <Alert type="error" showIcon title={t('manufacturing.mrp.failed', { error: run.error ?? '' })} />
      ) : null}
      {run.state === 'done' ? (
        <Descriptions size="small" column={{ xs: 2, sm: 4 }}>
          <Descriptions.Item label={t('manufacturing.mrp.items')}>{run.itemCount}</Descriptions.Item>
          <Descriptions.Item label={t('manufacturing.mrp.demands')}>{run.demandCount}</Descriptions.Item>
          <Descriptions.Item label={t('manufacturing.mrp.proposals')}>
            <span data-testid="mrp-proposal-count">{run.proposalCount}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('manufacturing.mrp.late')}>{run.lateCount}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Flex>
  );
}

/**
 * The planner's MRP screen: run MRP (a background job; its progress bar polls the run), the last runs,
 * and the proposals of the latest finished run (or the one picked) to confirm or dismiss in bulk.
 */
export function MrpPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canRun = useHasPermission('manufacturing.mrp.run');
  const runs = useMrpRuns();
  const start = useStartMrpRun();
  const [watchedId, setWatchedId] = useState<string | undefined>();
  const [pickedRunId, setPickedRunId] = useState<string | undefined>();
  const latest = runs.data?.items[0];
  const watched = useMrpRun(watchedId ?? latest?.id);
  const current = watched.data ?? latest;
  const busy = current ? !FINISHED.includes(current.state) : false;

  // When the watched run ends, the list of runs shows it with its counts.
  const endedId = current && FINISHED.includes(current.state) ? current.id : undefined;
  useEffect(() => {
    if (endedId) void queryClient.invalidateQueries({ queryKey: ['mrp-runs', 'list'] });
  }, [endedId]);
  // The proposals shown: the picked run's, else the newest finished run's (the key changes when one ends).
  const shownRunId =
    pickedRunId ?? [watched.data, ...(runs.data?.items ?? [])].find((r) => r?.state === 'done')?.id;

  const run = () =>
    start.mutate(undefined, {
      onSuccess: (queued) => {
        setWatchedId(queued.id);
        setPickedRunId(undefined);
      },
      onError: (err) => message.error(errorMessage(t, err)),
    });

  return (
    <>
      <PageHeader
        title={t('manufacturing.mrp.title')}
        subtitle={t('manufacturing.mrp.subtitle')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() =>
                Promise.all(
                  ['mrp-runs', 'mrp-proposals'].map((key) =>
                    queryClient.invalidateQueries({ queryKey: [key] }),
                  ),
                )
              }
            >
              {t('common.refresh')}
            </Button>
            {canRun ? (
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={start.isPending}
                disabled={busy}
                onClick={run}
                data-testid="mrp-run"
              >
                {busy ? t('manufacturing.mrp.running') : t('manufacturing.mrp.run')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        {runs.isError ? <Alert type="error" showIcon title={errorMessage(t, runs.error)} /> : null}
        <Card size="small">
          {current ? (
            <RunProgress run={current} />
          ) : (
            <Typography.Text type="secondary">{t('manufacturing.mrp.noRuns')}</Typography.Text>
          )}
        </Card>
        <ContentCard>
          <ProposalsSection
            runId={shownRunId}
            picked={Boolean(pickedRunId)}
            onShowLatest={() => setPickedRunId(undefined)}
          />
        </ContentCard>
        <Card size="small" title={t('manufacturing.mrp.lastRuns')}>
          <RunsTable
            runs={runs.data?.items ?? []}
            loading={runs.isFetching}
            pickedRunId={pickedRunId}
            onPick={(picked) => setPickedRunId(picked.state === 'done' ? picked.id : undefined)}
          />
        </Card>
      </Flex>
    </>
  );
}
