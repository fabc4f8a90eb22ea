// Which line of the cash-flow statement a bank or cash movement belongs to, from the account on the
// other side of the entry (pure, no I/O). README.md "Cash-flow statement" lists the rules.
import type { AccountRole } from '../chart/roles.ts';

export const CASH_FLOW_ITEMS = [
  'operating.customers',
  'operating.suppliers',
  'operating.salaries',
  'operating.taxes',
  'operating.other',
  'investing',
  'financing',
] as const;
export type CashFlowItem = (typeof CASH_FLOW_ITEMS)[number];

/** fx and rounding lines take the item of the entry's main counter-line (an exchange gain on a receipt is part of it). */
type Tag = CashFlowItem | 'follow';

const BY_ROLE: Partial<Record<AccountRole, Tag>> = {
  receivable: 'operating.customers',
  customer_advance: 'operating.customers',
  revenue: 'operating.customers',
  payable: 'operating.suppliers',
  supplier_advance: 'operating.suppliers',
  grni: 'operating.suppliers',
  inventory: 'operating.suppliers',
  cogs: 'operating.suppliers',
  output_vat: 'operating.taxes',
  input_vat: 'operating.taxes',
  fx_gain: 'follow',
  fx_loss: 'follow',
  rounding: 'follow',
};

/**
 * Code prefixes of the two chart templates (小企业会计准则 and the generic IFRS chart; their codes do not
 * collide): salaries 2211/2400, taxes 2221/5403/5801 and 2250/6900, investments and long-lived assets,
 * borrowings, interest and capital. The longest matching prefix wins, so 560301 利息费用 is financing
 * while the rest of 5603 财务费用 stays operating.
 */
const BY_CODE: Array<[string, CashFlowItem]> = [
  ['2211', 'operating.salaries'],
  ['2400', 'operating.salaries'],
  ['2221', 'operating.taxes'],
  ['5403', 'operating.taxes'],
  ['5801', 'operating.taxes'],
  ['2250', 'operating.taxes'],
  ['6900', 'operating.taxes'],
  ['5001', 'operating.customers'],
  ['5051', 'operating.customers'],
  ['4000', 'operating.customers'],
  ['1401', 'operating.suppliers'],
  ['1402', 'operating.suppliers'],
  ['1403', 'operating.suppliers'],
  ['1405', 'operating.suppliers'],
  ['1101', 'investing'],
  ['1131', 'investing'],
  ['1132', 'investing'],
  ['1501', 'investing'],
  ['1511', 'investing'],
  ['1601', 'investing'],
  ['1604', 'investing'],
  ['1606', 'investing'],
  ['1701', 'investing'],
  ['5111', 'investing'],
  ['1500', 'investing'],
  ['1600', 'investing'],
  ['2001', 'financing'],
  ['2231', 'financing'],
  ['2232', 'financing'],
  ['2501', 'financing'],
  ['2701', 'financing'],
  ['3001', 'financing'],
  ['3002', 'financing'],
  ['560301', 'financing'],
  ['2500', 'financing'],
  ['3000', 'financing'],
].sort((a, b) => b[0].length - a[0].length) as Array<[string, CashFlowItem]>;

export interface CounterAccount {
  code: string;
  role: string | null;
}

export function tagOf(account: CounterAccount): Tag {
  const byRole = account.role ? BY_ROLE[account.role as AccountRole] : undefined;
  if (byRole) return byRole;
  return BY_CODE.find(([prefix]) => account.code.startsWith(prefix))?.[1] ?? 'operating.other';
}

export interface CounterLine {
  account: CounterAccount;
  /** credit − debit of the line: what it brought into cash (negative: what cash paid for). */
  inflow: string;
}

/** The item of each counter-line of one entry; 'follow' lines take the item of the largest other line. */
export function classifyEntry<L extends CounterLine>(lines: L[]): Array<L & { item: CashFlowItem }> {
  const tagged = lines.map((l) => ({ ...l, tag: tagOf(l.account) }));
  let main: CashFlowItem = 'operating.other';
  let largest = -1;
  for (const l of tagged) {
    const size = Math.abs(Number(l.inflow)); // ranking only: the amounts themselves stay decimal
    if (l.tag !== 'follow' && size > largest) {
      largest = size;
      main = l.tag;
    }
  }
  return tagged.map(({ tag, ...l }) => ({ ...(l as unknown as L), item: tag === 'follow' ? main : tag }));
}
