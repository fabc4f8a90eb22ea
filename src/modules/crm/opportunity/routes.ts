import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import {
  BoardQuery,
  BoardView,
  ForecastQuery,
  ForecastView,
  MoveInput,
  OpportunityInput,
  OpportunityListQuery,
  OpportunityPatch,
  OpportunityView,
  PipelineInput,
  PipelineView,
  ReorderInput,
  StageChangeView,
  StageInput,
  StagePatch,
} from './contract.ts';
import { createOpportunity } from './create-opportunity.ts';
import { createPipeline } from './create-pipeline.ts';
import { forecast } from './forecast.ts';
import { listOpportunities } from './list-opportunities.ts';
import { listPipelines } from './list-pipelines.ts';
import { addStage, deleteStage, reorderStages, updateStage } from './manage-stages.ts';
import { moveOpportunity } from './move-opportunity.ts';
import { findVisibleOpportunity, toOpportunity } from './opportunity.repo.ts';
import { opportunityBoard } from './opportunity-board.ts';
import { opportunityHistory } from './opportunity-history.ts';
import { ensureDefaultPipeline, findPipeline } from './pipeline.repo.ts';
import { updateOpportunity } from './update-opportunity.ts';

const tags = ['crm'];
const StageParams = z.object({ id: z.uuid(), stageId: z.uuid() });

export function opportunityRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/pipelines',
    summary: 'Pipelines with their stages (the default one first)',
    tags,
    access: 'crm.opportunity.read',
    response: listOf(PipelineView),
    handler: ({ db }, actor) => withTransaction(db, (tx) => listPipelines(tx, actor)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/pipelines/:id',
    summary: 'One pipeline with its stages',
    tags,
    access: 'crm.opportunity.read',
    params: IdParams,
    response: PipelineView,
    handler: ({ db, params }, actor) =>
      withTransaction(db, async (tx) => {
        requirePermission(actor, 'crm.opportunity.read');
        await ensureDefaultPipeline(tx, actor.companyId);
        return findPipeline(tx, actor.companyId, params.id);
      }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/pipelines',
    summary: 'Create another pipeline with its stages',
    tags,
    access: 'crm.pipeline.manage',
    body: PipelineInput,
    status: 201,
    response: PipelineView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createPipeline(tx, actor, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/pipelines/:id/stages',
    summary: 'Add a stage (after the last open stage unless a position is given)',
    tags,
    access: 'crm.pipeline.manage',
    params: IdParams,
    body: StageInput,
    status: 201,
    response: PipelineView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => addStage(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/pipelines/:id/stages/:stageId',
    summary: 'Rename a stage or change its win probability',
    tags,
    access: 'crm.pipeline.manage',
    params: StageParams,
    body: StagePatch,
    response: PipelineView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateStage(tx, actor, params.id, params.stageId, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/pipelines/:id/stages/:stageId',
    summary: 'Remove a stage no opportunity ever was in (409 otherwise)',
    tags,
    access: 'crm.pipeline.manage',
    params: StageParams,
    response: PipelineView,
    handler: ({ db, params }, actor) =>
      withTransaction(db, (tx) => deleteStage(tx, actor, params.id, params.stageId)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/pipelines/:id/reorder',
    summary: 'Put the stages in a new order (send every stage id and the pipeline version)',
    tags,
    access: 'crm.pipeline.manage',
    params: IdParams,
    body: ReorderInput,
    response: PipelineView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => reorderStages(tx, actor, params.id, body)),
  });

  route(app, {
    method: 'GET',
    url: '/api/v1/opportunities',
    summary: 'Opportunities you may see; filter by status, owner, customer, pipeline, stage; q by name',
    tags,
    access: 'crm.opportunity.read',
    query: OpportunityListQuery,
    response: listOf(OpportunityView),
    handler: ({ db, query }, actor) => listOpportunities(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/opportunities/board',
    summary: 'The kanban: stages of a pipeline (default unless given) with the visible open opportunities',
    tags,
    access: 'crm.opportunity.read',
    query: BoardQuery,
    response: BoardView,
    handler: ({ db, query }, actor) => withTransaction(db, (tx) => opportunityBoard(tx, actor, query)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/opportunities/:id',
    summary: 'One opportunity',
    tags,
    access: 'crm.opportunity.read',
    params: IdParams,
    response: OpportunityView,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'crm.opportunity.read');
      return toOpportunity(await findVisibleOpportunity(db.orm, actor, params.id));
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/opportunities/:id/history',
    summary: 'Stage history: who moved it from which stage to which, and when',
    tags,
    access: 'crm.opportunity.read',
    params: IdParams,
    response: listOf(StageChangeView),
    handler: ({ db, params }, actor) => opportunityHistory(db.orm, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/opportunities',
    summary: 'Create an opportunity for a customer you may see (default pipeline, first stage unless given)',
    tags,
    access: 'crm.opportunity.create',
    body: OpportunityInput,
    status: 201,
    response: OpportunityView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createOpportunity(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/opportunities/:id',
    summary: 'Edit an open opportunity (send the version you read); stages move through /move',
    tags,
    access: 'crm.opportunity.update',
    params: IdParams,
    body: OpportunityPatch,
    response: OpportunityView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateOpportunity(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/opportunities/:id/move',
    summary: 'Move to another stage; a won/lost stage closes it (lost needs lostReasonCode)',
    tags,
    access: 'crm.opportunity.update',
    params: IdParams,
    body: MoveInput,
    response: OpportunityView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => moveOpportunity(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/reports/forecast',
    summary: 'Weighted forecast (amount × probability) of visible open opportunities by month or owner',
    tags,
    access: 'crm.opportunity.read',
    query: ForecastQuery,
    response: ForecastView,
    handler: ({ db, query }, actor) => forecast(db.orm, actor, query),
  });
}
