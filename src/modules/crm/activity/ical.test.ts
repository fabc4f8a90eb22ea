import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCalendar, escapeText, foldLine, utc } from './ical.ts';

test('TEXT escaping: backslash, semicolon, comma, newlines; control characters dropped', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
  assert.equal(escapeText('bell\u0007 tab\tok'), 'bell tab\tok');
  assert.equal(escapeText('客户：星辰，报价；'), '客户：星辰，报价；', 'full-width punctuation is just text');
});

test('folding: at most 75 octets a line, never inside a UTF-8 character, continuation starts with a space', () => {
  const line = `SUMMARY:${'拜访上海星辰贸易有限公司讨论年度框架协议😀'.repeat(6)}`;
  const folded = foldLine(line);
  const parts = folded.split('\r\n');
  assert.ok(parts.length > 1);
  for (const [i, part] of parts.entries()) {
    const bytes = Buffer.from(part, 'utf8');
    assert.ok(bytes.length <= 75, `line ${i} has ${bytes.length} octets`);
    assert.equal(bytes.toString('utf8'), part, 'each line is whole UTF-8');
    if (i > 0) assert.equal(part[0], ' ');
  }
  assert.equal(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line, 'unfolding restores it');
  assert.equal(foldLine('SHORT:x'), 'SHORT:x');
  assert.equal(Buffer.byteLength(foldLine('X:'.padEnd(75, 'a')).split('\r\n')[0]), 75, 'exactly 75 fits');
});

test('a calendar has CRLF line ends only and UTC times', () => {
  assert.equal(utc('2026-03-01T08:30:00+08:00'), '20260301T003000Z');
  const text = buildCalendar(
    'Tandem',
    [
      {
        type: 'todo',
        uid: 'x@tandem',
        modified: '2026-03-01T00:00:00Z',
        sequence: 0,
        summary: 'Send quote',
        due: '2026-03-02T10:00:00Z',
      },
    ],
    '2026-03-05T08:00:00Z',
  );
  assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  assert.match(text, /\r\nDUE:20260302T100000Z\r\nSTATUS:NEEDS-ACTION\r\n/);
  assert.match(text, /\r\nDTSTAMP:20260305T080000Z\r\nLAST-MODIFIED:20260301T000000Z\r\n/);
});
