import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';
import { newId } from '../../../platform/ids.ts';
import type { RuleAction } from './contract.ts';

// Rules every company starts with, which users see and may edit or disable like their own. They are
// written when a company is created, and for older companies the first time their rules are listed or
// one of the built-in rules' events arrives (so nobody loses the alert they had before it was a rule).

interface BuiltIn {
  key: string;
  name: Record<'en' | 'zh-CN', string>;
  eventType: string;
  condition: string;
  actions: (locale: string) => RuleAction[];
}

export const BUILT_IN_RULES: BuiltIn[] = [
  {
    // Was hard-wired in inventory/safety: the people who buy (and keep) stock hear of a shortfall.
    key: 'safety_stock_alert',
    name: {
      en: 'Below safety stock: tell purchasing and the warehouse',
      'zh-CN': '低于安全库存：通知采购和仓库',
    },
    eventType: 'stock.below_safety',
    condition: '',
    actions: (locale) => [
      {
        type: 'notify',
        roles: ['purchasing', 'warehouse'],
        userIds: [],
        message: locale.startsWith('zh')
          ? '低于安全库存：{sku}（可用 {available} < 安全库存 {safetyQty}）'
          : 'Below safety stock: {sku} ({available} available < {safetyQty} safety stock)',
      },
    ],
  },
];

export const BUILT_IN_EVENT_TYPES = new Set(BUILT_IN_RULES.map((b) => b.eventType));

/** Writes the built-in rules the company does not have yet (never re-creates a changed one). */
export async function ensureBuiltInRules(ex: Executor, companyId: string): Promise<void> {
  const present = await one<{ n: number; locale: string }>(
    ex,
    sql`select (select count(*)::int from integration_rule r where r.company_id = c.id and r.built_in is not null) as n,
               c.locale
          from platform_company c where c.id = ${companyId}`,
  );
  if (!present || present.n >= BUILT_IN_RULES.length) return;
  for (const b of BUILT_IN_RULES) {
    const roles = b.actions(present.locale);
    await ex.execute(
      sql`insert into integration_rule (company_id, id, name, event_type, condition, actions, built_in)
          select ${companyId}, ${newId()}, ${present.locale.startsWith('zh') ? b.name['zh-CN'] : b.name.en},
                 ${b.eventType}, ${b.condition}, ${JSON.stringify(roles)}::jsonb, ${b.key}
           where not exists (select 1 from integration_rule where company_id = ${companyId} and built_in = ${b.key})
          on conflict do nothing`,
    );
  }
}
