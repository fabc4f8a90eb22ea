import { sql } from 'drizzle-orm';
import { one, type Tx } from '../../../platform/db/tx.ts';
import { nextNumber, renderPattern } from '../../../platform/sequences/next-number.ts';

const DEFAULTS = { quote: 'QT-{year}-{seq:5}', order: 'SO-{year}-{seq:5}' };

/**
 * The next document number (`QT-2026-00001`, `SO-2026-00001`), a counter per company, kind and year
 * of the document date; the pattern may be changed in `settings.sales.<kind>NumberPattern`.
 */
export async function nextDocumentNumber(
  tx: Tx,
  companyId: string,
  kind: 'quote' | 'order',
  date: string,
): Promise<string> {
  const row = await one<{ pattern: string | null }>(
    tx,
    sql`select settings #>> ${`{sales,${kind}NumberPattern}`} as pattern from platform_company where id = ${companyId}`,
  );
  const year = date.slice(0, 4);
  const seq = await nextNumber(tx, companyId, `sales.${kind}.${year}`);
  return renderPattern(row?.pattern || DEFAULTS[kind], seq, { year });
}

/** A company setting under `settings.sales` (null when unset). */
export async function salesSetting(tx: Tx, companyId: string, key: string): Promise<string | null> {
  const row = await one<{ value: string | null }>(
    tx,
    sql`select settings #>> ${`{sales,${key}}`} as value from platform_company where id = ${companyId}`,
  );
  return row?.value ?? null;
}
