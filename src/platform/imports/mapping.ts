import { badRequest } from '../errors.ts';
import type { ImportColumn } from './registry.ts';

/** Which cell of a row holds which column, and the mapping as stored on the batch (file header → key). */
export interface ResolvedMapping {
  indexByKey: Map<string, number>;
  mapping: Record<string, string>;
}

// A leading BOM, spaces and a trailing "required" star are not part of the name.
const normal = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*[*＊]$/, '')
    .toLowerCase();

/**
 * Matches the file's header to the importer's columns: exactly as the client says, or, without a
 * mapping, each header that equals a column key or one of its labels. Only declared columns can be
 * filled, so a header can never reach a field the importer does not offer (SEC-CSV-02). Every
 * required column must be mapped before a single row is read.
 */
export function resolveMapping(
  columns: ImportColumn[],
  header: string[],
  requested: Record<string, string> | undefined,
): ResolvedMapping {
  const byHeader = new Map<string, number[]>();
  header.forEach((cell, index) => {
    const key = normal(cell);
    if (key) byHeader.set(key, [...(byHeader.get(key) ?? []), index]);
  });
  const indexByKey = new Map<string, number>();
  const pairs: Array<[string, string]> = [];
  const assign = (columnKey: string, index: number) => {
    if (indexByKey.has(columnKey))
      throw badRequest('import.duplicate_mapping', `Two file columns map to ${columnKey}`, {
        column: columnKey,
        headers: [header[indexByKey.get(columnKey)!], header[index]],
      });
    indexByKey.set(columnKey, index);
    pairs.push([header[index], columnKey]);
  };

  if (requested) {
    for (const [fileHeader, columnKey] of Object.entries(requested)) {
      if (columnKey === '') continue; // the client chose to ignore this file column
      if (!columns.some((c) => c.key === columnKey))
        throw badRequest('import.unknown_column', `There is no column ${columnKey} to import into`, {
          column: columnKey,
        });
      const found = byHeader.get(normal(fileHeader)) ?? [];
      if (found.length === 0)
        throw badRequest('import.unknown_header', `The file has no column "${fileHeader}"`, {
          header: fileHeader,
        });
      if (found.length > 1)
        throw badRequest('import.duplicate_header', `The file has the column "${fileHeader}" twice`, {
          header: fileHeader,
        });
      assign(columnKey, found[0]);
    }
  } else {
    for (const column of columns) {
      const names = new Set([column.key, column.label.en, column.label['zh-CN']].map(normal));
      const found = [...names].flatMap((name) => byHeader.get(name) ?? []);
      const unique = [...new Set(found)];
      if (unique.length > 1)
        throw badRequest('import.duplicate_header', `More than one file column matches ${column.key}`, {
          column: column.key,
          headers: unique.map((i) => header[i]),
        });
      if (unique.length === 1) assign(column.key, unique[0]);
    }
  }

  const missing = columns.filter((c) => c.required && !indexByKey.has(c.key));
  if (missing.length > 0)
    throw badRequest(
      'import.missing_columns',
      `The file lacks required columns: ${missing.map((c) => c.label.en).join(', ')}`,
      { columns: missing.map((c) => c.key) },
    );
  return { indexByKey, mapping: Object.fromEntries(pairs) };
}
