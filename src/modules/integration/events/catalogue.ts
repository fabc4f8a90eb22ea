import { z } from 'zod';
import { accountingEvents } from '../../accounting/events.ts';
import { inventoryEvents } from '../../inventory/events.ts';
import { manufacturingEvents } from '../../manufacturing/events.ts';
import { purchasingEvents } from '../../purchasing/events.ts';
import { salesEvents } from '../../sales/events.ts';
import { eventDescriptions } from './descriptions.ts';

// The business-event catalogue: every event type modules publish, its payload version and JSON Schema.
// crm and catalog do not publish zod payload maps yet: their types are listed with an open object schema
// (documented as such) until they do.

export interface EventTypeEntry {
  type: string;
  module: string;
  description: string;
  payloadVersion: number;
  /** false: the publishing module has no payload schema yet; the schema below is an open object. */
  described: boolean;
  schema: Record<string, unknown>;
}

const Open = z.looseObject({});
const undescribed: Record<string, string[]> = {
  crm: [
    'customer.created',
    'customer.updated',
    'customer.merged',
    'customer.owner_changed',
    'customer.returned_to_pool',
    'contact.created',
    'contact.updated',
    'lead.created',
    'lead.assigned',
    'lead.converted',
    'opportunity.created',
    'opportunity.stage_changed',
  ],
  catalog: ['product.created', 'product.updated'],
};

function build(): EventTypeEntry[] {
  const maps: Array<[string, Record<string, z.ZodType>]> = [
    ['accounting', accountingEvents],
    ['inventory', inventoryEvents],
    ['manufacturing', manufacturingEvents],
    ['purchasing', purchasingEvents],
    ['sales', salesEvents],
  ];
  const out: EventTypeEntry[] = [];
  for (const [module, map] of maps)
    for (const [type, schema] of Object.entries(map))
      out.push({
        type,
        module,
        description: eventDescriptions[type] ?? type,
        payloadVersion: 1,
        described: true,
        schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>,
      });
  for (const [module, types] of Object.entries(undescribed))
    for (const type of types)
      out.push({
        type,
        module,
        description: eventDescriptions[type] ?? type,
        payloadVersion: 1,
        described: false,
        schema: z.toJSONSchema(Open) as Record<string, unknown>,
      });
  return out.sort((a, b) => a.type.localeCompare(b.type));
}

let cached: EventTypeEntry[] | null = null;

/** The catalogue, built once (schemas are fixed at start-up). */
export function eventCatalogue(): EventTypeEntry[] {
  cached ??= build();
  return cached;
}

/** Whether a type is in the catalogue (webhook subscriptions may name only these, or `*`). */
export function isKnownEventType(type: string): boolean {
  return eventCatalogue().some((e) => e.type === type);
}
