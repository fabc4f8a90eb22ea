import { sql } from 'drizzle-orm';
import { loadActor } from '../../../platform/auth/load-actor.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';
import type { DemoContext } from '../../../platform/demo/seed.ts';
import type { Actor } from '../../../platform/permissions/actor.ts';
import { createCustomer, demoUscc } from '../../crm/index.ts';
import { accountingSettings } from '../settings.ts';
import { demoCalendar } from './demo-calendar.ts';
import { type DemoBooks, seedCustomerDocuments, seedSupplierDocuments } from './demo-documents.ts';
import { closeMonth, seedMonthlyVouchers, seedOpeningBalances } from './demo-vouchers.ts';

const SUPPLIERS = {
  electronics: '深圳市华强辉煌电子有限公司',
  packaging: '东莞市恒丰包装材料有限公司',
  valves: '宁波甬兴阀门制造有限公司',
  freight: '上海顺捷物流有限公司',
} as const;

async function demoActor(tx: Tx, ctx: DemoContext, key: string): Promise<Actor | null> {
  const userId = ctx.users[key];
  const actor = userId ? await loadActor(tx, { userId, companyId: ctx.companyId }) : null;
  return actor && { ...actor, reason: 'demo data' };
}

/** The suppliers the company buys from, kept as crm partners (invoices and payments point at crm). */
async function createSuppliers(tx: Tx, admin: Actor, owner: string | undefined) {
  const ids = {} as Record<keyof typeof SUPPLIERS, string>;
  for (const [i, [key, name]] of (
    Object.entries(SUPPLIERS) as Array<[keyof typeof SUPPLIERS, string]>
  ).entries()) {
    const created = await createCustomer(tx, admin, {
      kind: 'company',
      name,
      taxId: demoUscc(2, i),
      ownerUserId: owner ?? null,
      tags: ['供应商'],
      status: 'active',
      currency: 'CNY',
      paymentTermCode: 'NET30',
      notes: 'Supplier 供应商',
      addresses: [],
      ignoreDuplicates: true,
    });
    ids[key] = created.id;
  }
  return ids;
}

/**
 * Four months of posted books for the demo company (小企业会计准则 chart): opening balances, monthly
 * rent, salaries, depreciation and bank charges as reviewed vouchers, customer invoices, receipts and a
 * credit note, an export invoice in US dollars, supplier bills and payments, the first month closed.
 * Everything goes through accounting's own use cases, dated back from today. Runs after crm (its
 * customers) and before inventory and sales, whose stock and order documents book on top of it.
 */
export async function seedAccountingDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const finance = await demoActor(tx, ctx, 'finance');
  const admin = await demoActor(tx, ctx, 'admin');
  if (!finance || !admin) return;
  const customers = await rows<{ id: string; foreign: boolean }>(
    tx,
    sql`select id, name ~ '^[A-Za-z]' as foreign from crm_customer
         where company_id = ${ctx.companyId} and merged_into_id is null order by code`,
  );
  const domestic = customers.filter((c) => !c.foreign).map((c) => c.id);
  const overseas = customers.find((c) => c.foreign);
  if (domestic.length < 6 || !overseas) return;
  const accounts = new Map(
    (
      await rows<{ id: string; code: string }>(
        tx,
        sql`select id, code from accounting_account where company_id = ${ctx.companyId}`,
      )
    ).map((a) => [a.code, a.id]),
  );
  // The demo books use the 小企业会计准则 codes; a company on another chart gets none.
  if (!accounts.has('5401') || !accounts.has('560305')) return;
  const account = (code: string) => {
    const id = accounts.get(code);
    if (!id) throw new Error(`demo account ${code} missing`);
    return id;
  };
  const { today } = await accountingSettings(tx, ctx.companyId);
  const cal = demoCalendar(today);
  const people = { tx, preparer: finance, reviewer: admin, account };
  await seedOpeningBalances(people, cal.start);
  const books: DemoBooks = {
    tx,
    finance,
    ago: cal.ago,
    today,
    customers: domestic.slice(0, 6),
    exportCustomer: overseas.id,
    suppliers: await createSuppliers(tx, admin, ctx.users.purchasing),
    account,
  };
  await seedSupplierDocuments(books);
  await seedCustomerDocuments(books);
  await seedMonthlyVouchers(people, cal.pastMonths, today);
  await closeMonth(people, cal.start);
}
