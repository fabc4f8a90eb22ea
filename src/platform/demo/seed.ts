import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.ts';
import type { Db } from '../db/connect.ts';
import { one, type Tx, withTransaction } from '../db/tx.ts';
import { newId } from '../ids.ts';
import { addMember, createCompany } from '../org/create-company.ts';

export const DEMO_PASSWORD = 'Demo-Tandem-2026!';

export interface DemoContext {
  companyId: string;
  users: Record<string, string>;
  departments: Record<string, string>;
}

type DemoSeeder = (tx: Tx, ctx: DemoContext) => Promise<void>;
const seeders: Array<{ module: string; seed: DemoSeeder }> = [];

/** Later modules add their realistic demo data (customers, products, orders …) here. */
export function registerDemoSeeder(module: string, seed: DemoSeeder): void {
  seeders.push({ module, seed });
}

const departments = [
  { code: 'SALES1', zh: '销售一部', en: 'Sales East', manager: 'sales.manager' },
  { code: 'SALES2', zh: '销售二部', en: 'Sales South', manager: null },
  { code: 'WH', zh: '仓储物流部', en: 'Warehouse & Logistics', manager: 'warehouse' },
  { code: 'FIN', zh: '财务部', en: 'Finance', manager: 'finance' },
  { code: 'OPS', zh: '采购生产部', en: 'Purchasing & Production', manager: 'purchasing' },
];

const people: Array<{ key: string; name: string; role: string; dept: string; locale: string }> = [
  { key: 'admin', name: '周建国 Zhou Jianguo', role: 'admin', dept: 'FIN', locale: 'zh-CN' },
  { key: 'sales.manager', name: '王丽 Wang Li', role: 'sales_manager', dept: 'SALES1', locale: 'zh-CN' },
  { key: 'sales', name: '李明 Li Ming', role: 'sales', dept: 'SALES1', locale: 'zh-CN' },
  { key: 'sales2', name: 'Emily Chen', role: 'sales', dept: 'SALES2', locale: 'en' },
  { key: 'finance', name: '张敏 Zhang Min', role: 'finance', dept: 'FIN', locale: 'zh-CN' },
  { key: 'warehouse', name: '刘强 Liu Qiang', role: 'warehouse', dept: 'WH', locale: 'zh-CN' },
  { key: 'purchasing', name: '陈静 Chen Jing', role: 'purchasing', dept: 'OPS', locale: 'zh-CN' },
  { key: 'production', name: '赵磊 Zhao Lei', role: 'production', dept: 'OPS', locale: 'zh-CN' },
  { key: 'service', name: 'David Wu', role: 'service', dept: 'SALES2', locale: 'en' },
  { key: 'hr', name: '孙悦 Sun Yue', role: 'hr', dept: 'FIN', locale: 'zh-CN' },
  { key: 'viewer', name: 'Auditor Guest', role: 'viewer', dept: 'FIN', locale: 'en' },
];

/** `npm run seed:demo`: the demo company 星辰贸易 with a person in every role. Running it twice changes nothing. */
export async function seedDemo(db: Db): Promise<{ created: boolean; companyId: string; logins: string[] }> {
  return withTransaction(db, async (tx) => {
    const existing = await one<{ id: string }>(tx, sql`select id from platform_company where code = 'DEMO'`);
    if (existing) return { created: false, companyId: existing.id, logins: [] };
    const company = await createCompany(tx, {
      code: 'DEMO',
      name: '星辰贸易有限公司 Xingchen Trading Co., Ltd.',
      locale: 'zh-CN',
    });
    const ctx: DemoContext = { companyId: company.id, users: {}, departments: {} };
    for (const d of departments) {
      const id = newId();
      ctx.departments[d.code] = id;
      await tx.execute(
        sql`insert into platform_department (company_id, id, code, name) values (${company.id}, ${id}, ${d.code},
            ${JSON.stringify({ 'zh-CN': d.zh, en: d.en })}::jsonb)`,
      );
    }
    const hash = await hashPassword(DEMO_PASSWORD);
    const logins: string[] = [];
    for (const p of people) {
      const email = `${p.key.replace('.', '-')}@demo.tandem.local`;
      const found = await one<{ id: string }>(
        tx,
        sql`select id from platform_user where lower(email) = ${email}`,
      );
      const id = found?.id ?? newId();
      if (!found)
        await tx.execute(
          sql`insert into platform_user (id, email, name, locale, password_hash, default_company_id)
              values (${id}, ${email}, ${p.name}, ${p.locale}, ${hash}, ${company.id})`,
        );
      ctx.users[p.key] = id;
      await addMember(tx, company.id, id, [company.roles[p.role]], ctx.departments[p.dept]);
      logins.push(`${email} (${p.role})`);
    }
    for (const d of departments)
      if (d.manager)
        await tx.execute(
          sql`update platform_department set manager_user_id = ${ctx.users[d.manager]}
               where company_id = ${company.id} and id = ${ctx.departments[d.code]}`,
        );
    for (const s of seeders) await s.seed(tx, ctx);
    return { created: true, companyId: company.id, logins };
  });
}
