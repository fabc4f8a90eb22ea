import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { confirmProposals, dismissProposals } from './confirm-proposals.ts';
import {
  MrpProposal,
  MrpProposalQuery,
  MrpRun,
  MrpRunListQuery,
  ProposalIds,
  ProposalResult,
} from './contract.ts';
import { listProposals, runExists } from './proposal.repo.ts';
import { getRun, listRuns } from './run.repo.ts';
import { requestMrpRun, startQueuedRun } from './run-mrp.ts';

const tags = ['manufacturing'];

export function mrpRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/mrp-runs',
    summary:
      'Start an MRP run in the background (answers at once with the queued run; poll it for progress). 409 while one runs',
    tags,
    access: 'manufacturing.mrp.run',
    status: 202,
    response: MrpRun,
    handler: async ({ db }, actor) => {
      const run = await withTransaction(db, (tx) => requestMrpRun(tx, actor));
      startQueuedRun(db, actor.companyId, run.id);
      return run;
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/mrp-runs',
    summary: 'MRP runs, newest first',
    tags,
    access: 'manufacturing.mrp.read',
    query: MrpRunListQuery,
    response: listOf(MrpRun),
    handler: ({ db, query }, actor) => listRuns(db.orm, actor.companyId, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/mrp-runs/:id',
    summary: 'One MRP run with its state, progress (0..100) and counts',
    tags,
    access: 'manufacturing.mrp.read',
    params: IdParams,
    response: MrpRun,
    handler: ({ db, params }, actor) => getRun(db.orm, actor.companyId, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/mrp-proposals',
    summary:
      'Proposals of an MRP run (default: the latest finished), by release date; filter by kind, product, state, late',
    tags,
    access: 'manufacturing.mrp.read',
    query: MrpProposalQuery,
    response: listOf(MrpProposal),
    handler: async ({ db, query }, actor) => {
      if (query.runId && !(await runExists(db.orm, actor.companyId, query.runId)))
        throw notFound('mrp run', query.runId);
      return listProposals(db.orm, actor.companyId, query);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/mrp-proposals/confirm',
    summary:
      'Confirm proposals in bulk: make → production orders, buy → purchase requisitions; answers with the proposals',
    tags,
    access: 'manufacturing.mrp.confirm',
    body: ProposalIds,
    response: ProposalResult,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => confirmProposals(tx, actor, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/mrp-proposals/dismiss',
    summary: 'Dismiss proposals in bulk (nothing is created)',
    tags,
    access: 'manufacturing.mrp.confirm',
    body: ProposalIds,
    response: ProposalResult,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => dismissProposals(tx, actor, body)),
  });
}
