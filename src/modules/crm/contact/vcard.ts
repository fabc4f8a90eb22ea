/**
 * vCard (RFC 6350, version 4.0) reading and writing, as pure functions. Writing produces 4.0 only;
 * reading also accepts the 3.0 and 2.1 cards phones and mail programs still export (bare TYPE
 * parameters, quoted-printable values in a GBK or UTF-8 charset), because that is what people upload.
 */

import {
  decodeQuotedPrintable,
  escapeParam,
  escapeText,
  foldLine,
  parseLine,
  splitValue,
  unescapeText,
  unfold,
  type VcardProperty,
} from './vcard-lines.ts';

export interface VcardValue {
  value: string;
  types: string[];
  /** 1 (most preferred) … 100; absent when not stated. */
  pref?: number;
}

export interface VcardName {
  family: string;
  given: string;
  additional: string;
  prefixes: string;
  suffixes: string;
}

export interface VcardContact {
  fn: string;
  n?: VcardName;
  tels: VcardValue[];
  emails: VcardValue[];
  org?: string;
  title?: string;
  role?: string;
  note?: string;
  /** `YYYY-MM-DD` when the card gives a full date; a date without a year is left out. */
  bday?: string;
  wechat?: string;
  uid?: string;
  rev?: string;
}

export interface ParseResult {
  cards: VcardContact[];
  /** Cards (1-based, in file order) that could not be read, and why; the others are still returned. */
  errors: Array<{ card: number; message: string }>;
}

/** The property's value as text: quoted-printable decoded (2.1), otherwise as written (still escaped). */
function rawValue(p: VcardProperty): string {
  const encoding = [...(p.params.ENCODING ?? []), ...(p.params.TYPE ?? [])].map((v) => v.toUpperCase());
  if (!encoding.includes('QUOTED-PRINTABLE')) return p.value;
  // Quoted-printable text is not backslash-escaped in 2.1 except for the structure separators, which
  // callers split on; escape the backslashes so unescaping leaves them alone.
  return decodeQuotedPrintable(p.value, p.params.CHARSET?.[0] ?? 'utf-8').replace(/\\(?![;,])/g, '\\\\');
}

const TYPE_WORDS = new Set([
  'home',
  'work',
  'cell',
  'voice',
  'fax',
  'pager',
  'text',
  'video',
  'textphone',
  'internet',
  'main',
  'iphone',
  'mobile',
  'other',
  'pref',
]);

function typedValue(p: VcardProperty): VcardValue {
  const types = [...new Set((p.params.TYPE ?? []).map((t) => t.toLowerCase()))].filter((t) =>
    TYPE_WORDS.has(t),
  );
  const prefParam = Number(p.params.PREF?.[0]);
  const pref =
    Number.isInteger(prefParam) && prefParam >= 1 && prefParam <= 100
      ? prefParam
      : types.includes('pref')
        ? 1
        : undefined;
  return {
    value: unescapeText(rawValue(p)).trim(),
    types: types.filter((t) => t !== 'pref'),
    ...(pref ? { pref } : {}),
  };
}

function telValue(p: VcardProperty): VcardValue {
  const v = typedValue(p);
  // A tel: URI (what 4.0 recommends) carries the number before any ;ext= or ;phone-context= part.
  if (/^tel:/i.test(v.value)) v.value = decodeURIComponent(v.value.slice(4).split(';')[0]).trim();
  return v;
}

/** A 4.0 date (`19850412`, `1985-04-12`, `1985-04-12T…`) as `YYYY-MM-DD`; none without a year. */
export function parseDate(raw: string): string | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(raw.trim());
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date ? date : undefined;
}

function byPref(values: VcardValue[]): VcardValue[] {
  return values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.pref ?? 101) - (b.v.pref ?? 101) || a.i - b.i)
    .map((x) => x.v)
    .filter((v) => v.value !== '');
}

