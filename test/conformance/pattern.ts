// A random string matching a simple regular expression (classes, groups, alternation, quantifiers):
// enough for the patterns zod writes into the OpenAPI document (codes, keys, emails).
import type { Rng } from './openapi-kit.ts';

const DIGITS = '0123456789';
const WORD = `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ${DIGITS}_`;
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** A random string the pattern accepts, or undefined when the pattern is beyond this small parser. */
export function fromPattern(pattern: string, r: Rng): string | undefined {
  let i = 0;
  const peek = () => pattern[i];
  const escapeSet = (c: string): string =>
    c === 'd' ? DIGITS : c === 'w' ? WORD : c === 's' ? ' ' : /[A-Za-z]/.test(c) ? '' : c;

  function charClass(): string {
    i++; // [
    let negate = false;
    if (peek() === '^') {
      negate = true;
      i++;
    }
    let set = '';
    while (i < pattern.length && peek() !== ']') {
      let c = pattern[i++];
      if (c === '\\') c = escapeSet(pattern[i++]);
      if (c.length === 1 && peek() === '-' && pattern[i + 1] !== ']' && pattern[i + 1] !== undefined) {
        i++;
        let end = pattern[i++];
        if (end === '\\') end = pattern[i++];
        for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) set += String.fromCharCode(code);
      } else set += c;
    }
    i++; // ]
    return negate ? [...PRINTABLE].filter((ch) => !set.includes(ch)).join('') : set;
  }

  function quantified(gen: () => string): string {
    let min = 1;
    let max = 1;
    const q = peek();
    if (q === '?' || q === '*' || q === '+') {
      i++;
      [min, max] = q === '?' ? [0, 1] : q === '*' ? [0, 3] : [1, 4];
    } else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (m) {
        i += m[0].length;
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : min + 4) : min;
      }
    }
    const n = r.int(min, Math.min(max, min + 8));
    let out = '';
    for (let k = 0; k < n; k++) out += gen();
    return out;
  }

  function sequence(): string {
    let out = '';
    while (i < pattern.length && peek() !== '|' && peek() !== ')') {
      const c = pattern[i];
      let gen: () => string;
      if (c === '^' || c === '$') {
        i++;
        continue;
      } else if (c === '(') {
        i++;
        if (pattern.startsWith('?:', i)) i += 2;
        const start = i;
        alternation();
        if (peek() !== ')') throw new Error('unclosed group');
        const body = pattern.slice(start, i);
        i++;
        gen = () => fromPattern(body, r) ?? '';
      } else if (c === '[') {
        const set = charClass();
        gen = () => r.pick([...set]);
      } else if (c === '\\') {
        const set = escapeSet(pattern[i + 1]);
        i += 2;
        if (!set) throw new Error('unsupported escape');
        gen = () => r.pick([...set]);
      } else {
        i++;
        const ch = c === '.' ? 'a' : c;
        gen = () => ch;
      }
      out += quantified(gen);
    }
    return out;
  }

  function alternation(): string {
    const first = sequence();
    while (peek() === '|') {
      i++;
      sequence(); // parsed to move past it; the first alternative is the one produced
    }
    return first;
  }

  try {
    const value = alternation();
    return new RegExp(pattern).test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
