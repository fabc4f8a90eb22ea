import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { qualityChecks } from './checks/registry.ts';
import {
  FindingDecision,
  FindingQuery,
  LatestRun,
  QualityChecks,
  QualityFinding,
  QualityRun,
} from './contract.ts';
import { decideFinding } from './decide-finding.ts';
import { countsByCheck, listFindings } from './finding.repo.ts';
import { getRun, latestRun } from './run.repo.ts';
import { requestQualityRun, startQualityRun } from './run-checks.ts';

const tags = ['integration'];

export function qualityRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/data-quality/checks',
    summary: 'The data-quality checks with their findings counted by status',
    tags,
    access: 'integration.quality.read',
    response: QualityChecks,
    handler: async ({ db }, actor) => {
      const counts = await countsByCheck(db.orm, actor.companyId);
      return {
        items: qualityChecks().map((c) => ({
          key: c.key,
          title: c.title,
          severity: c.severity,
          recordType: c.recordType,
          counts: counts.get(c.key) ?? { open: 0, resolved: 0, ignored: 0 },
        })),
      };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/data-quality/runs',
    summary:
      'Run every data-quality check in the background (answers at once with the queued run; poll it for progress). 409 while one runs',
    tags,
    access: 'integration.quality.manage',
    status: 202,
    response: QualityRun,
    handler: async ({ db }, actor) => {
      const run = await withTransaction(db, (tx) => requestQualityRun(tx, actor));
      startQualityRun(db, actor.companyId, run.id);
      return run;
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/data-quality/runs/latest',
    summary: 'The newest data-quality run (null before the first)',
    tags,
    access: 'integration.quality.read',
    response: LatestRun,
    handler: async ({ db }, actor) => ({ run: await latestRun(db.orm, actor.companyId) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/data-quality/runs/:id',
    summary: 'One data-quality run with its state, progress (checks done of total) and counts',
    tags,
    access: 'integration.quality.read',
    params: IdParams,
    response: QualityRun,
    handler: ({ db, params }, actor) => getRun(db.orm, actor.companyId, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/data-quality/findings',
    summary: 'Findings, newest first; filter by check, status, record type or record',
    tags,
    access: 'integration.quality.read',
    query: FindingQuery,
    response: listOf(QualityFinding),
    handler: ({ db, query }, actor) => listFindings(db.orm, actor.companyId, query),
  });
  for (const [verb, status] of [
    ['resolve', 'resolved'],
    ['ignore', 'ignored'],
  ] as const)
    route(app, {
      method: 'POST',
      url: `/api/v1/data-quality/findings/:id/${verb}`,
      summary:
        verb === 'resolve'
          ? 'Mark a finding resolved (fixed), with a note; the next run reopens it if the problem is still there'
          : 'Ignore a finding, with a note; it stays ignored while the problem persists',
      tags,
      access: 'integration.quality.manage',
      params: IdParams,
      body: FindingDecision,
      response: QualityFinding,
      handler: ({ db, params, body }, actor) =>
        withTransaction(db, (tx) => decideFinding(tx, actor, params.id, status, body)),
    });
}
