import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import { iso } from '../db/time.ts';
import { type Executor, rows, withTransaction } from '../db/tx.ts';

export const GENESIS = '0'.repeat(64);

/** The sealed content of one row, in a fixed order, so any change to a field changes the hash. */
export function sealOf(prev: string, row: Record<string, any>): string {
  const canonical = JSON.stringify([
    row.company_id,
    row.id,
    iso(row.at),
    row.actor_user_id ?? null,
    row.actor_token_id ?? null,
    row.request_id ?? null,
    row.entity,
    row.entity_id,
    row.action,
    canonicalJson(row.changes),
    row.reason ?? null,
    Number(row.chain_pos),
  ]);
  return createHash('sha256').update(prev).update(canonical).digest('hex');
}

function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonicalJson((value as any)[key]);
    return out;
  }
  return value;
}

/**
 * Chains unsealed rows whose transactions have all finished (txid below the oldest running one),
 * so the order is final when sealed and writers never wait for the sealer. One company at a time,
 * serialised by a row lock on its seal head, so several instances may run this safely.
 */
export async function sealAuditLog(db: Db, maxRows = 5000): Promise<number> {
  const companies = await rows<{ company_id: string }>(
    db.orm,
    sql`select distinct company_id from platform_audit_log
         where seal is null and txid < pg_snapshot_xmin(pg_current_snapshot()) limit 1000`,
  );
  let sealed = 0;
  for (const { company_id } of companies) {
    sealed += await withTransaction(db, async (tx) => {
      await tx.execute(
        sql`insert into platform_audit_seal_head (company_id, last_pos, last_seal)
            values (${company_id}, 0, ${GENESIS}) on conflict do nothing`,
      );
      const [head] = await rows<{ last_pos: number; last_seal: string }>(
        tx,
        sql`select last_pos, last_seal from platform_audit_seal_head where company_id = ${company_id}
            for update skip locked`,
      );
      if (!head) return 0;
      const pending = await rows<Record<string, any>>(
        tx,
        sql`select * from platform_audit_log
             where company_id = ${company_id} and seal is null
               and txid < pg_snapshot_xmin(pg_current_snapshot())
             order by seq limit ${maxRows}`,
      );
      let pos = Number(head.last_pos);
      let prev = head.last_seal;
      for (const row of pending) {
        pos += 1;
        row.chain_pos = pos;
        prev = sealOf(prev, row);
        await tx.execute(
          sql`update platform_audit_log set chain_pos = ${pos}, seal = ${prev}
               where company_id = ${company_id} and id = ${row.id}`,
        );
      }
      if (pending.length > 0)
        await tx.execute(
          sql`update platform_audit_seal_head set last_pos = ${pos}, last_seal = ${prev}, sealed_at = now()
               where company_id = ${company_id}`,
        );
      return pending.length;
    });
  }
  return sealed;
}

export interface VerifyResult {
  companyId: string;
  checked: number;
  ok: boolean;
  brokenAt?: { chainPos: number; id: string; problem: string };
}

/** Walks each company's chain and reports the first row whose seal does not match. */
export async function verifyAuditChain(ex: Executor, companyId?: string): Promise<VerifyResult[]> {
  const companies = companyId
    ? [{ company_id: companyId }]
    : await rows<{ company_id: string }>(
        ex,
        sql`select company_id from platform_audit_seal_head order by company_id`,
      );
  const results: VerifyResult[] = [];
  for (const { company_id } of companies) {
    let prev = GENESIS;
    let expectedPos = 1;
    let checked = 0;
    let broken: VerifyResult['brokenAt'];
    let after = 0;
    outer: for (;;) {
      const page = await rows<Record<string, any>>(
        ex,
        sql`select * from platform_audit_log where company_id = ${company_id} and chain_pos > ${after}
             order by chain_pos limit 2000`,
      );
      if (page.length === 0) break;
      for (const row of page) {
        const pos = Number(row.chain_pos);
        if (pos !== expectedPos) {
          broken = {
            chainPos: expectedPos,
            id: row.id,
            problem: `missing link: expected position ${expectedPos}, found ${pos}`,
          };
          break outer;
        }
        const seal = sealOf(prev, row);
        if (seal !== row.seal) {
          broken = { chainPos: pos, id: row.id, problem: 'seal does not match the row content' };
          break outer;
        }
        prev = seal;
        expectedPos++;
        checked++;
        after = pos;
      }
    }
    if (!broken) {
      const [head] = await rows<{ last_pos: number; last_seal: string }>(
        ex,
        sql`select last_pos, last_seal from platform_audit_seal_head where company_id = ${company_id}`,
      );
      if (head && (Number(head.last_pos) !== checked || (checked > 0 && head.last_seal !== prev)))
        broken = {
          chainPos: checked + 1,
          id: '',
          problem: `chain ends at ${checked} but the head says ${head.last_pos}`,
        };
    }
    results.push({ companyId: company_id, checked, ok: !broken, brokenAt: broken });
  }
  return results;
}
