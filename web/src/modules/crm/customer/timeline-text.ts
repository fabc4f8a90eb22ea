// The timeline's words in the reader's language. Each entry carries its event type and, in
// `ref.params`, the event's own values (names, stage ids, amounts, the activity's kind and subject):
// known types are told as a translated sentence made of those values. Anything else (a type this
// screen does not know, or an entry written before entries kept their values) shows the summary.

import type { Names, TimelineEntry } from '../types.ts';

export interface TimelineText {
  /** i18n key of the sentence, with its values; null: show the summary. */
  key: string | null;
  values: Record<string, string>;
}

export interface SentenceHelpers {
  /** A stage's name in the reader's language by its id, else the name the server wrote. */
  stageName: (id: string | null, written: string | null) => string | null;
  /** An amount with its currency, as the reader writes numbers. */
  money: (amount: string, currency: string) => string;
}

type Params = Record<string, unknown>;
type Sentence = (params: Params, helpers: SentenceHelpers) => Record<string, string> | null;

function value(params: Params, key: string): string | null {
  const found = params[key];
  if (typeof found === 'string') return found.trim() === '' ? null : found;
  return typeof found === 'number' && Number.isFinite(found) ? String(found) : null;
}

/** The named values, or null when one is missing (the sentence would have a hole in it). */
function need(params: Params, keys: string[]): Record<string, string> | null {
  const values: Record<string, string> = {};
  for (const key of keys) {
    const found = value(params, key);
    if (found === null) return null;
    values[key] = found;
  }
  return values;
}

const named: Sentence = (params) => need(params, ['name']);
const lead: Sentence = (params) => need(params, ['label']);
// `kind` stays the activity kind's code (call, visit …); the screen puts it into words.
const activity: Sentence = (params) => need(params, ['kind', 'subject']);

function withMoney(params: Params, helpers: SentenceHelpers): Record<string, string> | null {
  const values = need(params, ['name', 'amount', 'currency']);
  return values ? { name: values.name, amount: helpers.money(values.amount, values.currency) } : null;
}

// Documents of sales and the warehouse: their number, and the amount when the event carries one.
function document(params: Params, helpers: SentenceHelpers): Record<string, string> | null {
  const values = need(params, ['number']);
  if (!values) return null;
  const amount = value(params, 'total');
  const currency = value(params, 'currency');
  return amount && currency ? { ...values, amount: helpers.money(amount, currency) } : values;
}

function shipment(params: Params): Record<string, string> | null {
  const values = need(params, ['number']);
  if (!values) return null;
  const carrier = [value(params, 'carrier'), value(params, 'trackingNo')].filter(Boolean).join(' ');
  return { ...values, order: value(params, 'originNumber') ?? '', carrier };
}

// Accounting's documents: number and amount always; an invoice also says when it is due.
function invoice(params: Params, helpers: SentenceHelpers): Record<string, string> | null {
  const values = need(params, ['number', 'total', 'currency', 'dueDate']);
  return values
    ? { number: values.number, amount: helpers.money(values.total, values.currency), due: values.dueDate }
    : null;
}

function creditNote(params: Params, helpers: SentenceHelpers): Record<string, string> | null {
  const values = need(params, ['number', 'total', 'currency']);
  return values ? { number: values.number, amount: helpers.money(values.total, values.currency) } : null;
}

function payment(params: Params, helpers: SentenceHelpers): Record<string, string> | null {
  const values = need(params, ['number', 'amount', 'currency']);
  return values ? { number: values.number, amount: helpers.money(values.amount, values.currency) } : null;
}

const SENTENCES: Record<string, Sentence> = {
  'customer.created': (params) => need(params, ['code', 'name']),
  'lead.created': lead,
  'lead.assigned': lead,
  'lead.converted': (params) => {
    const values = need(params, ['label']);
    const opportunity = value(params, 'opportunityName');
    return values && opportunity ? { ...values, opportunity } : values;
  },
  'opportunity.created': withMoney,
  'opportunity.stage_changed': (params, helpers) => {
    const name = value(params, 'name');
    const from = helpers.stageName(value(params, 'fromStageId'), value(params, 'fromStageName'));
    const to = helpers.stageName(value(params, 'toStageId'), value(params, 'toStageName'));
    return name && from && to ? { name, from, to } : null;
  },
  'opportunity.won': withMoney,
  'opportunity.lost': named,
  'opportunity.updated': named,
  'activity.logged': activity,
  'activity.completed': activity,
  'contact.created': named,
  'contact.updated': named,
  'contact.deleted': named,
  'quote.created': document,
  'quote.sent': document,
  'quote.accepted': document,
  'quote.revised': document,
  'quote.cancelled': document,
  'sales_order.created': document,
  'sales_order.confirmed': document,
  'sales_order.partly_delivered': document,
  'sales_order.delivered': document,
  'sales_order.cancelled': document,
  'sales_order.closed': document,
  'delivery.shipped': shipment,
  'return.received': (params) => need(params, ['number']),
  'invoice.posted': invoice,
  'credit_note.posted': creditNote,
  'payment.received': payment,
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
  'quote.created',
  'quote.sent',
  'quote.accepted',
  'quote.revised',
  'quote.cancelled',
  'sales_order.created',
  'sales_order.confirmed',
  'sales_order.partly_delivered',
  'sales_order.delivered',
  'sales_order.cancelled',
  'sales_order.closed',
  'delivery.shipped',
  'return.received',
  'invoice.posted',
  'credit_note.posted',
  'payment.received',
] as const;

export function isKnownType(type: string): boolean {
  return (KNOWN_TYPES as readonly string[]).includes(type);
}

/** i18n keys use `_` for the dot: `opportunity.stage_changed` → `opportunity_stage_changed`. */
export function typeKey(type: string): string {
  return type.replace(/\./g, '_');
}

/** Some sentences have a longer form when the event carried an optional value. */
function variantOf(type: string, values: Record<string, string>): string {
  if (type === 'lead.converted' && values.opportunity) return '_withOpportunity';
  if ((type.startsWith('quote.') || type.startsWith('sales_order.')) && values.amount) return '_withAmount';
  if (type === 'delivery.shipped' && values.carrier) return '_withCarrier';
  return '';
}

/** The sentence for an entry, from the values its event carried. */
export function timelineText(entry: TimelineEntry, helpers: SentenceHelpers): TimelineText {
  const sentence = Object.hasOwn(SENTENCES, entry.type) ? SENTENCES[entry.type] : undefined;
  const params = entry.ref?.params;
  const values = sentence && params && typeof params === 'object' ? sentence(params, helpers) : null;
  if (!values) return { key: null, values: {} };
  const variant = variantOf(entry.type, values);
  return { key: `crm.timeline.text.${typeKey(entry.type)}${variant}`, values };
}

/** Stage names in the reader's language: by the stage's id, or by any of its names as written. */
export function stageTranslator(
  stages: { id: string; name: Names }[],
  pick: (names: Names) => string,
): SentenceHelpers['stageName'] {
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const stage of stages) {
    byId.set(stage.id, pick(stage.name));
    for (const name of Object.values(stage.name)) byName.set(name, pick(stage.name));
  }
  return (id, written) =>
    (id ? byId.get(id) : undefined) ?? (written ? (byName.get(written) ?? written) : null);
}
