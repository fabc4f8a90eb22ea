/**
 * Dates of the demo history, all counted back from the company's today so a demo seeded on any day
 * has the same shape: four months of books, every aging bucket filled on the day it is seeded.
 */

/** `date` moved by `days` (negative: back). */
export function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month `monthsBack` months before the month of `date`. */
export function monthStart(date: string, monthsBack: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - monthsBack);
  return d.toISOString().slice(0, 10);
}

/** The last day of the month that starts on `start`. */
export function monthEnd(start: string): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

/** Day `day` of the month starting on `start` (clamped to its last day). */
export function dayOf(start: string, day: number): string {
  const end = monthEnd(start);
  const wanted = `${start.slice(0, 8)}${String(day).padStart(2, '0')}`;
  return wanted > end ? end : wanted;
}

/**
 * Dates of the demo: `ago(n)` is n days before today. The history starts on the first day of the month
 * four months back (at most 123 days ago), so nothing is dated more than 118 days back.
 */
export function demoCalendar(today: string) {
  const start = monthStart(today, 4);
  return {
    today,
    start,
    ago: (days: number) => shiftDays(today, -days),
    /** Month starts of the four full months before this one, oldest first. */
    pastMonths: [4, 3, 2, 1].map((back) => monthStart(today, back)),
  };
}
