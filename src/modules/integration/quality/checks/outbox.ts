import { sql } from 'drizzle-orm';
import { iso } from '../../../../platform/db/time.ts';
import { type Executor, rows } from '../../../../platform/db/tx.ts';
import { qualitySettings } from '../settings.ts';
import type { Finding, QualityCheck } from './registry.ts';

/**
 * Outbox events not delivered to every subscriber: older than settings.quality.stuckEventMinutes, or
 * tried stuckEventAttempts times. The dispatcher normally finishes within seconds of the commit.
 */
export const stuckEvents: QualityCheck = {
  key: 'platform.stuck_event',
  title: { 'zh-CN': '发件箱中滞留的事件', en: 'Events stuck in the outbox' },
  severity: 'high',
  recordType: 'event',
  async run(ex: Executor, companyId: string): Promise<Finding[]> {
    const s = await qualitySettings(ex, companyId);
    const found = await rows<{
      id: string;
      type: string;
      aggregate_type: string;
      aggregate_id: string;
      created_at: string;
      attempts: number;
      last_error: string | null;
    }>(
      ex,
      sql`select id, type, aggregate_type, aggregate_id, created_at, attempts, last_error from platform_event
           where company_id = ${companyId} and dispatched_at is null
             and (created_at < now() - make_interval(mins => ${s.stuckEventMinutes})
                  or attempts >= ${s.stuckEventAttempts})
           order by seq limit 1000`,
    );
    return found.map((e) => ({
      recordType: 'event',
      recordId: e.id,
      fingerprint: e.id,
      details: {
        type: e.type,
        aggregateType: e.aggregate_type,
        aggregateId: e.aggregate_id,
        createdAt: iso(e.created_at),
        attempts: Number(e.attempts),
        lastError: e.last_error?.slice(0, 500) ?? null,
      },
    }));
  },
};
