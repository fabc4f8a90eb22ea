import { z } from 'zod';
import { type Tx, translateDbError } from '../db/tx.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../permissions/actor.ts';

/**
 * Bulk endpoints (`POST /customers/bulk`, `/products/bulk`, `/sales-orders/bulk`): up to 1,000 rows per
 * call, each through the same use case as the single-row route, each in its own savepoint of one
 * transaction. A row the use case refuses (a duplicate, an unknown product, a closed period) leaves no
 * trace and gets its error in the documented shape; the rows that pass are committed together. A body
 * whose shape is wrong is refused whole (400, nothing written), with the row index in the issue path.
 */
export const BULK_MAX = 1000;

export function bulkBody<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item).min(1).max(BULK_MAX) });
}

export const BulkRowResult = z.object({
  index: z.number().int(),
  status: z.number().int(),
  id: z.uuid().nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
    .nullable(),
});

export const BulkResponse = z
  .object({
    succeeded: z.number().int(),
    failed: z.number().int(),
    results: z.array(BulkRowResult),
  })
  .meta({ id: 'BulkResponse' });

export type BulkResponseBody = z.infer<typeof BulkResponse>;

export async function runBulk<I>(
  tx: Tx,
  actor: Actor,
  items: I[],
  one: (tx: Tx, actor: Actor, item: I) => Promise<{ id: string }>,
): Promise<BulkResponseBody> {
  const results: BulkResponseBody['results'] = [];
  for (const [index, item] of items.entries()) {
    try {
      const { id } = await tx.transaction((savepoint) => one(savepoint as Tx, actor, item));
      results.push({ index, status: 201, id, error: null });
    } catch (raw) {
      const error = translateDbError(raw);
      if (!(error instanceof AppError) || error.status >= 500) throw raw;
      results.push({
        index,
        status: error.status,
        id: null,
        error: { code: error.code, message: error.message, details: error.details },
      });
    }
  }
  const succeeded = results.filter((r) => r.status === 201).length;
  return { succeeded, failed: results.length - succeeded, results };
}
