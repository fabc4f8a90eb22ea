import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../platform/db/tx.ts';
import { componentsPerUnit, plain } from './bom.ts';

/**
 * The condition "this BOM (alias b) is in force on `onDate`": active, and the date inside its validity
 * window. Activation guarantees at most one per product and date; `distinct on` below still picks the
 * highest revision should an older row disagree.
 */
export function bomInForce(onDate: string | SQL): SQL {
  return sql`b.state = 'active' and (b.valid_from is null or b.valid_from <= ${onDate}::date)
             and (b.valid_to is null or b.valid_to >= ${onDate}::date)`;
}

export interface ExplosionEntry {
  productId: string;
  bomId: string;
  outputQty: string;
  leadTimeDays: number;
  components: Array<{ productId: string; qtyPerUnit: string }>;
}

interface Row {
  product_id: string;
  bom_id: string;
  output_qty: string;
  lead_time_days: number;
  component_id: string | null;
  qty: string | null;
  scrap_pct: string | null;
  substitute: boolean | null;
}

/**
 * The BOM in force of every product on a date, with components per 1 unit of output (scrap included,
 * substitutes left out, a component named twice summed). One statement for the whole company, for MRP.
 */
export async function bomExplosionData(
  ex: Executor,
  companyId: string,
  onDate: string,
): Promise<ExplosionEntry[]> {
  const found = await rows<Row>(
    ex,
    sql`with chosen as (
          select distinct on (b.product_id) b.id, b.product_id, b.output_qty, b.lead_time_days
            from manufacturing_bom b
           where b.company_id = ${companyId} and ${bomInForce(onDate)}
           order by b.product_id, b.revision desc
        )
        select c.product_id, c.id as bom_id, c.output_qty::text as output_qty, c.lead_time_days,
               l.component_id, l.qty::text as qty, l.scrap_pct::text as scrap_pct,
               l.substitute_of is not null as substitute
          from chosen c
          left join manufacturing_bom_line l on l.company_id = ${companyId} and l.bom_id = c.id
         order by c.product_id, l.position`,
  );
  const byBom = new Map<string, { entry: ExplosionEntry; lines: Row[] }>();
  for (const r of found) {
    let item = byBom.get(r.bom_id);
    if (!item) {
      item = {
        entry: {
          productId: r.product_id,
          bomId: r.bom_id,
          outputQty: r.output_qty,
          leadTimeDays: Number(r.lead_time_days),
          components: [],
        },
        lines: [],
      };
      byBom.set(r.bom_id, item);
    }
    if (r.component_id) item.lines.push(r);
  }
  return [...byBom.values()].map(({ entry, lines }) => {
    const per = componentsPerUnit(
      lines.map((l) => ({
        componentId: l.component_id as string,
        qty: l.qty as string,
        scrapPct: l.scrap_pct as string,
        substitute: l.substitute === true,
      })),
      entry.outputQty,
    );
    entry.components = [...per].map(([productId, q]) => ({ productId, qtyPerUnit: plain(q) }));
    return entry;
  });
}
