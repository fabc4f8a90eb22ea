import { z } from 'zod';
import { ListQuery } from '../../../platform/http/schemas.ts';

export const FindingStatus = z.enum(['open', 'resolved', 'ignored']);

export const QualityCheckInfo = z
  .object({
    key: z.string(),
    title: z.object({ 'zh-CN': z.string(), en: z.string() }),
    severity: z.enum(['high', 'medium', 'low']),
    recordType: z.string(),
    /** Findings of this check by status. */
    counts: z.object({ open: z.number().int(), resolved: z.number().int(), ignored: z.number().int() }),
  })
  .meta({ id: 'QualityCheck' });

export const QualityChecks = z.object({ items: z.array(QualityCheckInfo) });

export const QualityRun = z
  .object({
    id: z.uuid(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    checksTotal: z.number().int(),
    checksDone: z.number().int(),
    progress: z.number().int().min(0).max(100),
    foundCount: z.number().int(),
    newCount: z.number().int(),
    resolvedCount: z.number().int(),
    requestedBy: z.uuid().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'QualityRun' });

export const LatestRun = z.object({ run: QualityRun.nullable() });

export const QualityFinding = z
  .object({
    id: z.uuid(),
    checkKey: z.string(),
    recordType: z.string(),
    recordId: z.uuid(),
    /** The record's page in the web app (null when it has none). */
    webPath: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    status: FindingStatus,
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.uuid().nullable(),
    note: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'QualityFinding' });

export const FindingQuery = ListQuery.extend({
  check: z
    .string()
    .regex(/^[a-z]+\.[a-z_]+$/)
    .optional(),
  status: FindingStatus.optional(),
  recordType: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  recordId: z.uuid().optional(),
});
export type FindingQuery = z.infer<typeof FindingQuery>;

export const FindingDecision = z.strictObject({
  note: z.string().trim().max(1000).default(''),
  version: z.number().int().min(1).optional(),
});
export type FindingDecision = z.infer<typeof FindingDecision>;
