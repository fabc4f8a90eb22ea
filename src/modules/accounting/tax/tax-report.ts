// VAT by rate for a date range (增值税申报辅助表): output VAT from customer invoices and credit notes,
// input VAT from supplier bills and credit notes, company currency, one SQL statement.
import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { assertRange } from '../report/trial-balance.ts';

export interface TaxRow {
  /** '13', '9', '6', '0', 'exempt' (免税), 'none' (no tax code: outside VAT), or another rate in percent. */
  rate: string;
  base: string;
  tax: string;
}

export interface TaxReport {
  from: string;
  to: string;
  output: TaxRow[];
  input: TaxRow[];
  outputBase: string;
  outputTax: string;
  inputBase: string;
  inputTax: string;
  /** Output − input: positive is VAT to pay, negative a credit carried forward (留抵). */
  payable: string;
}

const ORDER = ['13', '9', '6', '0', 'exempt', 'none'];

/**
 * Each posted document counts on the day of its entry, a cancelled one again, negated, on the day of its
 * reversal entry: the figures are the movements of the output and input VAT accounts in the same range,
 * to the cent. Credit notes count negative. Company-currency amounts per line, as booked.
 */
export async function taxReport(ex: Executor, actor: Actor, from: string, to: string): Promise<TaxReport> {
  requirePermission(actor, 'accounting.report.read');
  assertRange(from, to);
  const list = await rows<{ side: string; rate: string; base: string; tax: string }>(
    ex,
    sql`with booked as (
          select i.id, i.kind, 1 as sign from accounting_invoice i
            join accounting_entry e on e.company_id = i.company_id and e.id = i.entry_id
           where i.company_id = ${actor.companyId} and e.entry_date between ${from}::date and ${to}::date
          union all
          select i.id, i.kind, -1 from accounting_invoice i
            join accounting_entry r on r.company_id = i.company_id and r.id = i.reversal_entry_id
           where i.company_id = ${actor.companyId} and r.entry_date between ${from}::date and ${to}::date
        )
        select case when b.kind like 'customer_%' then 'output' else 'input' end as side,
               case when l.tax_code is null then 'none'
                    when l.tax_code like 'EXEMPT%' then 'exempt'
                    else trim(trailing '.' from trim(trailing '0' from (l.tax_rate * 100)::text)) end as rate,
               sum(l.net_company * b.sign * case when b.kind like '%credit_note' then -1 else 1 end)::text as base,
               sum(l.tax_company * b.sign * case when b.kind like '%credit_note' then -1 else 1 end)::text as tax
          from booked b
          join accounting_invoice_line l on l.company_id = ${actor.companyId} and l.invoice_id = b.id
         group by 1, 2`,
  );
  const side = (name: string) =>
    list
      .filter((r) => r.side === name)
      .map((r) => ({
        rate: r.rate,
        base: new Decimal(r.base).toFixed(2),
        tax: new Decimal(r.tax).toFixed(2),
      }))
      .sort((a, b) => rank(a.rate) - rank(b.rate) || Number(b.rate) - Number(a.rate));
  const output = side('output');
  const input = side('input');
  const total = (xs: TaxRow[], k: 'base' | 'tax') => xs.reduce((s, x) => s.plus(x[k]), new Decimal(0));
  const outputTax = total(output, 'tax');
  const inputTax = total(input, 'tax');
  return {
    from,
    to,
    output,
    input,
    outputBase: total(output, 'base').toFixed(2),
    outputTax: outputTax.toFixed(2),
    inputBase: total(input, 'base').toFixed(2),
    inputTax: inputTax.toFixed(2),
    payable: outputTax.minus(inputTax).toFixed(2),
  };
}

function rank(rate: string): number {
  const i = ORDER.indexOf(rate);
  return i === -1 ? ORDER.indexOf('0') - 0.5 : i; // other rates sit among the taxed ones, before 0 %
}
