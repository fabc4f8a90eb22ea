import { z } from 'zod';
import { ListQuery, Translations } from '../../../platform/http/schemas.ts';

export const MrpRun = z
  .object({
    id: z.uuid(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number().int().min(0).max(100),
    planDate: z.string().nullable(),
    itemCount: z.number().int(),
    demandCount: z.number().int(),
    proposalCount: z.number().int(),
    lateCount: z.number().int(),
    requestedBy: z.uuid().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'MrpRun' });

export const MrpRunListQuery = ListQuery.pick({ limit: true, cursor: true });

export const Peg = z.object({
  type: z.string(),
  id: z.string().nullable(),
  number: z.string().nullable(),
  qty: z.string(),
  date: z.string(),
  /** The open procurement need of the sales order line pegged (planned when the proposal is confirmed). */
  needId: z.string().optional(),
});

export const ProposalState = z.enum(['proposed', 'confirmed', 'dismissed', 'superseded']);

export const MrpProposal = z
  .object({
    id: z.uuid(),
    runId: z.uuid(),
    productId: z.uuid(),
    productSku: z.string(),
    productName: Translations,
    warehouseId: z.uuid(),
    warehouseCode: z.string(),
    kind: z.enum(['buy', 'make']),
    bomId: z.uuid().nullable(),
    qty: z.string(),
    releaseDate: z.string(),
    needDate: z.string(),
    late: z.boolean(),
    pegging: z.array(Peg),
    state: ProposalState,
    documentType: z.string().nullable(),
    documentId: z.uuid().nullable(),
    documentNumber: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'MrpProposal' });

export const MrpProposalQuery = ListQuery.pick({ limit: true, cursor: true }).extend({
  /** Without it: the latest finished run. */
  runId: z.uuid().optional(),
  kind: z.enum(['buy', 'make']).optional(),
  productId: z.uuid().optional(),
  state: ProposalState.optional(),
  late: z.enum(['true', 'false']).optional(),
});
export type MrpProposalQuery = z.infer<typeof MrpProposalQuery>;

export const ProposalIds = z.strictObject({ ids: z.array(z.uuid()).min(1).max(1000) });
export type ProposalIds = z.infer<typeof ProposalIds>;

export const ProposalResult = z.object({ items: z.array(MrpProposal) }).meta({ id: 'MrpProposalResult' });
