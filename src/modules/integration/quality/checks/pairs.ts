/**
 * Groups of records that share a key → one pair per record and the group's oldest member (ids are
 * UUIDv7, so the smallest id is the oldest), with every reason the two were grouped for.
 */
export class DuplicatePairs {
  readonly pairs = new Map<string, { id: string; of: string; reasons: string[] }>();

  addGroup(ids: Iterable<string>, reason: string): void {
    const sorted = [...new Set(ids)].sort();
    if (sorted.length < 2) return;
    const [oldest, ...rest] = sorted;
    for (const id of rest) {
      const key = `${oldest}:${id}`;
      const pair = this.pairs.get(key) ?? { id, of: oldest, reasons: [] };
      if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
      this.pairs.set(key, pair);
    }
  }

  /** Records grouped by a key computed in TypeScript (null: the record has no such key). */
  addByKey<T>(records: T[], idOf: (r: T) => string, keysOf: (r: T) => string[], reason: string): void {
    const groups = new Map<string, string[]>();
    for (const r of records)
      for (const key of new Set(keysOf(r))) groups.set(key, [...(groups.get(key) ?? []), idOf(r)]);
    for (const ids of groups.values()) this.addGroup(ids, reason);
  }

  list() {
    return [...this.pairs.values()].sort((a, b) => a.id.localeCompare(b.id) || a.of.localeCompare(b.of));
  }
}
