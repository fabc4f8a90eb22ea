import { Decimal } from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { badRequest } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';

// Field shapes and list paging every purchasing contract and list shares.

/** A quantity in the product's stock unit: > 0, at most 4 decimals (numeric(18, 4)). */
export const Qty = z
  .string()
  .regex(/^\d{1,14}(\.\d{1,4})?$/, { message: 'a decimal string > 0 with up to 4 decimals', abort: true })
  .refine((s) => new Decimal(s).gt(0), 'must be greater than 0');

/** A quantity that may be 0. */
export const QtyOrZero = z
  .string()
  .regex(/^\d{1,14}(\.\d{1,4})?$/, 'a decimal string ≥ 0 with up to 4 decimals');

/** A unit price in the document's currency, ≥ 0, at most 4 decimals. */
export const Price = z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, 'a decimal string ≥ 0 with up to 4 decimals');

export const Percent = z.string().regex(/^\d{1,4}(\.\d{1,4})?$/, 'a percentage such as "2" or "2.5"');

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY');

export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01';
  }, 'not a calendar date');

export const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^\P{Cc}*$/u, 'no control characters');

/** `%fragment%` for a case-insensitive LIKE, with the wildcards in the fragment escaped. */
export function likePattern(q: string | undefined): string | null {
  const t = q?.trim().toLowerCase();
  if (!t) return null;
  return `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The "before this id" condition of a newest-first list (ids are UUIDv7, so id order is time order). */
export function idCursor(cursor: string | undefined, column: SQL): SQL | null {
  const parts = decodeCursor(cursor, 1);
  if (!parts) return null;
  const last = String(parts[0]);
  if (!/^[0-9a-f-]{36}$/.test(last)) throw badRequest('bad_cursor', 'The cursor is not valid');
  return sql`${column} < ${last}::uuid`;
}

/** Cuts one extra row off a `limit + 1` read and makes the next cursor from the last id. */
export function page<T extends { id: string }>(list: T[], limit: number) {
  const items = list.slice(0, limit);
  return {
    items,
    nextCursor: list.length > limit ? encodeCursor([items[items.length - 1].id]) : null,
  };
}
