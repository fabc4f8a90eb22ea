/** An amount (a decimal string from the server) with its currency, grouped by thousands; "—" when absent. */
export function formatMoney(
  amount: string | null | undefined,
  currency?: string | null,
  locale = 'en',
): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = Number(amount);
  if (!Number.isFinite(value)) return `${currency ?? ''} ${amount}`.trim();
  // Display only: the string from the server stays the amount of record.
  const text = new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
  return currency ? `${currency} ${text}` : text;
}

/** Totals per currency, e.g. "CNY 1,200.00 · USD 30.00". */
export function formatTotals(
  totals: { currency: string; amount: string }[] | undefined,
  locale: string,
): string {
  if (!totals || totals.length === 0) return '—';
  return totals.map((total) => formatMoney(total.amount, total.currency, locale)).join(' · ');
}
