import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportColumn {
  key: string;
  header: string;
  /** Numbers stay numbers (also negative ones); everything else is text. */
  type?: 'text' | 'number';
}

export type ExportRow = Record<string, unknown>;

/**
 * A spreadsheet treats a cell starting with one of these as a formula (`=cmd|' /C calc'!A0`,
 * `=HYPERLINK(…)`, `@SUM(…)`), so any text starting with them gets a leading apostrophe and is shown
 * as the text it is (SEC-CSV-01).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A cell value for the sheet: a number only in a number column and when it really is one, else safe text. */
export function cellValue(column: ExportColumn, value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (column.type === 'number') {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && NUMBER.test(value)) return value;
  }
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = value.map(String).join(', ');
  else text = JSON.stringify(value);
  return neutralise(text);
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: Array<string | number>): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

async function* csvChunks(
  columns: ExportColumn[],
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
): AsyncGenerator<string> {
  // The byte order mark makes Excel read the file as UTF-8 (Chinese names intact).
  yield `\uFEFF${csvLine(columns.map((c) => neutralise(c.header)))}`;
  let batch = '';
  for await (const row of rows) {
    batch += csvLine(columns.map((c) => cellValue(c, row[c.key])));
    if (batch.length > 16 * 1024) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

function xlsxStream(
  columns: ExportColumn[],
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  sheetName: string,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  (async () => {
    sheet.addRow(columns.map((c) => neutralise(c.header))).commit();
    for await (const row of rows) {
      sheet
        .addRow(
          columns.map((c) => {
            const value = cellValue(c, row[c.key]);
            return c.type === 'number' && typeof value === 'string' && NUMBER.test(value)
              ? Number(value)
              : value;
          }),
        )
        .commit();
      // The zip writer does not wait for a slow client; stop producing until it catches up (or leaves).
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error));
  return out;
}

/**
 * Streams rows as a CSV (UTF-8 with BOM) or XLSX file without holding them all: the rows come from
 * an async iterable (a cursor, pages of a list) and every text cell is neutralised against formula
 * injection. Errors after the first byte end the download early; check permissions before calling.
 */
export function exportRows(
  format: ExportFormat,
  columns: ExportColumn[],
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>,
  sheetName = 'Export',
): Readable {
  if (format === 'xlsx') return xlsxStream(columns, rows, sheetName);
  return Readable.from(csvChunks(columns, rows));
}

/**
 * Fetches the first row before the download starts, so a refusal in the first query (permission,
 * bad sort key) is still an ordinary error response rather than a cut-off file.
 */
export async function prime<T>(rows: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

/** The response of a download route: the handler returns the stream (Fastify sends it unserialised). */
export const FileDownload = z.any().meta({ description: 'A file download (CSV or XLSX)' });

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Download headers; `baseName` is ours (never a user's text), the extension follows the format. */
export function attachment(reply: FastifyReply, baseName: string, format: ExportFormat): void {
  const safe = baseName.replace(/[^A-Za-z0-9._-]/g, '_');
  reply.header('content-type', CONTENT_TYPES[format]);
  reply.header('content-disposition', `attachment; filename="${safe}.${format}"`);
  reply.header('x-content-type-options', 'nosniff');
}
