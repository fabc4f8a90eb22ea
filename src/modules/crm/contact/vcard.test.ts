import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDate, parseVcards, serializeVcard, splitName, type VcardContact } from './vcard.ts';
import { escapeText, foldLine, parseLine, splitValue, unescapeText, unfold } from './vcard-lines.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('vCard text escaping', () => {
  test('backslash, comma, semicolon and newlines are escaped and come back', () => {
    const text = 'a\\b, c; d\ne\r\nf';
    assert.equal(escapeText(text), 'a\\\\b\\, c\\; d\\ne\\nf');
    assert.equal(unescapeText(escapeText(text)), 'a\\b, c; d\ne\nf');
    assert.equal(unescapeText('x\\Ny'), 'x\ny', 'an upper-case \\N is a newline too');
  });

  test('structured values split only at unescaped separators', () => {
    assert.deepEqual(splitValue('Doe\\;Jr;John;;;', ';'), ['Doe;Jr', 'John', '', '', '']);
    assert.deepEqual(splitValue('a\\,b,c', ','), ['a,b', 'c']);
  });
});

describe('vCard line folding', () => {
  test('short lines stay whole; long ones fold at 75 octets and unfold to the original', () => {
    assert.equal(foldLine('FN:Li Na'), 'FN:Li Na');
    const long = `NOTE:${'x'.repeat(200)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    assert.ok(parts.length >= 3);
    for (const part of parts) assert.ok(octets(part) <= 75, part);
    assert.ok(parts.slice(1).every((p) => p.startsWith(' ')));
    assert.deepEqual(unfold(folded), [long]);
  });

  test('a multi-octet character is never split across lines', () => {
    const long = `NOTE:${'上海星辰贸易有限公司'.repeat(10)}`;
    const folded = foldLine(long);
    for (const part of folded.split('\r\n')) {
      assert.ok(octets(part) <= 75);
      assert.ok(!part.includes('\uFFFD'));
    }
    assert.deepEqual(unfold(folded), [long]);
  });

  test('LF-only files, tab continuations and blank lines are read', () => {
    assert.deepEqual(unfold('BEGIN:VCARD\nFN:Jo\n\thn\n\nEND:VCARD\n'), [
      'BEGIN:VCARD',
      'FN:John',
      'END:VCARD',
    ]);
  });
});

describe('vCard content lines', () => {
  test('group, parameters (quoted, lists, bare 2.1 types) and a colon inside the value', () => {
    const p = parseLine('item1.TEL;TYPE="voice,home";PREF=1:tel:+1-555-555-5555');
    assert.equal(p?.group, 'item1');
    assert.equal(p?.name, 'TEL');
    assert.deepEqual(p?.params.TYPE, ['voice', 'home']);
    assert.equal(p?.value, 'tel:+1-555-555-5555');
    assert.deepEqual(parseLine('TEL;CELL;PREF:138')?.params.TYPE, ['CELL', 'PREF']);
    assert.equal(parseLine('NOTE;LANGUAGE="zh:CN":a:b')?.value, 'a:b');
    assert.equal(parseLine('no colon here'), null);
  });

  test('dates: basic and extended forms with a year; none without a year or invalid', () => {
    assert.equal(parseDate('19850412'), '1985-04-12');
    assert.equal(parseDate('1985-04-12'), '1985-04-12');
    assert.equal(parseDate('1985-04-12T00:00:00Z'), '1985-04-12');
    assert.equal(parseDate('--0412'), undefined);
    assert.equal(parseDate('19850230'), undefined);
  });

  test('Chinese names split after the surname, compound surnames too', () => {
    assert.deepEqual([splitName('李娜').family, splitName('李娜').given], ['李', '娜']);
    assert.deepEqual([splitName('欧阳修文').family, splitName('欧阳修文').given], ['欧阳', '修文']);
    assert.deepEqual(
      [splitName('Mary Ann Smith').family, splitName('Mary Ann Smith').given],
      ['Smith', 'Mary Ann'],
    );
  });
});

describe('reading and writing whole cards', () => {
  const card: VcardContact = {
    fn: '王小明',
    tels: [
      { value: '+86 138 0013 8000', types: ['cell'], pref: 1 },
      { value: '021-6888 0000', types: ['work', 'voice'] },
    ],
    emails: [{ value: 'wang@example.cn', types: ['work'] }],
    org: '上海星辰贸易有限公司; 华东区',
    title: '采购经理',
    note: '第一行\n第二行, 带逗号; 和分号 \\ 反斜杠',
    bday: '1985-04-12',
    wechat: 'wxm_2026',
    uid: 'urn:uuid:0190c2d4-0000-7000-8000-000000000001',
  };

  test('a written card is valid 4.0 and reads back the same', () => {
    const text = serializeVcard(card);
    assert.ok(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n'));
    assert.ok(text.endsWith('END:VCARD\r\n'));
    for (const line of text.split('\r\n')) assert.ok(octets(line) <= 75, line);
    assert.match(text, /\r\nTEL;TYPE=cell;PREF=1:\+86 138 0013 8000\r\n/);
    assert.match(text, /\r\nBDAY:19850412\r\n/);
    assert.match(text, /\r\nN:王;小明;;;\r\n/);
    const { cards, errors } = parseVcards(text);
    assert.deepEqual(errors, []);
    assert.equal(cards.length, 1);
    const back = cards[0];
    assert.equal(back.fn, card.fn);
    assert.deepEqual(
      back.tels.map((t) => t.value),
      card.tels.map((t) => t.value),
    );
    assert.deepEqual(back.tels[1].types, ['work', 'voice']);
    assert.equal(back.emails[0].value, card.emails[0].value);
    assert.equal(back.org, card.org);
    assert.equal(back.title, card.title);
    assert.equal(back.note, card.note);
    assert.equal(back.bday, card.bday);
    assert.equal(back.wechat, card.wechat);
    const odd = parseVcards(serializeVcard({ fn: 'Smith, John; Jr. \\ II', tels: [], emails: [] })).cards[0];
    assert.equal(odd.fn, 'Smith, John; Jr. \\ II');
  });

  test('several cards; the preferred phone comes first; a card without END or name is reported', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:A',
      'TEL;TYPE=work:111111',
      'TEL;TYPE=cell;PREF=1:222222',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'EMAIL:x@example.com',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'N:Smith;John;;Dr.;',
      'TEL;VALUE=uri:tel:+1-555-555-0100;ext=12',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Unfinished',
    ].join('\r\n');
    const { cards, errors } = parseVcards(text);
    assert.deepEqual(
      cards.map((c) => c.fn),
      ['A', 'Dr. John Smith'],
    );
    assert.deepEqual(
      cards[0].tels.map((t) => t.value),
      ['222222', '111111'],
    );
    assert.equal(cards[1].tels[0].value, '+1-555-555-0100', 'a tel: URI gives the number');
    assert.deepEqual(
      errors.map((e) => e.card),
      [2, 4],
    );
  });

  test('3.0 and 2.1 cards: bare types, quoted-printable UTF-8 and GBK, IMPP WeChat, N without FN', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=89;;;',
      'TEL;CELL;PREF:13800138000',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E7=AC=AC=E4=B8=80=',
      '=E8=A1=8C',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:=C0=EE=C4=C8',
      'TEL;TYPE=WORK,VOICE:010-1234 5678',
      'IMPP;X-SERVICE-TYPE=WeChat:x-apple:lina88',
      'BDAY:1990-01-31',
      'END:VCARD',
    ].join('\n');
    const { cards, errors } = parseVcards(text);
    assert.deepEqual(errors, []);
    assert.equal(cards[0].fn, '张三');
    assert.deepEqual(cards[0].tels[0], { value: '13800138000', types: ['cell'], pref: 1 });
    assert.equal(cards[0].note, '第一行');
    assert.equal(cards[1].fn, '李娜');
    assert.deepEqual(cards[1].tels[0].types, ['work', 'voice']);
    assert.equal(cards[1].wechat, 'lina88');
    assert.equal(cards[1].bday, '1990-01-31');
  });

  test('too many cards stop the reading with a message', () => {
    const one = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEND:VCARD\r\n';
    const { cards, errors } = parseVcards(one.repeat(5), 3);
    assert.equal(cards.length, 3);
    assert.match(errors[0].message, /At most 3/);
  });
});
