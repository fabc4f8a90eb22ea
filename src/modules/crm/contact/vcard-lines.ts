/**
 * The line level of vCard (RFC 6350 §3): escaping of text and parameter values, folding and
 * unfolding, and splitting a content line into group, name, parameters and value. Pure functions.
 */

export interface VcardProperty {
  group: string | null;
  name: string;
  params: Record<string, string[]>;
  value: string;
}

// Escaping (RFC 6350 §3.4): backslash, comma, semicolon and newline in text values.

export function escapeText(text: string): string {
  return text.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Splits a raw value at unescaped `separator`s, then unescapes each part. */
export function splitValue(raw: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\' && i + 1 < raw.length) {
      current += ch + raw[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(unescapeText);
}

export function unescapeText(raw: string): string {
  return raw.replace(/\\(.)/gs, (_m, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}

// RFC 6868: a parameter value escapes newline, double quote and caret with a caret.
export function escapeParam(value: string): string {
  const text = value
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'");
  return /[;:,]/.test(text) ? `"${text}"` : text;
}

function unescapeParam(value: string): string {
  return value.replace(/\^(\^|n|')/g, (_m, ch: string) => (ch === 'n' ? '\n' : ch === "'" ? '"' : '^'));
}

// ---------------------------------------------------------------------------------------------
// Folding (RFC 6350 §3.2): lines longer than 75 octets continue on the next line after a space;
// a multi-octet UTF-8 character is never split across lines.

const encoder = new TextEncoder();

export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with the space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * The logical lines of a vCard text: folded lines joined (CRLF, LF or CR, then a space or tab), and
 * quoted-printable soft line breaks (a line ending in `=`) of 2.1 cards joined too. Blank lines dropped.
 */
export function unfold(text: string): string[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const logical: string[] = [];
  for (const line of physical) {
    const prev = logical.length - 1;
    if (prev >= 0 && isQuotedPrintable(logical[prev]) && logical[prev].endsWith('=')) {
      logical[prev] = logical[prev].slice(0, -1) + line;
    } else if ((line.startsWith(' ') || line.startsWith('\t')) && prev >= 0) {
      logical[prev] += line.slice(1);
    } else if (line.trim() !== '') logical.push(line);
  }
  return logical;
}

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && /ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE/i.test(line.slice(0, colon));
}

// ---------------------------------------------------------------------------------------------
// Content lines: [group "."] name *(";" param) ":" value

export function parseLine(line: string): VcardProperty | null {
  let i = 0;
  let inQuotes = false;
  // The value starts after the first colon that is not inside a quoted parameter value.
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === ':' && !inQuotes) break;
  }
  if (i >= line.length) return null;
  const head = line.slice(0, i);
  const value = line.slice(i + 1);
  const segments = splitHead(head);
  const fullName = segments.shift() ?? '';
  const dot = fullName.lastIndexOf('.');
  const group = dot > 0 ? fullName.slice(0, dot) : null;
  const name = (dot > 0 ? fullName.slice(dot + 1) : fullName).toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params: Record<string, string[]> = {};
  for (const segment of segments) {
    const eq = segment.indexOf('=');
    // vCard 2.1 writes bare types: `TEL;CELL;PREF:…`
    const key = (eq < 0 ? 'TYPE' : segment.slice(0, eq)).toUpperCase().trim();
    const raw = eq < 0 ? segment : segment.slice(eq + 1);
    // RFC 6350's own examples quote type lists (TYPE="voice,home"): those commas separate values too.
    const values = splitParamValues(raw)
      .flatMap((v) => (key === 'TYPE' ? v.split(',') : [v]))
      .map((v) => unescapeParam(v.trim()))
      .filter(Boolean);
    params[key] = [...(params[key] ?? []), ...values];
  }
  return { group, name, params, value };
}

function splitHead(head: string): string[] {
  const out: string[] = [];
  let current = '';
  let inQuotes = false;
  for (const ch of head) {
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === ';' && !inQuotes) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function splitParamValues(raw: string): string[] {
  const out: string[] = [];
  let current = '';
  let inQuotes = false;
  for (const ch of raw) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === ',' && !inQuotes) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((v) => v.trim()).filter((v) => v !== '');
}

export function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...encoder.encode(value[i]));
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(Uint8Array.from(bytes));
}
