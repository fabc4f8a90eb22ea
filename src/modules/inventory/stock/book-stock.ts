import { Decimal } from 'decimal.js';
import type { Tx } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import {
  type AccountRole,
  accountForRole,
  accountingSettings,
  type EntryLineInput,
  postEntry,
} from '../../accounting/index.ts';

/** One valued movement in the ledger's terms: the account role debited, the one credited, the value. */
export interface StockBooking {
  debit: AccountRole;
  credit: AccountRole;
  value: Decimal.Value;
}

/**
 * Books the value of a stock document in the same transaction as its moves (stock journal, dated today):
 * e.g. a shipment Dr cost of goods sold / Cr inventory at the moves' cost, a receipt Dr inventory / Cr goods
 * received not invoiced. Values of the same pair of accounts are summed; nothing is booked when all is zero
 * (goods at no cost). The ledger books a source once, so a retried subscriber cannot double it.
 */
export async function bookStock(
  tx: Tx,
  actor: Actor,
  source: { type: string; id: string },
  memo: string,
  bookings: StockBooking[],
): Promise<void> {
  const pairs = new Map<string, { debit: AccountRole; credit: AccountRole; value: Decimal }>();
  for (const b of bookings) {
    const key = `${b.debit}>${b.credit}`;
    const found = pairs.get(key) ?? { debit: b.debit, credit: b.credit, value: new Decimal(0) };
    found.value = found.value.plus(b.value);
    pairs.set(key, found);
  }
  const lines: EntryLineInput[] = [];
  for (const p of pairs.values()) {
    const value = p.value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    if (value.lte(0)) continue;
    lines.push(
      {
        accountId: await accountForRole(tx, actor.companyId, p.debit),
        debit: value.toFixed(2),
        description: memo,
      },
      {
        accountId: await accountForRole(tx, actor.companyId, p.credit),
        credit: value.toFixed(2),
        description: memo,
      },
    );
  }
  if (lines.length === 0) return;
  const { today } = await accountingSettings(tx, actor.companyId);
  await postEntry(tx, actor, { journal: 'stock', date: today, memo, source, lines });
}
