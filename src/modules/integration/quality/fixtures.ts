// Test builders for data quality (its DB tests and the conformance suites). Never imported by production code.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { newId } from '../../../platform/ids.ts';

/** A finding of the company written directly (the conformance suites need one to aim at). */
export async function plantFinding(db: Db, companyId: string): Promise<string> {
  const id = newId();
  const recordId = newId();
  await db.orm.execute(
    sql`insert into integration_quality_finding (company_id, id, check_key, record_type, record_id, fingerprint,
          web_path, details)
        values (${companyId}, ${id}, 'platform.stuck_event', 'event', ${recordId}, ${recordId}, null,
                ${JSON.stringify({ type: 'test.planted' })}::jsonb)`,
  );
  return id;
}
