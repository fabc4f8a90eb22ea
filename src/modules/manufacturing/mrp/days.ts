// Calendar dates as whole days since 1970-01-01 (UTC): MRP compares and subtracts millions of dates,
// and integers sort and subtract without parsing a string each time.
const MS_PER_DAY = 86_400_000;
const isoCache = new Map<number, string>();

export function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
}

export function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

export function addDays(date: string, n: number): string {
  return isoOf(dayOf(date) + n);
}
