import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import type { Finding } from './checks/registry.ts';
import { webPathOf } from './links.ts';

const BATCH = 2000;

/**
 * What one check found in this run, merged into the company's findings for that check: new ones are
 * opened, ones resolved by hand that are back are reopened, present ones get `last_seen_at` (an ignored
 * one stays ignored), and open or ignored ones this run did not see are resolved by the run.
 */
export async function reconcileFindings(
  tx: Tx,
  companyId: string,
  runId: string,
  checkKey: string,
  found: Finding[],
): Promise<{ found: number; opened: number; resolved: number }> {
  const unique = new Map<string, Finding>();
  for (const f of found) if (!unique.has(f.fingerprint)) unique.set(f.fingerprint, f);
  const list = [...unique.values()];
  let opened = 0;
  for (let i = 0; i < list.length; i += BATCH) {
    const json = JSON.stringify(
      list.slice(i, i + BATCH).map((f) => ({
        id: newId(),
        record_type: f.recordType,
        record_id: f.recordId,
        fingerprint: f.fingerprint,
        web_path: webPathOf(f.recordType, f.recordId, f.webPath),
        details: f.details,
      })),
    );
    const reopened = await rows(
      tx,
      sql`update integration_quality_finding f
             set status = 'open', resolved_at = null, resolved_by = null, version = f.version + 1, updated_at = now()
           where f.company_id = ${companyId} and f.check_key = ${checkKey} and f.status = 'resolved'
             and f.fingerprint in (select x.fingerprint from jsonb_to_recordset(${json}::jsonb) as x(fingerprint text))
          returning f.id`,
    );
    const upserted = await rows<{ inserted: boolean }>(
      tx,
      sql`insert into integration_quality_finding as f
            (company_id, id, check_key, record_type, record_id, fingerprint, web_path, details, last_run_id)
          select ${companyId}, x.id, ${checkKey}, x.record_type, x.record_id, x.fingerprint, x.web_path, x.details,
                 ${runId}
            from jsonb_to_recordset(${json}::jsonb)
                 as x(id uuid, record_type text, record_id uuid, fingerprint text, web_path text, details jsonb)
          on conflict (company_id, check_key, fingerprint) do update
             set record_type = excluded.record_type, record_id = excluded.record_id, web_path = excluded.web_path,
                 details = excluded.details, last_seen_at = now(), last_run_id = excluded.last_run_id
          returning (xmax = 0) as inserted`,
    );
    opened += reopened.length + upserted.filter((r) => r.inserted).length;
  }
  const gone = await rows(
    tx,
    sql`update integration_quality_finding
           set status = 'resolved', resolved_at = now(), resolved_by = null, version = version + 1, updated_at = now()
         where company_id = ${companyId} and check_key = ${checkKey} and status in ('open', 'ignored')
           and last_run_id is distinct from ${runId}
        returning id`,
  );
  return { found: list.length, opened, resolved: gone.length };
}
