// The amount in Chinese capital numerals now lives in the platform (purchasing prints it too).
export { amountInChineseWords } from '../../../platform/text/chinese-amount.ts';
