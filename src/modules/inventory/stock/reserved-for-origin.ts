import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';

/**
 * What is reserved now (active reservations) per origin line of a document, in stock units. Lets the
 * owner of the document set its own "reserved" figures from the source instead of adding up events,
 * so a late or repeated event never counts twice.
 */
export async function reservedForOrigin(
  ex: Executor,
  companyId: string,
  origin: { originType: string; originId: string },
): Promise<Map<string, string>> {
  const found = await rows<{ origin_line_id: string; qty: string }>(
    ex,
    sql`select origin_line_id, sum(qty)::text as qty from inventory_reservation
         where company_id = ${companyId} and origin_type = ${origin.originType} and origin_id = ${origin.originId}
           and state = 'active'
         group by origin_line_id`,
  );
  return new Map(found.map((r) => [r.origin_line_id, r.qty]));
}
