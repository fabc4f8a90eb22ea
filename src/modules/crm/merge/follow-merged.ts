import { sql } from 'drizzle-orm';
import { type Executor, one } from '../../../platform/db/tx.ts';

// Merges cannot form a cycle (neither side may already be merged), so this only guards against bad data.
const MAX_HOPS = 32;

/**
 * The customer a record's party stands for today: the id itself, or, when that customer was merged
 * (perhaps more than once), the last survivor. Null when no such customer exists in the company.
 */
export async function followMerged(
  ex: Executor,
  companyId: string,
  customerId: string,
): Promise<string | null> {
  const found = await one<{ id: string }>(
    ex,
    sql`with recursive chain(id, next, hops) as (
          select c.id, c.merged_into_id, 0 from crm_customer c where c.company_id = ${companyId} and c.id = ${customerId}
          union all
          select c.id, c.merged_into_id, chain.hops + 1 from crm_customer c
            join chain on c.company_id = ${companyId} and c.id = chain.next
           where chain.hops < ${MAX_HOPS}
        )
        select id from chain order by hops desc limit 1`,
  );
  return found?.id ?? null;
}
