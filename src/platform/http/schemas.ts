import { z } from 'zod';

/** The one error shape every route answers with. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'Error' });

export const IdParams = z.object({ id: z.uuid() });

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
});

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Translations = z
  .record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().min(1).max(200))
  .refine((v) => Object.keys(v).length > 0, 'at least one language')
  .meta({ id: 'Translations' });

export const Version = z.number().int().min(1);

/** Cursor pagination over (created/sort key, id): opaque to clients. */
export function encodeCursor(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every((p) => typeof p === 'string' || typeof p === 'number')
    )
      return parts;
  } catch {}
  return ['__invalid__'];
}
