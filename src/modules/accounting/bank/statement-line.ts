// Bank statement lines: written by the import, read with matching suggestions, matched to payments.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/record.ts';
import { iso, isoOrNull } from '../../../platform/db/time.ts';
import { type Executor, one, type Tx } from '../../../platform/db/tx.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { rowError } from '../../../platform/imports/registry.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { companyCurrency } from '../../../platform/reference/currencies.ts';
import { actorUserId } from '../ledger/posting.ts';

export const BANK_LINE_ENTITY = 'accounting.bank_statement_line';

const Signed = z
  .string()
  .trim()
  .transform((s) => s.replace(/,/g, ''))
  .pipe(
    z
      .string()
      .regex(/^[+-]?\d{1,15}(\.\d{1,2})?$/, 'a signed amount with at most 2 decimals: + in, − out')
      .refine((s) => Number(s) !== 0, 'must not be zero'),
  );

/** One row of the bank's CSV: the account by its code in the chart. */
export const StatementRow = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  amount: Signed,
  counterparty: z.string().trim().max(200).default(''),
  reference: z.string().trim().max(500).default(''),
  account: z.string().trim().min(1).max(40),
});
export type StatementRow = z.infer<typeof StatementRow>;

/** Writes one line on an active bank/cash account of the company (the row is refused otherwise). */
export async function insertStatementLine(
  tx: Tx,
  actor: Actor,
  input: StatementRow,
  batchId: string | null,
): Promise<string> {
  requirePermission(actor, 'accounting.payment.create');
  const acc = await one<{ id: string; currency: string | null }>(
    tx,
    sql`select id, currency from accounting_account
         where company_id = ${actor.companyId} and code = ${input.account} and active and cash_flow`,
  );
  if (!acc)
    throw rowError(
      'account',
      'accounting.bank_account_invalid',
      `No active bank or cash account ${input.account}`,
    );
  const parsed = new Date(`${input.date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== input.date)
    throw rowError('date', 'accounting.date_invalid', `${input.date} is not a date`);
  const id = newId();
  const amount = input.amount.replace(/^\+/, '');
  await tx.execute(
    sql`insert into accounting_bank_statement_line (company_id, id, account_id, line_date, amount, currency,
          counterparty, reference, batch_id, created_by)
        values (${actor.companyId}, ${id}, ${acc.id}, ${input.date}, ${amount},
          ${acc.currency ?? (await companyCurrency(tx, actor.companyId))}, ${input.counterparty}, ${input.reference},
          ${batchId}, ${actorUserId(actor)})`,
  );
  await recordAudit(tx, actor, {
    entity: BANK_LINE_ENTITY,
    entityId: id,
    action: 'create',
    after: { ...input, amount },
  });
  return id;
}

/** Undo of an import: its lines go, unless one is matched already (then nothing goes). */
export async function deleteStatementLines(tx: Tx, actor: Actor, ids: string[]): Promise<void> {
  requirePermission(actor, 'accounting.payment.create');
  if (ids.length === 0) return;
  const list = sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );
  const matched = await one<{ n: number }>(
    tx,
    sql`select count(*)::int as n from accounting_bank_statement_line
         where company_id = ${actor.companyId} and id in (${list}) and state = 'matched'`,
  );
  if (Number(matched?.n ?? 0) > 0)
    throw conflict('accounting.bank_line_matched', 'Lines of this import are matched to payments already', {
      matched: Number(matched!.n),
    });
  await tx.execute(
    sql`delete from accounting_bank_statement_line where company_id = ${actor.companyId} and id in (${list})`,
  );
}

export const selectLine = sql`select l.*, l.line_date::text as date_t, l.amount::text as amount_t,
    a.code as account_code, p.number as payment_number
  from accounting_bank_statement_line l
  join accounting_account a on a.company_id = l.company_id and a.id = l.account_id
  left join accounting_payment p on p.company_id = l.company_id and p.id = l.payment_id`;

export async function findLine(ex: Executor, companyId: string, id: string, lock = false) {
  const row = await one<Record<string, any>>(
    ex,
    sql`${selectLine} where l.company_id = ${companyId} and l.id = ${id} ${lock ? sql`for update of l` : sql``}`,
  );
  if (!row) throw notFound('bank statement line', id);
  return row;
}

export function toLineView(r: Record<string, any>) {
  return {
    id: r.id as string,
    accountId: r.account_id as string,
    accountCode: r.account_code as string,
    date: r.date_t as string,
    amount: r.amount_t as string,
    currency: r.currency as string,
    counterparty: r.counterparty as string,
    reference: r.reference as string,
    state: r.state as 'unmatched' | 'matched',
    paymentId: (r.payment_id ?? null) as string | null,
    paymentNumber: (r.payment_number ?? null) as string | null,
    batchId: (r.batch_id ?? null) as string | null,
    matchedAt: isoOrNull(r.matched_at),
    version: r.version as number,
    createdAt: iso(r.created_at),
  };
}
