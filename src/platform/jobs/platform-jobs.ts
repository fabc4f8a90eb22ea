import { sql } from 'drizzle-orm';
import { sealAuditLog } from '../audit/seal.ts';
import type { Config } from '../config.ts';
import { resumeInterruptedImports } from '../imports/resume-import.ts';
import { sendQueuedMail } from '../mail/queue.ts';
import { registerJob } from './scheduler.ts';

/** The platform's own housekeeping, on the same scheduler modules use. */
export function registerPlatformJobs(config: Config): void {
  registerJob({
    name: 'platform.audit.seal',
    everySeconds: 5,
    run: async (db) => void (await sealAuditLog(db)),
  });
  registerJob({
    name: 'platform.import.resume',
    everySeconds: 60,
    run: async (db) => void (await resumeInterruptedImports(db, { fileDir: config.importsDir })),
  });
  registerJob({
    name: 'platform.mail.send',
    everySeconds: 10,
    run: async (db) => void (await sendQueuedMail(db, config)),
  });
  registerJob({
    name: 'platform.housekeeping',
    cron: '17 3 * * *',
    run: async (db) => {
      await db.orm.execute(
        sql`delete from platform_idempotency_key where created_at < now() - interval '7 days'`,
      );
      await db.orm.execute(
        sql`delete from platform_rate_limit where window_start < now() - interval '1 day'`,
      );
      await db.orm.execute(
        sql`delete from platform_session where coalesce(ended_at, expires_at) < now() - interval '30 days'`,
      );
      await db.orm.execute(
        sql`delete from platform_event_handled h using platform_event e
             where e.company_id = h.company_id and e.id = h.event_id and e.dispatched_at < now() - interval '30 days'`,
      );
      await db.orm.execute(sql`delete from platform_event where dispatched_at < now() - interval '30 days'`);
    },
  });
}
