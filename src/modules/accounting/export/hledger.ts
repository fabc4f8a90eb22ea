// The posted ledger as a plain-text journal that hledger and ledger-cli read (hledger.org/journal.html).
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, one, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { voucherLabel } from '../ledger/entry.ts';
import { nameIn } from '../report/balances.ts';
import { assertRange } from '../report/trial-balance.ts';

const HLEDGER_TYPE: Record<string, string> = {
  asset: 'A',
  liability: 'L',
  equity: 'E',
  income: 'R',
  expense: 'X',
};

/** One line of text: no newlines, no two spaces in a row (hledger ends an account name at two spaces). */
function clean(text: string): string {
  return text
    .replace(/[\r\n\t;]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** `<code> <name>` under the parent's name joined by ':' (hledger's account tree). */
function accountNames(
  accounts: Array<{ id: string; code: string; name: Record<string, string>; parentId: string | null }>,
  locale: string,
): Map<string, string> {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const names = new Map<string, string>();
  const nameOf = (id: string, depth = 0): string => {
    const known = names.get(id);
    if (known) return known;
    const a = byId.get(id)!;
    const own = `${a.code} ${clean(nameIn(a.name, locale)).replace(/:/g, '-')}`.trim();
    const full = a.parentId && depth < 10 ? `${nameOf(a.parentId, depth + 1)}:${own}` : own;
    names.set(id, full);
    return full;
  };
  for (const a of accounts) nameOf(a.id);
  return names;
}

/** Builds the journal text of the company's posted entries (optionally in [from, to]), oldest first. */
export async function hledgerJournal(
  ex: Executor,
  actor: Actor,
  range: { from?: string; to?: string } = {},
): Promise<string> {
  requirePermission(actor, 'accounting.report.read');
  if (range.from || range.to) assertRange(range.from ?? '1970-01-01', range.to ?? '2199-12-31');
  const companyId = actor.companyId;
  const company = await one<{ name: string; currency: string }>(
    ex,
    sql`select name, currency from platform_company where id = ${companyId}`,
  );
  const accounts = await rows<{
    id: string;
    code: string;
    name: Record<string, string>;
    parentId: string | null;
    type: string;
  }>(
    ex,
    sql`select id, code, name, parent_id as "parentId", type from accounting_account where company_id = ${companyId} order by code`,
  );
  const names = accountNames(accounts, actor.locale);
  const lines = await rows<{
    entryId: string;
    date: string;
    word: string;
    number: number;
    memo: string;
    accountId: string;
    debit: string;
    credit: string;
    currency: string;
    amountCurrency: string;
    description: string;
  }>(
    ex,
    sql`select e.id as "entryId", to_char(e.entry_date, 'YYYY-MM-DD') as date, e.voucher_word as word,
               e.voucher_number as number, e.memo, l.account_id as "accountId", l.debit::text as debit,
               l.credit::text as credit, l.currency, l.amount_currency::text as "amountCurrency", l.description
          from accounting_entry e
          join accounting_entry_line l on l.company_id = e.company_id and l.entry_id = e.id
         where e.company_id = ${companyId} and e.state = 'posted'
           and (${range.from ?? null}::date is null or e.entry_date >= ${range.from ?? null}::date)
           and (${range.to ?? null}::date is null or e.entry_date <= ${range.to ?? null}::date)
         order by e.entry_date, e.voucher_word, e.voucher_number, e.id, l.line_no`,
  );
  const base = company!.currency;
  const out: string[] = [`; ${clean(company!.name)} — exported by Tandem`, `commodity ${base} 1,000.00`, ''];
  for (const a of accounts) out.push(`account ${names.get(a.id)}  ; type: ${HLEDGER_TYPE[a.type]}`);
  let current = '';
  for (const l of lines) {
    if (l.entryId !== current) {
      current = l.entryId;
      out.push(
        '',
        `${l.date} * (${voucherLabel(l.word, Number(l.number))}) ${clean(l.memo)}`,
        `    ; entry: ${l.entryId}`,
      );
    }
    const amount = new Decimal(l.debit).minus(l.credit);
    const foreign = l.currency !== base && !new Decimal(l.amountCurrency).isZero();
    const posting = foreign
      ? `${l.currency} ${new Decimal(l.amountCurrency).toFixed(2)} @@ ${base} ${amount.abs().toFixed(2)}`
      : `${base} ${amount.toFixed(2)}`;
    const note = clean(l.description);
    out.push(`    ${names.get(l.accountId)}  ${posting}${note ? `  ; ${note}` : ''}`);
  }
  out.push('');
  return out.join('\n');
}
