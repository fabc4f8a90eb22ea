import { z } from 'zod';
import { Version } from '../../../../platform/http/schemas.ts';
import { Code, RegionCode } from '../contract.ts';

export const STRATEGIES = ['round_robin', 'team_round_robin', 'fixed'] as const;

const fields = {
  name: z.string().trim().min(1).max(100),
  /** Lower first: the first matching active rule decides. */
  priority: z.number().int().min(0).max(100_000),
  /** Only leads from this source (lead_source code); any source when null. */
  matchSourceCode: Code.nullable(),
  /** Only leads from this region or below it (CN-SH takes CN-SH-PD); any region when null. */
  matchRegionCode: RegionCode.nullable(),
  strategy: z.enum(STRATEGIES),
  /** Who round_robin rotates over / fixed gives to (first active one). */
  userIds: z.array(z.uuid()).max(100),
  /** team_round_robin rotates over the active members of this department; also set on the lead. */
  teamId: z.uuid().nullable(),
  /** When nobody of the rule is available. */
  fallbackUserId: z.uuid().nullable(),
  active: z.boolean(),
};

export const AssignmentRuleInput = z.strictObject({
  ...fields,
  priority: fields.priority.default(100),
  matchSourceCode: fields.matchSourceCode.default(null),
  matchRegionCode: fields.matchRegionCode.default(null),
  userIds: fields.userIds.default([]),
  teamId: fields.teamId.default(null),
  fallbackUserId: fields.fallbackUserId.default(null),
  active: fields.active.default(true),
});
export type AssignmentRuleInput = z.infer<typeof AssignmentRuleInput>;

export const AssignmentRulePatch = z.strictObject({
  version: Version,
  name: fields.name.optional(),
  priority: fields.priority.optional(),
  matchSourceCode: fields.matchSourceCode.optional(),
  matchRegionCode: fields.matchRegionCode.optional(),
  strategy: fields.strategy.optional(),
  userIds: fields.userIds.optional(),
  teamId: fields.teamId.optional(),
  fallbackUserId: fields.fallbackUserId.optional(),
  active: fields.active.optional(),
});
export type AssignmentRulePatch = z.infer<typeof AssignmentRulePatch>;

export const AssignmentRuleView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    priority: z.number().int(),
    matchSourceCode: z.string().nullable(),
    matchRegionCode: z.string().nullable(),
    strategy: z.enum(STRATEGIES),
    userIds: z.array(z.uuid()),
    teamId: z.uuid().nullable(),
    fallbackUserId: z.uuid().nullable(),
    active: z.boolean(),
    /** Where the rotation continues. */
    cursor: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AssignmentRule' });
export type AssignmentRuleView = z.infer<typeof AssignmentRuleView>;
