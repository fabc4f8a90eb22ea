import { sql } from 'drizzle-orm';
import { one, rows, type Tx } from '../../../../platform/db/tx.ts';
import { activeMembers } from '../refs.ts';
import { type LeadFacts, nextInRotation, ruleMatches } from './match.ts';

export interface Assignee {
  userId: string;
  ruleId: string | null;
  teamId: string | null;
  /** How the owner was found: by a rule, the rule's fallback, or the company's fallback. */
  via: 'rule' | 'rule_fallback' | 'company_fallback';
}

/**
 * Who gets a new lead. The first active rule by priority whose source and region match decides; its
 * row is locked while its cursor advances, so concurrent leads queue on it and spread evenly. Inactive
 * users are skipped. Nobody available → the rule's fallback user, else the company's fallback (the
 * `crm.leadFallbackUserId` setting, else the first active administrator). Null only if no one is left.
 */
export async function pickAssignee(tx: Tx, companyId: string, lead: LeadFacts): Promise<Assignee | null> {
  const rules = await rows<Record<string, any>>(
    tx,
    sql`select id, match_source_code, match_region_code from crm_assignment_rule
         where company_id = ${companyId} and active order by priority, created_at, id`,
  );
  const matched = rules.find((r) => ruleMatches(r as any, lead));
  if (matched) {
    const rule = await one<Record<string, any>>(
      tx,
      sql`select id, strategy, user_ids::text[] as user_ids, team_id, cursor, fallback_user_id
            from crm_assignment_rule where company_id = ${companyId} and id = ${matched.id} for update`,
    );
    if (rule) {
      const picked = await pickByStrategy(tx, companyId, rule);
      if (picked) {
        if (picked.cursor !== rule.cursor)
          await tx.execute(
            sql`update crm_assignment_rule set cursor = ${picked.cursor}
                 where company_id = ${companyId} and id = ${rule.id}`,
          );
        return { userId: picked.userId, ruleId: rule.id, teamId: rule.team_id, via: 'rule' };
      }
      const fallback = rule.fallback_user_id as string | null;
      if (fallback && (await activeMembers(tx, companyId, [fallback])).has(fallback))
        return { userId: fallback, ruleId: rule.id, teamId: rule.team_id, via: 'rule_fallback' };
    }
  }
  const userId = await companyFallback(tx, companyId);
  return userId ? { userId, ruleId: null, teamId: null, via: 'company_fallback' } : null;
}

async function pickByStrategy(
  tx: Tx,
  companyId: string,
  rule: Record<string, any>,
): Promise<{ userId: string; cursor: number } | null> {
  const cursor = Number(rule.cursor);
  if (rule.strategy === 'team_round_robin') {
    if (!rule.team_id) return null;
    const members = await rows<{ user_id: string }>(
      tx,
      sql`select m.user_id from platform_membership m join platform_user u on u.id = m.user_id
           where m.company_id = ${companyId} and m.department_id = ${rule.team_id} and m.active
             and u.disabled_at is null
           order by m.user_id`,
    );
    return nextInRotation(
      members.map((m) => m.user_id),
      cursor,
      () => true,
    );
  }
  const userIds: string[] = rule.user_ids ?? [];
  const active = await activeMembers(tx, companyId, userIds);
  if (rule.strategy === 'fixed') {
    const first = userIds.find((id) => active.has(id));
    return first ? { userId: first, cursor } : null;
  }
  return nextInRotation(userIds, cursor, (id) => active.has(id));
}

async function companyFallback(tx: Tx, companyId: string): Promise<string | null> {
  const setting = await one<{ user_id: string | null }>(
    tx,
    sql`select settings #>> '{crm,leadFallbackUserId}' as user_id from platform_company where id = ${companyId}`,
  );
  const configured = setting?.user_id;
  if (configured && /^[0-9a-f-]{36}$/i.test(configured)) {
    if ((await activeMembers(tx, companyId, [configured])).has(configured)) return configured;
  }
  const admin = await one<{ user_id: string }>(
    tx,
    sql`select m.user_id from platform_membership m
          join platform_user u on u.id = m.user_id
          join platform_user_role ur on ur.company_id = m.company_id and ur.user_id = m.user_id
          join platform_role r on r.company_id = ur.company_id and r.id = ur.role_id
         where m.company_id = ${companyId} and m.active and u.disabled_at is null and r.code = 'admin'
         order by m.created_at, m.user_id limit 1`,
  );
  return admin?.user_id ?? null;
}
