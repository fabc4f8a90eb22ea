// The amount in Chinese capital numerals (大写金额) that printed Chinese commercial documents carry.
import { Decimal } from 'decimal.js';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['仟', '佰', '拾', ''];
const GROUPS = ['', '万', '亿', '万亿'];

/** 12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分; whole amounts end in 整; null past 10^16. */
export function amountInChineseWords(amount: Decimal.Value): string | null {
  const value = new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [whole, fraction] = value.abs().toFixed(2).split('.');
  const groups: string[] = [];
  for (let end = whole.length; end > 0; end -= 4) groups.unshift(whole.slice(Math.max(0, end - 4), end));
  if (groups.length > GROUPS.length) return null;
  let text = '';
  let zeroPending = false;
  groups.forEach((group, index) => {
    const digits = group.padStart(4, '0');
    let part = '';
    for (let k = 0; k < 4; k++) {
      const n = Number(digits[k]);
      // A run of zeros between two non-zero digits reads as one 零; leading and trailing ones are silent.
      if (n === 0) {
        if (text || part) zeroPending = true;
        continue;
      }
      if (zeroPending) part += '零';
      zeroPending = false;
      part += DIGITS[n] + UNITS[k];
    }
    if (part) text += part + GROUPS[groups.length - 1 - index];
  });
  const jiao = Number(fraction[0]);
  const fen = Number(fraction[1]);
  if (text) text += '元';
  if (jiao === 0 && fen === 0) return `${value.isNeg() ? '负' : ''}${text || '零元'}整`;
  if (jiao > 0) text += `${DIGITS[jiao]}角`;
  if (fen > 0) text += `${jiao === 0 && text ? '零' : ''}${DIGITS[fen]}分`;
  else text += '整';
  return (value.isNeg() ? '负' : '') + text;
}
