import { Alert, App, Badge, Empty, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/errors.ts';
import { useHasPermission } from '../../../app/auth/session.tsx';
import { useLocalized } from '../../../i18n/localized.ts';
import { LostReasonDialog } from '../leads/lost-dialog.tsx';
import { formatTotals } from '../shared/format.ts';
import type { BoardStage, Opportunity, Stage } from '../types.ts';
import { DRAG_TYPE, OpportunityCard } from './opportunity-card.tsx';
import { useBoard, useMoveOpportunity } from './queries.ts';

const COLUMN_WIDTH = 264;
const OUTCOME_COLORS = { open: '#1668dc', won: '#389e0d', lost: '#8c8c8c' } as const;

function Column({
  stage,
  stages,
  canMove,
  onMove,
  onDropCard,
  highlight,
}: {
  stage: BoardStage;
  stages: Stage[];
  canMove: boolean;
  onMove: (opportunity: Opportunity, stage: Stage) => void;
  onDropCard: (opportunityId: string, stage: Stage) => void;
  highlight?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const pick = useLocalized();
  const [over, setOver] = useState(false);
  return (
    <section
      aria-label={pick(stage.name)}
      onDragOver={(event) => {
        if (!canMove) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const id = event.dataTransfer.getData(DRAG_TYPE);
        if (id) onDropCard(id, stage);
      }}
      style={{
        flex: `0 0 ${COLUMN_WIDTH}px`,
        width: COLUMN_WIDTH,
        background: over ? '#e6f4ff' : '#f5f7fa',
        border: `1px ${over ? 'dashed #1668dc' : 'solid #eef0f3'}`,
        borderTop: `3px solid ${OUTCOME_COLORS[stage.outcome] ?? '#1668dc'}`,
        borderRadius: 8,
        padding: 8,
        display: 'flex',
        flexDirection: 'column',
        gap: 8,
        minHeight: 240,
      }}
      data-testid="stage-column"
      data-stage-id={stage.id}
      data-stage-code={stage.code}
    >
      <Flex justify="space-between" align="center" gap={6}>
        <Typography.Text strong>{pick(stage.name)}</Typography.Text>
        <Flex gap={6} align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {stage.probability}%
          </Typography.Text>
          <Badge count={stage.count ?? stage.opportunities.length} showZero color="#8c8c8c" />
        </Flex>
      </Flex>
      {stage.outcome === 'open' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTotals(stage.totals, i18n.language)}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('crm.pipeline.dropToClose')}
        </Typography.Text>
      )}
      {stage.opportunities.map((opportunity) => (
        <OpportunityCard
          key={opportunity.id}
          opportunity={opportunity}
          stages={stages}
          canMove={canMove}
          onMove={onMove}
          highlighted={highlight === opportunity.id}
        />
      ))}
    </section>
  );
}

/** The kanban: one column per stage; dropping a card on a column moves the opportunity there. */
export function KanbanBoard({ pipelineId, highlight }: { pipelineId?: string; highlight?: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const board = useBoard(pipelineId);
  const move = useMoveOpportunity(pipelineId);
  const canMove = useHasPermission('crm.opportunity.update');
  const [losing, setLosing] = useState<{ opportunity: Opportunity; stage: Stage } | null>(null);

  if (board.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (board.isError) return <Alert type="error" showIcon title={errorMessage(t, board.error)} />;
  const stages = board.data.stages;
  if (stages.length === 0) return <Empty description={t('crm.pipeline.noStages')} />;

  const send = (opportunity: Opportunity, stage: Stage, lostReasonCode?: string) =>
    move.mutate(
      { opportunity, toStageId: stage.id, lostReasonCode },
      {
        onSuccess: () => {
          setLosing(null);
          if (stage.outcome === 'won')
            message.success(t('crm.pipeline.wonMessage', { name: opportunity.name }));
        },
        onError: (err) => {
          setLosing(null);
          message.error(errorMessage(t, err));
        },
      },
    );

  const requestMove = (opportunity: Opportunity, stage: Stage) => {
    if (stage.id === opportunity.stageId) return;
    if (stage.outcome === 'lost') setLosing({ opportunity, stage });
    else send(opportunity, stage);
  };

  const dropCard = (id: string, stage: Stage) => {
    const opportunity = stages.flatMap((column) => column.opportunities).find((item) => item.id === id);
    if (opportunity) requestMove(opportunity, stage);
  };

  return (
    <>
      <div style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="kanban">
        <Flex gap={12} align="stretch" style={{ width: 'max-content' }}>
          {stages.map((stage) => (
            <Column
              key={stage.id}
              stage={stage}
              stages={stages}
              canMove={canMove}
              onMove={requestMove}
              onDropCard={dropCard}
              highlight={highlight}
            />
          ))}
        </Flex>
      </div>
      <LostReasonDialog
        open={losing !== null}
        title={t('crm.lost.opportunityTitle', { name: losing?.opportunity.name ?? '' })}
        pending={move.isPending}
        onCancel={() => setLosing(null)}
        onConfirm={(code) => losing && send(losing.opportunity, losing.stage, code)}
      />
    </>
  );
}
