import { type SQL, sql } from 'drizzle-orm';
import { badRequest } from '../../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/schemas.ts';

// Newest-first lists of integration: ids are UUIDv7, so "before this id" is "older than this row".

export function beforeId(cursor: string | undefined, column: SQL): SQL | null {
  const parts = decodeCursor(cursor, 1);
  if (!parts) return null;
  const last = String(parts[0]);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(last))
    throw badRequest('bad_cursor', 'The cursor is not valid');
  return sql`${column} < ${last}::uuid`;
}

export function pageOf<T extends { id: string }>(list: T[], limit: number) {
  const items = list.slice(0, limit);
  const nextCursor = list.length > limit ? encodeCursor([items[items.length - 1].id]) : null;
  return { items, nextCursor };
}
