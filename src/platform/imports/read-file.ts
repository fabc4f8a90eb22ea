import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { badRequest } from '../errors.ts';

export type FileFormat = 'csv' | 'xlsx';

/**
 * A file the engine can read more than once (a checking pass, then the import pass), always as a
 * stream: an uploaded Buffer is handed out in slices, a file on disk is read from disk.
 */
export interface FileSource {
  open(): Readable;
  /** Whether the whole content is valid UTF-8, when that is cheap to know (a Buffer); else undefined. */
  utf8?: boolean;
}

const SLICE = 64 * 1024;

export function bufferSource(buffer: Buffer): FileSource {
  return {
    open: () =>
      Readable.from(
        (function* () {
          for (let at = 0; at < buffer.length; at += SLICE) yield buffer.subarray(at, at + SLICE);
        })(),
      ),
    utf8: isUtf8(buffer),
  };
}

export function pathSource(path: string): FileSource {
  return { open: () => fs.createReadStream(path, { highWaterMark: SLICE }) };
}

/** One line of a sheet: its number as the spreadsheet shows it (the header is row 1) and its cells, trimmed. */
export interface SheetRow {
  rowNo: number;
  cells: string[];
}

export interface FileShape {
  format: FileFormat;
  encoding: 'utf-8' | 'gb18030';
  delimiter: string;
}

const MAX_RECORD_CHARS = 100_000;

async function head(source: FileSource): Promise<Buffer> {
  const stream = source.open();
  try {
    for await (const chunk of stream) return Buffer.from(chunk as Buffer);
    return Buffer.alloc(0);
  } finally {
    stream.destroy();
  }
}

/** Chinese Excel saves CSV in GBK (GB18030 is its superset): a file that is not valid UTF-8 is read as that. */
async function isValidUtf8(source: FileSource): Promise<boolean> {
  if (source.utf8 !== undefined) return source.utf8;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of source.open()) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The delimiter that occurs most in the first line: comma, or what some locales' Excel writes instead. */
function sniffDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Format (by content, not by name), text encoding and delimiter of an uploaded file. */
export async function inspectFile(source: FileSource): Promise<FileShape> {
  const first = await head(source);
  if (first.length === 0) throw badRequest('import.empty_file', 'The file is empty');
  if (first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04)
    return { format: 'xlsx', encoding: 'utf-8', delimiter: ',' };
  if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff))
    throw badRequest(
      'import.unsupported_encoding',
      'UTF-16 text is not supported; save the file as "CSV UTF-8" or as an Excel workbook',
    );
  const encoding = (await isValidUtf8(source)) ? 'utf-8' : 'gb18030';
  const text = new TextDecoder(encoding).decode(first);
  return { format: 'csv', encoding, delimiter: sniffDelimiter(text.split(/\r?\n|\r/, 1)[0] ?? '') };
}

async function* decoded(stream: Readable, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of stream) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

async function* csvRows(source: FileSource, shape: FileShape): AsyncGenerator<SheetRow> {
  const parser = parse({
    bom: true,
    delimiter: shape.delimiter,
    // Excel writes CRLF, other tools LF, old Mac tools CR; a file may even mix them.
    record_delimiter: ['\r\n', '\n', '\r'],
    // Short or long rows are reported per row by the engine instead of failing the whole file.
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const input =
    shape.encoding === 'utf-8' ? source.open() : Readable.from(decoded(source.open(), shape.encoding));
  pipeline(input, parser, () => {});
  let rowNo = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNo++;
      yield { rowNo, cells: record.map((cell) => cell.trim()) };
    }
  } catch (error) {
    if (error instanceof CsvError)
      throw badRequest('import.malformed_file', `The CSV file cannot be read near line ${lineOf(error)}`, {
        line: lineOf(error),
        reason: error.code,
      });
    throw error;
  } finally {
    input.destroy();
  }
}

function lineOf(error: CsvError): number {
  return Number((error as unknown as { lines?: number }).lines ?? 0);
}

/** A cell as the text a person sees; formulas are never evaluated, their stored result is used. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const text = value.toISOString();
    return text.endsWith('T00:00:00.000Z') ? text.slice(0, 10) : text;
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return v.richText.map((part: { text?: string }) => part.text ?? '').join('');
    if ('result' in v) return cellText(v.result);
    if ('formula' in v || 'sharedFormula' in v || 'error' in v) return '';
    if (typeof v.text === 'string') return v.text;
  }
  return '';
}

async function* xlsxRows(source: FileSource): AsyncGenerator<SheetRow> {
  const stream = source.open();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell dates from numbers.
    styles: 'cache',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
        yield { rowNo: row.number, cells };
      }
      break; // the first worksheet is the data; others (notes, lookups) are ignored
    }
  } catch (error) {
    throw badRequest('import.unreadable_file', 'The Excel file cannot be read; save it again as .xlsx', {
      reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
    });
  } finally {
    stream.destroy();
  }
}

/** Every row of the file, header first, streamed; rows with no value at all are left out. */
export async function* readRows(source: FileSource, shape: FileShape): AsyncGenerator<SheetRow> {
  const rows = shape.format === 'xlsx' ? xlsxRows(source) : csvRows(source, shape);
  for await (const row of rows) {
    if (row.cells.some((cell) => cell !== '')) yield row;
  }
}
