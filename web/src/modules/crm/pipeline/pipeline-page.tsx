import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { queryClient } from '../../../app/query-client.ts';
import { ContentCard } from '../../../components/content-card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useLocalized } from '../../../i18n/localized.ts';
import { usePipelines } from '../shared/pipelines.ts';
import { ForecastView } from './forecast-view.tsx';
import { KanbanBoard } from './kanban-board.tsx';
import { NewOpportunityModal } from './new-opportunity-modal.tsx';
import { OpportunityList } from './opportunity-list.tsx';
import { TargetProgressStrip } from './target-progress.tsx';

type View = 'board' | 'list' | 'forecast';

/** The pipeline: kanban (drag between stages), a list of every opportunity, and the weighted forecast. */
export function PipelinePage() {
  const { t } = useTranslation();
  const pick = useLocalized();
  const [params, setParams] = useSearchParams();
  const view = (
    ['board', 'list', 'forecast'].includes(params.get('view') ?? '') ? params.get('view') : 'board'
  ) as View;
  const pipelines = usePipelines();
  const [pipelineId, setPipelineId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const canCreate = useHasPermission('crm.opportunity.create');
  const setView = (next: View) =>
    setParams((previous) => {
      const copy = new URLSearchParams(previous);
      copy.set('view', next);
      return copy;
    });

  return (
    <>
      <PageHeader
        title={t('crm.pipeline.title')}
        subtitle={t('crm.pipeline.subtitle')}
        extra={
          <>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => queryClient.invalidateQueries({ queryKey: ['opportunities'] })}
            >
              {t('common.refresh')}
            </Button>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('crm.pipeline.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <TargetProgressStrip />
      <ContentCard>
        <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 16 }}>
          <Segmented
            value={view}
            onChange={(value) => setView(value as View)}
            options={[
              { value: 'board', label: t('crm.pipeline.board') },
              { value: 'list', label: t('crm.pipeline.list') },
              { value: 'forecast', label: t('crm.pipeline.forecast') },
            ]}
            data-testid="pipeline-view"
          />
          {(pipelines.data?.length ?? 0) > 1 && view !== 'forecast' ? (
            <Select
              value={pipelineId ?? pipelines.data?.[0]?.id}
              onChange={setPipelineId}
              options={(pipelines.data ?? []).map((pipeline) => ({
                value: pipeline.id,
                label: pick(pipeline.name),
              }))}
              style={{ minWidth: 180 }}
            />
          ) : null}
        </Flex>
        {view === 'board' ? (
          <KanbanBoard pipelineId={pipelineId} highlight={params.get('opportunity')} />
        ) : null}
        {view === 'list' ? <OpportunityList pipelineId={pipelineId} /> : null}
        {view === 'forecast' ? <ForecastView /> : null}
      </ContentCard>
      <NewOpportunityModal open={creating} onClose={() => setCreating(false)} pipelineId={pipelineId} />
    </>
  );
}
