// SQL in and out for data-quality findings; always scoped by company, no rules.
import { sql } from 'drizzle-orm';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';
import type { FindingQuery } from './contract.ts';

export interface FindingView {
  id: string;
  checkKey: string;
  recordType: string;
  recordId: string;
  webPath: string | null;
  details: Record<string, unknown>;
  status: 'open' | 'resolved' | 'ignored';
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  note: string;
  version: number;
}

const COLUMNS = sql`id, check_key, record_type, record_id, web_path, details, status, first_seen_at, last_seen_at,
  resolved_at, resolved_by, note, version`;

export function findingView(r: Record<string, any>): FindingView {
  return {
    id: r.id,
    checkKey: r.check_key,
    recordType: r.record_type,
    recordId: r.record_id,
    webPath: r.web_path ?? null,
    details: r.details ?? {},
    status: r.status,
    firstSeenAt: iso(r.first_seen_at),
    lastSeenAt: iso(r.last_seen_at),
    resolvedAt: isoOrNull(r.resolved_at),
    resolvedBy: r.resolved_by ?? null,
    note: r.note,
    version: Number(r.version),
  };
}

export async function lockFinding(ex: Executor, companyId: string, id: string): Promise<FindingView> {
  const row = await one(
    ex,
    sql`select ${COLUMNS} from integration_quality_finding where company_id = ${companyId} and id = ${id} for update`,
  );
  if (!row) throw notFound('data-quality finding', id);
  return findingView(row);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Findings, newest first (ids are UUIDv7, so id order is the order they were first seen); keyset pages over id. */
export async function listFindings(ex: Executor, companyId: string, q: FindingQuery) {
  const after = decodeCursor(q.cursor, 1);
  if (after && !UUID.test(String(after[0]))) throw badRequest('bad_cursor', 'The cursor is not valid');
  const found = await rows(
    ex,
    sql`select ${COLUMNS} from integration_quality_finding
         where company_id = ${companyId}
           ${q.check ? sql`and check_key = ${q.check}` : sql``}
           ${q.status ? sql`and status = ${q.status}` : sql``}
           ${q.recordType ? sql`and record_type = ${q.recordType}` : sql``}
           ${q.recordId ? sql`and record_id = ${q.recordId}` : sql``}
           ${after ? sql`and id < ${String(after[0])}::uuid` : sql``}
         order by id desc limit ${q.limit + 1}`,
  );
  const items = found.slice(0, q.limit).map(findingView);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: found.length > q.limit && last ? encodeCursor([last.id]) : null,
  };
}

/** Findings per check and status. */
export async function countsByCheck(ex: Executor, companyId: string) {
  const found = await rows<{ check_key: string; status: string; n: number }>(
    ex,
    sql`select check_key, status, count(*)::int as n from integration_quality_finding
         where company_id = ${companyId} group by check_key, status`,
  );
  const out = new Map<string, { open: number; resolved: number; ignored: number }>();
  for (const r of found) {
    const c = out.get(r.check_key) ?? { open: 0, resolved: 0, ignored: 0 };
    c[r.status as 'open'] = Number(r.n);
    out.set(r.check_key, c);
  }
  return out;
}
