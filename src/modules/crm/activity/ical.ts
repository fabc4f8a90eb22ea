// iCalendar (RFC 5545) output, written by hand: a feed needs a handful of properties, and the three
// rules that trip generators up are all here — TEXT escaping (§3.3.11), folding at 75 octets without
// splitting a UTF-8 character (§3.1), and CRLF line ends.

export interface CalendarItem {
  type: 'event' | 'todo';
  uid: string;
  /** When this version of the item was written (LAST-MODIFIED). */
  modified: string;
  sequence: number;
  summary: string;
  description?: string;
  categories?: string;
  start?: string | null;
  end?: string | null;
  due?: string | null;
  completed?: string | null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A TEXT value: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** Splits a content line into lines of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > 75) {
      out.push(current);
      current = ` ${ch}`;
      octets = 1 + size;
    } else {
      current += ch;
      octets += size;
    }
  }
  out.push(current);
  return out.join('\r\n');
}

/** An instant as a UTC DATE-TIME: `20260102T030405Z`. */
export function utc(instant: string): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

// With METHOD:PUBLISH, DTSTAMP is when this copy of the calendar was made (RFC 5545 §3.8.7.2); when the
// item itself last changed is LAST-MODIFIED, and SEQUENCE counts its revisions.
function itemLines(item: CalendarItem, stamp: string): string[] {
  const name = item.type === 'event' ? 'VEVENT' : 'VTODO';
  const lines = [
    `BEGIN:${name}`,
    `UID:${escapeText(item.uid)}`,
    `DTSTAMP:${utc(stamp)}`,
    `LAST-MODIFIED:${utc(item.modified)}`,
    `SEQUENCE:${item.sequence}`,
    `SUMMARY:${escapeText(item.summary)}`,
  ];
  if (item.description) lines.push(`DESCRIPTION:${escapeText(item.description)}`);
  if (item.categories) lines.push(`CATEGORIES:${escapeText(item.categories)}`);
  if (item.type === 'event') {
    if (item.start) lines.push(`DTSTART:${utc(item.start)}`);
    if (item.end) lines.push(`DTEND:${utc(item.end)}`);
    lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE');
  } else {
    if (item.start) lines.push(`DTSTART:${utc(item.start)}`);
    if (item.due) lines.push(`DUE:${utc(item.due)}`);
    if (item.completed) lines.push('STATUS:COMPLETED', `COMPLETED:${utc(item.completed)}`);
    else lines.push('STATUS:NEEDS-ACTION');
  }
  lines.push(`END:${name}`);
  return lines;
}

/** A whole calendar as UTF-8 text with CRLF line ends (the caller sends it as `text/calendar`). */
export function buildCalendar(
  calendarName: string,
  items: CalendarItem[],
  generatedAt = new Date().toISOString(),
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tandem//CRM activities//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    // Hints for subscribing apps; most poll on their own schedule anyway.
    'REFRESH-INTERVAL;VALUE=DURATION:PT30M',
    'X-PUBLISHED-TTL:PT30M',
    ...items.flatMap((item) => itemLines(item, generatedAt)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
