// The timeline's words in the reader's language. Entries carry the event type and an English summary;
// known types get a translated label, and where the summary has a known shape its parts (names, stages)
// are put into a translated sentence. Anything else shows the summary as the server wrote it.

import type { Names, TimelineEntry } from '../types.ts';

export interface TimelineText {
  /** i18n key of the sentence, with its values; null: show the summary. */
  key: string | null;
  values: Record<string, string>;
}

type Parser = (summary: string) => Record<string, string> | null;

const ACTIVITY = /^([A-Za-z]+)(?: done)?: (.+)$/s;

function match(re: RegExp, names: string[]): Parser {
  return (summary) => {
    const m = re.exec(summary);
    if (!m) return null;
    return Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? '']));
  };
}

const PARSERS: Record<string, Parser> = {
  'customer.created': match(/^Customer (\S+) (.+) created$/s, ['code', 'name']),
  'lead.created': match(/^Lead (.+) created$/s, ['label']),
  'lead.assigned': match(/^Lead (.+) assigned$/s, ['label']),
  'lead.converted': (summary): Record<string, string> | null => {
    const m = /^Lead (.+?) converted(?: with opportunity (.+))?$/s.exec(summary);
    if (!m) return null;
    return m[2] ? { label: m[1], opportunity: m[2], withOpportunity: 'yes' } : { label: m[1] };
  },
  'opportunity.created': match(/^Opportunity (.+) \((\S+ [\d.]+)\) created$/s, ['name', 'amount']),
  'opportunity.stage_changed': match(/^Opportunity (.+): (.+) → (.+)$/s, ['name', 'from', 'to']),
  'opportunity.won': match(/^Opportunity (.+) won \((.+)\)$/s, ['name', 'amount']),
  'opportunity.lost': match(/^Opportunity (.+) lost \((.*)\)$/s, ['name', 'reason']),
  'opportunity.updated': match(/^Opportunity (.+) edited$/s, ['name']),
  // `kind` is the English label (Call, Meeting …); the screen turns it into the activity kind's word.
  'activity.logged': match(ACTIVITY, ['kind', 'subject']),
  'activity.completed': match(ACTIVITY, ['kind', 'subject']),
  'contact.created': match(/^Contact (.+) (?:added|created)$/s, ['name']),
  'contact.updated': match(/^Contact (.+) updated$/s, ['name']),
  'contact.deleted': match(/^Contact (.+) removed$/s, ['name']),
};

/** Event types the web app has words for (label and icon); other types show their summary. */
export const KNOWN_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.owner_changed',
  'customer.merged',
  'customer.merge_undone',
  'customer.returned_to_pool',
  'customer.claimed',
  'customer.allocated',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'lead.created',
  'lead.assigned',
  'lead.updated',
  'lead.converted',
  'opportunity.created',
  'opportunity.updated',
  'opportunity.stage_changed',
  'opportunity.won',
  'opportunity.lost',
  'activity.logged',
  'activity.completed',
] as const;

export function isKnownType(type: string): boolean {
  return (KNOWN_TYPES as readonly string[]).includes(type);
}

/** i18n keys use `_` for the dot: `opportunity.stage_changed` → `opportunity_stage_changed`. */
export function typeKey(type: string): string {
  return type.replace(/\./g, '_');
}

/**
 * The sentence for an entry. `stageName` turns a stage name as the server wrote it (English) into
 * the reader's language, using the pipelines' translated stage names.
 */
export function timelineText(entry: TimelineEntry, stageName: (english: string) => string): TimelineText {
  const parse = PARSERS[entry.type];
  const values = parse ? parse(entry.summary) : null;
  if (!values) return { key: null, values: {} };
  if (values.kind) values.kind = values.kind.toLowerCase();
  if (entry.type === 'opportunity.stage_changed') {
    values.from = stageName(values.from);
    values.to = stageName(values.to);
  }
  const variant = entry.type === 'lead.converted' && values.withOpportunity ? '_withOpportunity' : '';
  return { key: `crm.timeline.text.${typeKey(entry.type)}${variant}`, values };
}

/** Builds the English-name → translated-name lookup from pipelines' stages. */
export function stageTranslator(
  stages: { name: Names }[],
  pick: (names: Names) => string,
): (english: string) => string {
  const byName = new Map<string, string>();
  for (const stage of stages)
    for (const name of Object.values(stage.name)) byName.set(name, pick(stage.name));
  return (english) => byName.get(english) ?? english;
}
