import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { type JobDef, registerJob } from '../../../platform/jobs/scheduler.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { systemActor } from '../../../platform/permissions/actor.ts';
import { qualityChecks } from './checks/registry.ts';
import { countsByCheck } from './finding.repo.ts';
import { executeQualityRun, requestQualityRun, resumeQualityRuns } from './run-checks.ts';

/** Every company's checks, one company after another (a company with a run going is left to it). */
export async function runDailyChecks(db: Db): Promise<void> {
  const companies = await rows<{ id: string }>(db.orm, sql`select id from platform_company order by id`);
  for (const { id } of companies) {
    const run = await withTransaction(db, (tx) =>
      requestQualityRun(tx, systemActor(id, 'daily data-quality checks')),
    ).catch(() => null);
    if (run) await executeQualityRun(db, id, run.id).catch(() => {});
  }
}

/** The active members holding the company's admin role. */
async function adminsOf(db: Db, companyId: string): Promise<string[]> {
  const found = await rows<{ user_id: string }>(
    db.orm,
    sql`select ur.user_id from platform_user_role ur
          join platform_role r on r.company_id = ur.company_id and r.id = ur.role_id
         where ur.company_id = ${companyId} and r.code = 'admin'`,
  );
  return found.map((r) => r.user_id);
}

/**
 * The monthly summary to each company's administrators: open and ignored findings per check, and how
 * many were resolved over the last month. Companies whose checks never ran get nothing.
 */
export async function sendMonthlySummaries(db: Db): Promise<number> {
  const companies = await rows<{ company_id: string; resolved: number }>(
    db.orm,
    sql`select r.company_id,
               (select count(*)::int from integration_quality_finding f where f.company_id = r.company_id
                  and f.status = 'resolved' and f.resolved_at > now() - interval '1 month') as resolved
          from integration_quality_run r group by r.company_id`,
  );
  let sent = 0;
  for (const c of companies) {
    const counts = await countsByCheck(db.orm, c.company_id);
    const lines = (locale: 'zh-CN' | 'en') =>
      qualityChecks()
        .filter((check) => (counts.get(check.key)?.open ?? 0) + (counts.get(check.key)?.ignored ?? 0) > 0)
        .map((check) => {
          const n = counts.get(check.key)!;
          return locale === 'en'
            ? `${check.title.en}: ${n.open} open, ${n.ignored} ignored`
            : `${check.title['zh-CN']}：${n.open} 个待处理，${n.ignored} 个已忽略`;
        });
    const open = [...counts.values()].reduce((sum, n) => sum + n.open, 0);
    const admins = await adminsOf(db, c.company_id);
    const ids = await withTransaction(db, (tx) =>
      notify(tx, c.company_id, admins, {
        kind: 'integration.quality.summary',
        title: {
          en: `Data quality this month: ${open} open findings, ${c.resolved} resolved`,
          'zh-CN': `本月数据质量：${open} 个待处理问题，${c.resolved} 个已解决`,
        },
        body: {
          en: lines('en').join('\n') || 'No open findings.',
          'zh-CN': lines('zh-CN').join('\n') || '没有待处理的问题。',
        },
        link: '/integration/data-quality',
      }),
    );
    sent += ids.length;
  }
  return sent;
}

export const dailyQualityJob: JobDef = {
  name: 'integration.quality.daily',
  cron: '30 1 * * *',
  run: runDailyChecks,
};
export const monthlyQualitySummaryJob: JobDef = {
  name: 'integration.quality.monthly_summary',
  cron: '0 2 1 * *',
  // A first start schedules every job at once: the summary goes out on the 1st only.
  run: async (db) => {
    if (new Date().getUTCDate() === 1) await sendMonthlySummaries(db);
  },
};

registerJob(dailyQualityJob);
registerJob(monthlyQualitySummaryJob);
// POST /data-quality/runs starts its run in the same process; this catches runs left behind.
registerJob({ name: 'integration.quality.resume', everySeconds: 60, run: resumeQualityRuns });
