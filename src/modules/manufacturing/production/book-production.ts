import { Decimal } from 'decimal.js';
import type { Tx } from '../../../platform/db/tx.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { type AccountRole, accountForRole, accountingSettings, postEntry } from '../../accounting/index.ts';

/**
 * Books one production step in the stock journal, dated today, in the same transaction as its moves:
 * consumption Dr production (WIP, 生产成本) / Cr inventory; output Dr inventory / Cr production; a WIP
 * remainder written off at finish Dr inventory adjustment / Cr production. Nothing is booked at zero.
 * Each step is its own source, so the ledger books it once.
 */
export async function bookProduction(
  tx: Tx,
  actor: Actor,
  step: { type: 'consume' | 'produce' | 'write_off'; id: string; memo: string; value: Decimal.Value },
): Promise<void> {
  const value = new Decimal(step.value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (value.lte(0)) return;
  const [debit, credit]: [AccountRole, AccountRole] =
    step.type === 'consume'
      ? ['production', 'inventory']
      : step.type === 'produce'
        ? ['inventory', 'production']
        : ['inventory_adjustment', 'production'];
  const { today } = await accountingSettings(tx, actor.companyId);
  await postEntry(tx, actor, {
    journal: 'stock',
    date: today,
    memo: step.memo,
    source: { type: `manufacturing.production_${step.type}`, id: step.id },
    lines: [
      {
        accountId: await accountForRole(tx, actor.companyId, debit),
        debit: value.toFixed(2),
        description: step.memo,
      },
      {
        accountId: await accountForRole(tx, actor.companyId, credit),
        credit: value.toFixed(2),
        description: step.memo,
      },
    ],
  });
}
