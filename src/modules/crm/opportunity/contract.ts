import { z } from 'zod';
import { Translations, Version } from '../../../platform/http/schemas.ts';

const Text = (max: number) => z.string().trim().max(max);
export const Money = z
  .string()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, 'a non-negative decimal string with at most 2 decimals');
/** A business date (YYYY-MM-DD) in years a deal can have: PostgreSQL refuses year 0 with a 500-prone error. */
export const BusinessDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'a date between 1900 and 2999');
const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY');
const Code = z.string().regex(/^[a-z0-9][a-z0-9_]{0,39}$/, 'a code: a-z, 0-9 and _');
const Probability = z.number().int().min(0).max(100);
const Product = z.strictObject({
  productId: z.uuid().optional(),
  name: Text(200).min(1),
  quantity: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,4})?$/, 'a non-negative decimal string')
    .optional(),
});

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export const STAGE_OUTCOMES = ['open', 'won', 'lost'] as const;

export const OpportunityInput = z.strictObject({
  name: Text(200).min(1),
  customerId: z.uuid(),
  contactId: z.uuid().nullable().optional(),
  /** The default pipeline unless given; its first open stage unless `stageId`. */
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  amount: Money.default('0'),
  currency: Currency.default('CNY'),
  /** The stage's probability unless given. */
  probability: Probability.optional(),
  expectedCloseDate: BusinessDate.nullable().optional(),
  products: z.array(Product).max(100).default([]),
  competitor: Text(200).default(''),
  nextStep: Text(500).default(''),
  ownerUserId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
});
export type OpportunityInput = z.infer<typeof OpportunityInput>;

export const OpportunityPatch = z.strictObject({
  version: Version,
  name: Text(200).min(1).optional(),
  contactId: z.uuid().nullable().optional(),
  amount: Money.optional(),
  currency: Currency.optional(),
  probability: Probability.optional(),
  expectedCloseDate: BusinessDate.nullable().optional(),
  products: z.array(Product).max(100).optional(),
  competitor: Text(200).optional(),
  nextStep: Text(500).optional(),
  ownerUserId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
});
export type OpportunityPatch = z.infer<typeof OpportunityPatch>;

export const MoveInput = z.strictObject({
  version: Version,
  stageId: z.uuid(),
  /** Required when the stage is a lost one: a code of the lost_reason dictionary. */
  lostReasonCode: Code.optional(),
});
export type MoveInput = z.infer<typeof MoveInput>;

export const OpportunityView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    customerId: z.uuid(),
    customerName: z.string().nullable(),
    contactId: z.uuid().nullable(),
    pipelineId: z.uuid(),
    stageId: z.uuid(),
    stageName: z.record(z.string(), z.string()).nullable(),
    status: z.enum(OPPORTUNITY_STATUSES),
    amount: z.string(),
    currency: z.string(),
    probability: z.number().int(),
    expectedCloseDate: z.string().nullable(),
    ownerUserId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    teamId: z.uuid().nullable(),
    competitor: z.string(),
    nextStep: z.string(),
    products: z.array(
      z.object({ productId: z.string().optional(), name: z.string(), quantity: z.string().optional() }),
    ),
    lostReasonCode: z.string().nullable(),
    closedAt: z.string().nullable(),
    leadId: z.uuid().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Opportunity' });
export type OpportunityView = z.infer<typeof OpportunityView>;

export const OpportunityListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
  q: z.string().trim().max(100).optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  ownerUserId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
});
export type OpportunityListQuery = z.infer<typeof OpportunityListQuery>;

export const StageChangeView = z
  .object({
    id: z.uuid(),
    fromStageId: z.uuid().nullable(),
    fromStageName: z.record(z.string(), z.string()).nullable(),
    toStageId: z.uuid(),
    toStageName: z.record(z.string(), z.string()).nullable(),
    changedBy: z.uuid().nullable(),
    changedByName: z.string().nullable(),
    changedAt: z.string(),
  })
  .meta({ id: 'StageChange' });

export const StageView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.record(z.string(), z.string()),
    sort: z.number().int(),
    probability: z.number().int(),
    outcome: z.enum(STAGE_OUTCOMES),
    version: z.number().int(),
  })
  .meta({ id: 'Stage' });
export type StageView = z.infer<typeof StageView>;

export const PipelineView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.record(z.string(), z.string()),
    isDefault: z.boolean(),
    active: z.boolean(),
    stages: z.array(StageView),
    version: z.number().int(),
  })
  .meta({ id: 'Pipeline' });
export type PipelineView = z.infer<typeof PipelineView>;

export const StageInput = z.strictObject({
  code: Code,
  name: Translations,
  probability: Probability,
  outcome: z.enum(STAGE_OUTCOMES).default('open'),
  /** Where to put it (0 = first); at the end of the open stages unless given. */
  position: z.number().int().min(0).max(100).optional(),
});
export type StageInput = z.infer<typeof StageInput>;

export const PipelineInput = z.strictObject({
  code: Code,
  name: Translations,
  isDefault: z.boolean().default(false),
  stages: z
    .array(StageInput.omit({ position: true }))
    .min(2)
    .max(30),
});
export type PipelineInput = z.infer<typeof PipelineInput>;

export const StagePatch = z.strictObject({
  version: Version,
  name: Translations.optional(),
  probability: Probability.optional(),
});
export type StagePatch = z.infer<typeof StagePatch>;

export const ReorderInput = z.strictObject({
  /** The pipeline's version you read. */
  version: Version,
  /** Every stage of the pipeline, in the new order. */
  stageIds: z.array(z.uuid()).min(1).max(30),
});
export type ReorderInput = z.infer<typeof ReorderInput>;

export const BoardQuery = z.object({ pipelineId: z.uuid().optional() });

export const BoardView = z
  .object({
    pipeline: PipelineView.omit({ stages: true }),
    stages: z.array(
      StageView.extend({
        count: z.number().int(),
        /** Sum of the amounts per currency of the open opportunities shown. */
        totals: z.array(z.object({ currency: z.string(), amount: z.string() })),
        opportunities: z.array(OpportunityView),
      }),
    ),
  })
  .meta({ id: 'OpportunityBoard' });

export const ForecastQuery = z.object({
  groupBy: z.enum(['month', 'owner']).default('month'),
  /** Expected close date from (inclusive) and to (inclusive), YYYY-MM-DD. */
  from: BusinessDate.optional(),
  to: BusinessDate.optional(),
});
export type ForecastQuery = z.infer<typeof ForecastQuery>;

export const ForecastView = z
  .object({
    groupBy: z.enum(['month', 'owner']),
    items: z.array(
      z.object({
        /** YYYY-MM (null: no expected close date) or the owner's user id (null: unowned). */
        key: z.string().nullable(),
        label: z.string().nullable(),
        currency: z.string(),
        count: z.number().int(),
        amount: z.string(),
        weightedAmount: z.string(),
      }),
    ),
  })
  .meta({ id: 'Forecast' });
