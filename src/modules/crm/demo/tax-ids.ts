import { usccCheckChar } from '../customer/normalize.ts';

/**
 * A made-up but valid 统一社会信用代码 for the demo's party `n` of a series (each demo seeder that makes
 * parties has its own series, so their tax ids never collide). Demo companies have tax ids like real ones.
 */
export function demoUscc(series: number, n: number): string {
  const first17 = `91${String(series).padStart(2, '0')}0000${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
}