function cardFrom(props: VcardProperty[]): VcardContact {
  const card: VcardContact = { fn: '', tels: [], emails: [] };
  const text = (p: VcardProperty) => unescapeText(rawValue(p)).trim();
  for (const p of props) {
    switch (p.name) {
      case 'FN':
        if (!card.fn) card.fn = text(p);
        break;
      case 'N': {
        const [family = '', given = '', additional = '', prefixes = '', suffixes = ''] = splitValue(
          rawValue(p),
          ';',
        ).map((s) => s.trim());
        card.n = { family, given, additional, prefixes, suffixes };
        break;
      }
      case 'TEL':
        card.tels.push(telValue(p));
        break;
      case 'EMAIL':
        card.emails.push(typedValue(p));
        break;
      case 'ORG':
        card.org ??= splitValue(rawValue(p), ';')[0].trim() || undefined;
        break;
      case 'TITLE':
        card.title ??= text(p) || undefined;
        break;
      case 'ROLE':
        card.role ??= text(p) || undefined;
        break;
      case 'NOTE':
        card.note ??= text(p) || undefined;
        break;
      case 'BDAY':
        card.bday ??= parseDate(text(p));
        break;
      case 'X-WECHAT':
      case 'X-WEIXIN':
        card.wechat = text(p) || card.wechat;
        break;
      case 'IMPP': {
        // weixin:id, or any scheme (Apple writes x-apple:id) marked as the WeChat service.
        const m = /^([a-z][a-z0-9+.-]*):(.+)$/i.exec(text(p));
        const service = (p.params['X-SERVICE-TYPE']?.[0] ?? '').toLowerCase();
        if (m && ['weixin', 'wechat'].some((w) => m[1].toLowerCase() === w || service === w))
          card.wechat ??= m[2].trim();
        break;
      }
      case 'UID':
        card.uid ??= text(p) || undefined;
        break;
      case 'REV':
        card.rev ??= text(p) || undefined;
        break;
    }
  }
  card.tels = byPref(card.tels);
  card.emails = byPref(card.emails);
  if (!card.fn && card.n) card.fn = displayName(card.n);
  return card;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** A display name from N: Chinese family name first with no space; others given name first. */
function displayName(n: VcardName): string {
  if (CJK.test(n.family + n.given)) return `${n.family}${n.given}`.trim();
  return [n.prefixes, n.given, n.additional, n.family, n.suffixes].filter(Boolean).join(' ').trim();
}

/** Every vCard in a text. A card without a name or without END is reported, not returned. */
export function parseVcards(text: string, maxCards = 10_000): ParseResult {
  const result: ParseResult = { cards: [], errors: [] };
  let current: VcardProperty[] | null = null;
  let index = 0;
  for (const line of unfold(text)) {
    const p = parseLine(line);
    if (!p) continue; // not a content line: tolerated, as mail programs add stray text
    if (p.name === 'BEGIN' && p.value.trim().toUpperCase() === 'VCARD') {
      index++;
      if (current) result.errors.push({ card: index - 1, message: 'BEGIN:VCARD without END:VCARD' });
      current = [];
      if (index > maxCards) {
        result.errors.push({ card: index, message: `At most ${maxCards} cards are read from one file` });
        return result;
      }
    } else if (p.name === 'END' && p.value.trim().toUpperCase() === 'VCARD' && current) {
      const card = cardFrom(current);
      if (card.fn) result.cards.push(card);
      else result.errors.push({ card: index, message: 'The card has no name (FN or N)' });
      current = null;
    } else if (current) current.push(p);
  }
  if (current) result.errors.push({ card: index, message: 'BEGIN:VCARD without END:VCARD' });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Writing

const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
];

/** N from a display name: a Chinese name is split after the (possibly two-character) surname. */
export function splitName(fn: string): VcardName {
  const name = fn.trim();
  const empty = { additional: '', prefixes: '', suffixes: '' };
  if (CJK.test(name) && !/\s/.test(name)) {
    const chars = [...name];
    if (chars.length <= 1) return { family: '', given: name, ...empty };
    const two = chars.slice(0, 2).join('');
    const cut = chars.length > 2 && COMPOUND_SURNAMES.includes(two) ? 2 : 1;
    return { family: chars.slice(0, cut).join(''), given: chars.slice(cut).join(''), ...empty };
  }
  const words = name.split(/\s+/);
  if (words.length === 1) return { family: '', given: name, ...empty };
  return { family: words[words.length - 1], given: words.slice(0, -1).join(' '), ...empty };
}

function property(name: string, params: Array<[string, string]>, value: string): string {
  // A TYPE list is written unquoted (TYPE=work,voice), which every reader understands.
  const head = [name, ...params.map(([k, v]) => `${k}=${k === 'TYPE' ? v : escapeParam(v)}`)].join(';');
  return foldLine(`${head}:${value}`);
}

/** One vCard 4.0, CRLF line ends, folded at 75 octets, UTF-8 text. */
export function serializeVcard(card: VcardContact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0'];
  const add = (name: string, value: string | undefined, params: Array<[string, string]> = []) => {
    if (value !== undefined && value !== '') lines.push(property(name, params, value));
  };
  add('PRODID', '-//Tandem//CRM//EN');
  add('UID', card.uid);
  add('KIND', 'individual');
  add('FN', escapeText(card.fn));
  const n = card.n ?? splitName(card.fn);
  add('N', [n.family, n.given, n.additional, n.prefixes, n.suffixes].map(escapeText).join(';'));
  const multi = (name: string, values: VcardValue[]) => {
    for (const v of values) {
      const params: Array<[string, string]> = [];
      if (v.types.length > 0) params.push(['TYPE', v.types.join(',')]);
      if (v.pref) params.push(['PREF', String(v.pref)]);
      add(name, escapeText(v.value), params);
    }
  };
  multi('TEL', card.tels);
  multi('EMAIL', card.emails);
  // ORG is structured (organisation;unit;…): a semicolon inside the name must stay escaped.
  if (card.org) add('ORG', escapeText(card.org));
  add('TITLE', card.title ? escapeText(card.title) : undefined);
  add('ROLE', card.role ? escapeText(card.role) : undefined);
  add('NOTE', card.note ? escapeText(card.note) : undefined);
  if (card.bday) add('BDAY', card.bday.replace(/-/g, ''));
  add('X-WECHAT', card.wechat ? escapeText(card.wechat) : undefined);
  add('REV', card.rev);
  lines.push('END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
}
