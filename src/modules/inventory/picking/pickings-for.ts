import { sql } from 'drizzle-orm';
import { isoOrNull } from '../../../platform/db/time.ts';
import { rows, type Tx } from '../../../platform/db/tx.ts';

/** The stock documents of an origin (an order's deliveries and returns), oldest first. */
export async function pickingsFor(
  tx: Tx,
  companyId: string,
  input: { originType: string; originId: string },
): Promise<
  Array<{
    id: string;
    number: string;
    kind: string;
    state: string;
    scheduledDate: string | null;
    doneAt: string | null;
    carrier: string;
    trackingNo: string;
  }>
> {
  const found = await rows<Record<string, any>>(
    tx,
    sql`select id, number, kind, state, to_char(scheduled_date, 'YYYY-MM-DD') as scheduled, done_at, carrier, tracking_no
          from inventory_picking
         where company_id = ${companyId} and origin_type = ${input.originType} and origin_id = ${input.originId}
         order by id`,
  );
  return found.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind,
    state: r.state,
    scheduledDate: r.scheduled ?? null,
    doneAt: isoOrNull(r.done_at),
    carrier: r.carrier,
    trackingNo: r.tracking_no,
  }));
}
