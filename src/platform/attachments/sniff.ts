// What a file is, decided from its bytes (never from the client's Content-Type or the name), and
// the extensions each allowed kind may carry. Anything else is refused: no HTML, SVG, scripts,
// executables, archives or macro-enabled office files.

export type FileKind = 'png' | 'jpeg' | 'gif' | 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'text';

/** Allowed extension → the kind its bytes must be, and the type the file is served with. */
export const ALLOWED: Record<string, { kind: FileKind; contentType: string }> = {
  png: { kind: 'png', contentType: 'image/png' },
  jpg: { kind: 'jpeg', contentType: 'image/jpeg' },
  jpeg: { kind: 'jpeg', contentType: 'image/jpeg' },
  gif: { kind: 'gif', contentType: 'image/gif' },
  pdf: { kind: 'pdf', contentType: 'application/pdf' },
  docx: {
    kind: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: { kind: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: {
    kind: 'pptx',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
  txt: { kind: 'text', contentType: 'text/plain; charset=utf-8' },
  csv: { kind: 'text', contentType: 'text/csv; charset=utf-8' },
};

/** An office file may not claim to expand past this (a zip bomb is refused before anyone opens it). */
export const MAX_EXPANDED_BYTES = 200 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 5000;

const startsWith = (buf: Buffer, bytes: number[]) =>
  buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

/** The kind of an allowed file, or null when the bytes are not one of them. */
export function sniff(buf: Buffer): FileKind | null {
  if (buf.length === 0) return null;
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  const head = buf.subarray(0, 8).toString('latin1');
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'gif';
  if (head.startsWith('%PDF-')) return 'pdf';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return officeKind(buf);
  return isPlainText(buf) ? 'text' : null;
}

/** UTF-8 text without control characters that does not look like markup a browser would render. */
function isPlainText(buf: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return false;
  }
  // Tab, LF, FF and CR are text; every other C0 control (NUL above all) means binary.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) return false;
  }
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<[!?a-z/]/i.test(start)) return false;
  return !/<(script|html|svg|iframe|body|object|embed)[\s>/]/i.test(text.slice(0, 4096));
}

/**
 * Reads the zip's central directory (no decompression): an OOXML package has `[Content_Types].xml`
 * and its main part. Refused: macros, entry names that climb out of a folder, zip64, and archives
 * that declare more than MAX_EXPANDED_BYTES once unpacked.
 */
function officeKind(buf: Buffer): FileKind | null {
  const names = centralDirectory(buf);
  if (!names) return null;
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null;
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return null;
}

function centralDirectory(buf: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CDH = 0x02014b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null; // zip64
  if (count > MAX_ZIP_ENTRIES || offset + size > eocd) return null;
  const names: string[] = [];
  let expanded = 0;
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CDH) return null;
    const unpacked = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (unpacked === 0xffffffff || at + 46 + nameLength > eocd) return null;
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) return null;
    expanded += unpacked;
    if (expanded > MAX_EXPANDED_BYTES) return null;
    names.push(name);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
