import { sql } from 'drizzle-orm';
import { hashPassword, passwordProblems } from '../auth/passwords.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { one, withTransaction } from '../db/tx.ts';
import { newId, newSecret } from '../ids.ts';
import { addMember, createCompany } from './create-company.ts';

export interface BootstrapResult {
  email: string;
  password: string | null;
  generated: boolean;
}

/** First start on an empty database: one company and its administrator. Later starts do nothing. */
export async function bootstrapIfEmpty(db: Db, config: Config): Promise<BootstrapResult | null> {
  return withTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    const any = await one(tx, sql`select 1 from platform_company limit 1`);
    if (any) return null;
    const email = (config.adminEmail ?? 'admin@tandem.local').toLowerCase();
    const generated = !config.adminPassword;
    const password = config.adminPassword ?? `${newSecret(12)}-T7`;
    const problems = passwordProblems(password, email);
    if (!generated && problems.length > 0)
      throw new Error(`TANDEM_ADMIN_PASSWORD breaks the password rules: ${problems.join(', ')}`);
    const company = await createCompany(tx, {
      code: 'MAIN',
      name: process.env.TANDEM_COMPANY_NAME ?? 'My Company',
      locale: 'zh-CN',
    });
    const userId = newId();
    await tx.execute(
      sql`insert into platform_user (id, email, name, locale, password_hash, default_company_id)
          values (${userId}, ${email}, 'Administrator', 'zh-CN', ${await hashPassword(password)}, ${company.id})`,
    );
    await addMember(tx, company.id, userId, [company.roles.admin]);
    return { email, password: generated ? password : null, generated };
  });
}
