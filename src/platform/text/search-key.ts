import { pinyin } from 'pinyin-pro';

/**
 * Language-neutral search keys for names people type in Chinese or Latin script: half-width,
 * lower case, no punctuation, plus pinyin and initials of Chinese text (`xc` or `xingchen` finds 星辰).
 * crm (customers) and catalog (products) index the same way, so search behaves alike everywhere.
 */

/** Full-width ASCII (Ａ, １, ，) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Punctuation, symbols and white space: what a search key leaves out. */
export const PUNCT = /[\p{P}\p{S}\s]+/gu;

/** Half-width, lower case, without punctuation and spaces. */
export function plainKey(text: string): string {
  return toHalfWidth(text).toLowerCase().replace(PUNCT, '');
}

/** Consecutive character pairs of a normalised text (what the GIN indexes hold). */
export function bigrams(text: string): string[] {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

/** Full pinyin without tones and its initials; empty for text without Chinese characters. */
export function pinyinForms(text: string): { full: string; initials: string } {
  if (!/[\u4e00-\u9fff]/.test(text)) return { full: '', initials: '' };
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[];
  const clean = syllables.map((s) => s.toLowerCase().replace(PUNCT, '')).filter(Boolean);
  return { full: clean.join(''), initials: clean.map((s) => s[0]).join('') };
}

/** What search matches: the name as typed (normalised), its pinyin and initials, and the other keys. */
export function searchFields(
  name: string,
  extra: Array<string | null | undefined>,
): { text: string; grams: string[] } {
  const base = plainKey(name);
  const { full, initials } = pinyinForms(base);
  const parts = [base, full, initials, ...extra.map((e) => (e ? plainKey(e) : ''))].filter(Boolean);
  const grams = new Set<string>();
  for (const part of parts) for (const g of bigrams(part)) grams.add(g);
  return { text: parts.join(' '), grams: [...grams] };
}

/** The query side of search: the same normalisation, so `XC` finds 星辰 and `星辰` finds 上海星辰贸易. */
export function searchQuery(q: string): { needle: string; grams: string[] } {
  const needle = plainKey(q);
  return { needle, grams: bigrams(needle) };
}

/** A LIKE pattern matching `needle` anywhere (its own % _ \ taken literally). */
export function containsPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
