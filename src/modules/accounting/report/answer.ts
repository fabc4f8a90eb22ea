import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import {
  attachment,
  type ExportColumn,
  type ExportRow,
  exportRows,
} from '../../../platform/exports/export-rows.ts';

export const textColumn = (key: string, header: string): ExportColumn => ({ key, header });
export const numberColumn = (key: string, header: string): ExportColumn => ({ key, header, type: 'number' });

/** JSON by default; `?format=csv|xlsx` streams the same rows through the platform export engine. */
export function answer<T>(
  reply: FastifyReply,
  format: 'json' | 'csv' | 'xlsx',
  report: T,
  file: { name: string; columns: ExportColumn[]; rows: (r: T) => object[] },
): T {
  if (format === 'json') return report;
  attachment(reply, file.name, format);
  return exportRows(
    format,
    file.columns,
    file.rows(report) as ExportRow[],
    file.name,
  ) as Readable as unknown as T;
}
