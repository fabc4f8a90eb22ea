import { z } from 'zod';

/** A document number pattern such as `SO-{year}-{seq:5}`: printable, short, with a running number. */
export const NumberPattern = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(
    /^[\p{L}\p{N}\-_/.{}:]*\{seq(:\d)?\}[\p{L}\p{N}\-_/.{}:]*$/u,
    'a pattern with {seq} or {seq:N}, such as SO-{year}-{seq:5}',
  );

/** A whole number of days within a sane range. */
export const Days = (max: number) => z.number().int().min(0).max(max);
