import dayjs from 'dayjs';

/** An instant (ISO string) in the browser's time zone, e.g. 2025-03-01 14:05:09. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const value = dayjs(iso);
  return value.isValid() ? value.format('YYYY-MM-DD HH:mm:ss') : iso;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const value = dayjs(iso);
  return value.isValid() ? value.format('YYYY-MM-DD') : iso;
}

/** Today in the company's time zone (YYYY-MM-DD): business dates follow the company, not the browser. */
export function companyToday(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());
  } catch {
    return dayjs().format('YYYY-MM-DD');
  }
}
