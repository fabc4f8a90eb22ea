/** Instants from either driver (Date, or text like `2026-01-02 03:04:05.6+00`) as ISO-8601 UTC. */
export function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') {
    let text = value.includes('T') ? value : value.replace(' ', 'T');
    if (/[+-]\d\d$/.test(text)) text += ':00';
    const d = new Date(text);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  throw new Error(`not a timestamp: ${String(value)}`);
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}
