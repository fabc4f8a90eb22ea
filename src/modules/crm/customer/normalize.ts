import { bigrams, PUNCT, toHalfWidth } from '../../../platform/text/search-key.ts';

// The language-neutral part (width, pinyin, bigrams, search keys) lives in the platform, shared with
// catalog; crm keeps the party-specific keys (company-form suffixes, phones, USCC) and re-exports it.
export { bigrams, searchFields, searchQuery, toHalfWidth } from '../../../platform/text/search-key.ts';

// Longest first, so 股份有限公司 is removed whole rather than leaving 股份.
const SUFFIXES = [
  '集团股份有限公司',
  '集团有限责任公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '集团公司',
  '(集团)',
  '集团',
  '公司',
  'corporation',
  'company',
  'limited',
  'co.,ltd.',
  'co.,ltd',
  'co.ltd',
  'co. ltd.',
  'co ltd',
  'ltd.',
  'ltd',
  'inc.',
  'inc',
  'llc',
  'l.l.c.',
  'corp.',
  'corp',
  'gmbh',
  'plc',
  'co.',
  'co',
  's.a.',
  'ag',
];

/**
 * The key two names must share to be the same company: half-width, lower case, company-form
 * suffixes removed (repeatedly: "… Co., Ltd." and "…有限公司"), then spaces and punctuation dropped.
 */
export function nameKey(name: string): string {
  let text = toHalfWidth(name).toLowerCase().trim().replace(/\s+/g, ' ');
  text = text.replace(/[（]/g, '(').replace(/[）]/g, ')');
  for (let changed = true; changed; ) {
    changed = false;
    const trimmed = text.replace(/[\s,.]+$/u, '');
    if (SUFFIXES.includes(trimmed.replace(/\s/g, ''))) break; // the name is nothing but a company form
    for (const suffix of SUFFIXES) {
      const spaced = suffix.replace(/\s/g, '');
      const compact = trimmed.replace(/\s/g, '');
      if (compact.length > spaced.length && compact.endsWith(spaced) && /[a-z]/.test(spaced[0]) === false) {
        text = removeTail(trimmed, spaced.length);
        changed = true;
        break;
      }
      if (
        /[a-z]/.test(suffix[0]) &&
        new RegExp(`(^|[\\s,.])${escapeRegExp(suffix)}$`).test(trimmed) &&
        trimmed.length > suffix.length
      ) {
        text = trimmed.slice(0, trimmed.length - suffix.length);
        changed = true;
        break;
      }
    }
  }
  return text.replace(PUNCT, '');
}

function removeTail(text: string, nonSpaceChars: number): string {
  let i = text.length;
  let n = 0;
  while (i > 0 && n < nonSpaceChars) {
    i--;
    if (!/\s/.test(text[i])) n++;
  }
  return text.slice(0, i);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Digits of a phone number with the country code and trunk prefix removed, so `+86 138-0013-8000`,
 * `0086 13800138000` and `138 0013 8000` agree, as do `+86 21 6888 0000` and `021-68880000`.
 */
export function phoneKey(phone: string): string {
  let digits = toHalfWidth(phone).replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.startsWith('86') && digits.length >= 12) digits = digits.slice(2);
  if (digits.startsWith('0')) digits = digits.slice(1);
  return digits;
}

export function emailKey(email: string): string {
  return toHalfWidth(email).trim().toLowerCase();
}

// 统一社会信用代码 (GB 32100-2015): 18 characters from this set; the last is a check character.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARS.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: string): boolean {
  const upper = toHalfWidth(code).trim().toUpperCase();
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(upper) && usccCheckChar(upper.slice(0, 17)) === upper[17];
}

/** Dice coefficient of two keys' bigram sets (0..1). */
export function similarity(a: string, b: string): number {
  const x = new Set(bigrams(a));
  const y = new Set(bigrams(b));
  if (x.size === 0 || y.size === 0) return a === b ? 1 : 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

export const SIMILAR_THRESHOLD = 0.75;

/**
 * Two different keys are likely the same party when their bigrams are very similar, or one contains
 * the other and the shorter is at least four characters (上海星辰贸易 ⊂ 上海星辰贸易发展).
 */
export function looksSimilar(a: string, b: string): { similar: boolean; score: number } {
  const score = similarity(a, b);
  const [short, long] = [...a].length <= [...b].length ? [a, b] : [b, a];
  const contained = [...short].length >= 4 && long.includes(short);
  return { similar: score >= SIMILAR_THRESHOLD || contained, score: Math.max(score, contained ? 0.8 : 0) };
}
