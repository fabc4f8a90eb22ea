import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, type Tx, withTransaction } from '../../../platform/db/tx.ts';
import type { JobDef } from '../../../platform/jobs/scheduler.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { publish } from '../../../platform/outbox/publish.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';

export const POOL_REASON = 'public pool rule';

interface Rule {
  company_id: string;
  team_id: string;
  days_without_follow_up: number;
  days_without_deal: number;
  warn_days_before: number;
  time_zone: string;
}

/**
 * Customers the rule applies to: owned by a member of the team, not in the pool, not merged, with no
 * follow-up for `followUpDays` AND no deal for `dealDays` (a customer never followed up or never won
 * counts from its creation). Shifting both periods by the warning days finds those due soon.
 */
function neglectedSql(rule: Rule, shiftDays: number) {
  return sql`c.company_id = ${rule.company_id} and not c.in_pool and c.merged_into_id is null
    and c.owner_user_id is not null
    and exists (select 1 from platform_membership m where m.company_id = c.company_id
                  and m.user_id = c.owner_user_id and m.department_id = ${rule.team_id})
    and coalesce(c.last_activity_at, c.created_at)
          < now() - make_interval(days => ${rule.days_without_follow_up - shiftDays})
    and coalesce(c.last_deal_at, c.created_at) < now() - make_interval(days => ${rule.days_without_deal - shiftDays})`;
}

function localDate(value: unknown, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short' }).format(new Date(String(value)));
  } catch {
    return String(value).slice(0, 10);
  }
}

/** Moves the team's neglected customers to the pool, each audited, published and told to its old owner. */
async function returnNeglected(tx: Tx, rule: Rule): Promise<number> {
  const actor = systemActor(rule.company_id, POOL_REASON);
  // skip locked: a customer being claimed or edited right now is simply looked at again tomorrow.
  const moved = await rows<{ id: string; code: string; name: string; from_user_id: string }>(
    tx,
    sql`with due as (
          select c.company_id, c.id, c.owner_user_id from crm_customer c
           where ${neglectedSql(rule, 0)}
           for update of c skip locked
        )
        update crm_customer c set in_pool = true, pool_since = now(), owner_user_id = null, pool_warned_at = null,
               team_id = coalesce(c.team_id, ${rule.team_id}), version = c.version + 1, updated_at = now()
          from due where c.company_id = due.company_id and c.id = due.id
        returning c.id, c.code, c.name, due.owner_user_id as from_user_id`,
  );
  const why = `no follow-up for ${rule.days_without_follow_up} days and no deal for ${rule.days_without_deal} days`;
  for (const c of moved) {
    await recordAudit(tx, actor, {
      entity: 'crm.customer',
      entityId: c.id,
      action: 'return_to_pool',
      before: { ownerUserId: c.from_user_id, inPool: false },
      after: { ownerUserId: null, inPool: true },
      reason: POOL_REASON,
    });
    await publish(tx, actor, {
      type: 'customer.returned_to_pool',
      aggregateType: 'customer',
      aggregateId: c.id,
      payload: {
        customerId: c.id,
        code: c.code,
        name: c.name,
        fromUserId: c.from_user_id,
        teamId: rule.team_id,
        summary: `Returned to the public pool: ${why}`,
      },
    });
    await notify(tx, rule.company_id, [c.from_user_id], {
      kind: 'crm.customer.returned_to_pool',
      title: { en: `${c.name} returned to the public pool`, 'zh-CN': `客户 ${c.name} 已退回公海` },
      body: {
        en: `Reason: ${why}.`,
        'zh-CN': `原因：${rule.days_without_follow_up} 天未跟进且 ${rule.days_without_deal} 天未成交。`,
      },
      link: `/crm/customers/${c.id}`,
    });
  }
  return moved.length;
}

/**
 * Warns owners once (pool_warned_at; logging a follow-up clears it) about customers that the rule
 * will take within the warning days. Not audited and no version bump: nothing about the customer
 * changed, and the owner's open edit must not go stale because of a reminder.
 */
async function warnOwners(tx: Tx, rule: Rule): Promise<number> {
  if (rule.warn_days_before <= 0) return 0;
  const warned = await rows<{ id: string; name: string; owner_user_id: string; returns_at: string }>(
    tx,
    sql`update crm_customer c set pool_warned_at = now()
         where ${neglectedSql(rule, rule.warn_days_before)} and c.pool_warned_at is null
        returning c.id, c.name, c.owner_user_id,
          greatest(coalesce(c.last_activity_at, c.created_at) + make_interval(days => ${rule.days_without_follow_up}),
                   coalesce(c.last_deal_at, c.created_at) + make_interval(days => ${rule.days_without_deal}))::text as returns_at`,
  );
  for (const c of warned) {
    const date = localDate(c.returns_at, rule.time_zone);
    await notify(tx, rule.company_id, [c.owner_user_id], {
      kind: 'crm.customer.pool_warning',
      title: { en: `${c.name} returns to the public pool soon`, 'zh-CN': `客户 ${c.name} 即将退回公海` },
      body: {
        en: `Log a follow-up before ${date} to keep it.`,
        'zh-CN': `请在 ${date} 前跟进，以免客户退回公海。`,
      },
      link: `/crm/customers/${c.id}`,
    });
  }
  return warned.length;
}

/**
 * The daily public-pool run: every active team rule of every company, each rule in its own
 * transaction (one team's failure does not hold back the others; the first error is re-thrown so the
 * scheduler records it). Returns what moved, for tests and logs.
 */
export async function runPoolRules(db: Db): Promise<{ returned: number; warned: number }> {
  const rules = await rows<Rule>(
    db.orm,
    sql`select r.company_id, r.team_id, r.days_without_follow_up, r.days_without_deal, r.warn_days_before,
               co.time_zone
          from crm_pool_rule r join platform_company co on co.id = r.company_id
         where r.active order by r.company_id, r.team_id`,
  );
  const total = { returned: 0, warned: 0 };
  let failure: unknown = null;
  for (const rule of rules) {
    try {
      const done = await withTransaction(db, async (tx) => ({
        returned: await returnNeglected(tx, rule),
        warned: await warnOwners(tx, rule),
      }));
      total.returned += done.returned;
      total.warned += done.warned;
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return total;
}

export const poolRuleJob: JobDef = {
  name: 'crm.pool.rules',
  // 18:05 UTC is 02:05 in China, the default company time zone: after the working day everywhere east of UTC.
  cron: '5 18 * * *',
  run: async (db) => void (await runPoolRules(db)),
};
