import { z } from 'zod';

// Value shapes shared by the catalog's aggregates. Money and quantities travel as decimal strings.

/** A locale → name map; blank names are dropped, and at least one must remain (checked in the use case). */
export const Names = z
  .record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale such as zh-CN or en'), z.string().max(200))
  .refine((v) => Object.keys(v).length <= 10, 'at most 10 languages')
  .refine((v) => Object.values(v).some((name) => name.trim() !== ''), 'at least one non-empty name')
  .meta({ id: 'CatalogNames' });

export const NamesView = z.record(z.string(), z.string());

/** A business code people type (SKU, category code, price list code). */
export const CatalogCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$/, 'letters, digits, _ . / - (at most 40)');

export const UomCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'a unit code such as PCS');

/** EAN/UPC/GTIN or any scanner code: letters, digits and - only. */
export const Barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{3,48}$/, 'letters, digits and - (3 to 48)');

/** A price ≥ 0 with up to 4 decimals (`numeric(18, 4)`). */
export const Price = z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, 'a non-negative amount such as "2.5"');

/** A quantity ≥ 0 with up to 4 decimals. */
export const Qty = z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, 'a non-negative quantity such as "12"');

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY');

/** A calendar date; business dates stay within years both databases and people agree on. */
export const IsoDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'a date between 1900 and 2999');

/** The same check for dates that come through the service API rather than a request schema. */
export function isBusinessDate(d: string): boolean {
  return IsoDate.safeParse(d).success;
}

export const BoolQuery = z.enum(['true', 'false']);

/** The names without blanks, trimmed (the schema made sure one remains). */
export function cleanNames(names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(names)
      .map(([locale, name]) => [locale, name.trim()])
      .filter(([, name]) => name !== ''),
  );
}

/** The name to show: the actor's language, else Chinese, else English, else any. */
export function displayName(names: Record<string, string>, locale: string): string {
  return names[locale] ?? names['zh-CN'] ?? names.en ?? Object.values(names)[0] ?? '';
}
