// The portable backup format, the same for PGlite and PostgreSQL: gzip of NDJSON (one JSON value per
// line). Line 1 is the header; then per table a table line followed by one JSON array per row (values
// in the table line's column order); then the sequences; the last line is the footer with the row count
// per table and the SHA-256 of every (uncompressed) byte before it.
//
// Values travel as PostgreSQL's own text form wherever JSON could lose something: numeric, int8, uuid,
// date ('YYYY-MM-DD'), timestamptz (ISO 8601 in UTC with its offset, microseconds kept), arrays (the
// '{…}' literal), and json/jsonb as their JSON text (so a number inside keeps every digit). bytea is
// base64; boolean, smallint and integer are plain JSON; null is null.

export const BACKUP_FORMAT = 'tandem-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface MigrationRef {
  /** SHA-256 of the migration's SQL file, as drizzle records it. */
  hash: string;
  /** The journal's `when` (drizzle's `created_at`), which orders migrations. */
  createdAt: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: MigrationRef[];
}

export interface ColumnDef {
  name: string;
  /** `format_type()` of the column, e.g. `numeric(18,2)`, `timestamp with time zone`, `text[]`. */
  type: string;
}

export interface TableLine {
  table: string;
  columns: ColumnDef[];
}

export interface SequencesLine {
  /** `lastValue` null: the sequence was never used. */
  sequences: Array<{ name: string; lastValue: string | null }>;
}

export interface BackupFooter {
  footer: true;
  rowCounts: Record<string, number>;
  sha256: string;
}

/** Types that JSON carries as themselves; every other type travels as its text form. */
const NATIVE = new Set(['boolean', 'smallint', 'integer']);

/** The select expression that reads a column for the file. */
export function readExpr(column: ColumnDef): string {
  const c = quoteIdent(column.name);
  if (NATIVE.has(column.type)) return c;
  if (column.type === 'bytea') return `encode(${c}, 'base64')`;
  return `${c}::text`;
}

/**
 * The expression that turns element `i` of a row (a json array `r`) back into the column's type.
 * xid8 values are transaction ids of the source cluster, meaningless in another one: the rows get the
 * restoring transaction's id, which is what they are now (written by a finished transaction).
 */
export function writeExpr(column: ColumnDef, i: number): string {
  const v = `(r->>${i})`;
  if (column.type === 'bytea') return `decode(${v}, 'base64')`;
  if (column.type === 'xid8') return 'pg_current_xact_id()';
  return `${v}::${column.type}`;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
