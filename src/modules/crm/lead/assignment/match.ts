// Pure rules of lead assignment: which rule applies to a lead, and who is next in a rotation.

export interface RuleCriteria {
  match_source_code: string | null;
  match_region_code: string | null;
}

export interface LeadFacts {
  sourceCode: string | null;
  regionCode: string | null;
}

/** A region matches itself and everything under it: rule CN-SH takes CN-SH and CN-SH-PD, not CN-SHX. */
export function regionMatches(ruleRegion: string, leadRegion: string | null): boolean {
  if (!leadRegion) return false;
  return leadRegion === ruleRegion || leadRegion.startsWith(`${ruleRegion}-`);
}

/** A rule with neither criterion matches every lead; with both, the lead must meet both. */
export function ruleMatches(rule: RuleCriteria, lead: LeadFacts): boolean {
  if (rule.match_source_code && rule.match_source_code !== lead.sourceCode) return false;
  if (rule.match_region_code && !regionMatches(rule.match_region_code, lead.regionCode)) return false;
  return true;
}

/**
 * The next available user of a fixed list, starting at `cursor` and skipping the unavailable, with the
 * cursor to store: the position after the one picked, so the rotation continues where it left off.
 */
export function nextInRotation(
  userIds: readonly string[],
  cursor: number,
  available: (userId: string) => boolean,
): { userId: string; cursor: number } | null {
  const n = userIds.length;
  if (n === 0) return null;
  const start = ((cursor % n) + n) % n;
  for (let i = 0; i < n; i++) {
    const at = (start + i) % n;
    if (available(userIds[at])) return { userId: userIds[at], cursor: (at + 1) % n };
  }
  return null;
}
