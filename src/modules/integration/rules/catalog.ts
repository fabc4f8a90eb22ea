import { z } from 'zod';
import { accountingEvents } from '../../accounting/events.ts';
import { inventoryEvents } from '../../inventory/events.ts';
import { manufacturingEvents } from '../../manufacturing/events.ts';
import { purchasingEvents } from '../../purchasing/events.ts';
import { salesEvents } from '../../sales/events.ts';

// What a rule may listen to: every event with a payload schema in a module's events.ts (run after
// commit, from the outbox), and the one synchronous point, a sales order being confirmed (a gate that
// may hold the order for approval).

/** The synchronous event: sales asks the rules before it confirms an order. */
export const CONFIRMING = 'sales_order.confirming';

const confirming = z.object({
  amount: z.number().describe('order total in the company currency'),
  total: z.number().describe('order total in the order currency'),
  currency: z.string(),
  companyCurrency: z.string(),
  customerId: z.uuid(),
  customerName: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  number: z.string(),
  lines: z.number().int(),
  warehouseId: z.uuid(),
});

const maps: Array<[string, Record<string, z.ZodType>]> = [
  ['sales', { [CONFIRMING]: confirming }],
  ['accounting', accountingEvents],
  ['inventory', inventoryEvents],
  ['manufacturing', manufacturingEvents],
  ['purchasing', purchasingEvents],
  ['sales', salesEvents],
];

export type FieldType = 'string' | 'number' | 'decimal' | 'boolean' | 'object' | 'list' | 'any';

export interface FieldInfo {
  /** A top-level name, or a dotted path into an object (`plannedBy.number`). */
  name: string;
  type: FieldType;
  optional: boolean;
  choices?: string[];
}

export interface EventTypeInfo {
  eventType: string;
  module: string;
  /** true: evaluated inside the business transaction (only `require_approval`); else after commit. */
  synchronous: boolean;
  fields: FieldInfo[];
}

// Amounts and quantities travel as decimal strings; conditions see them as numbers (condition.ts).
const DECIMAL_NAME =
  /^(amount|total|qty|available|safetyQty|limit|exposure|orderTotal)$|(Total|Qty|Amount|Cost)$/;

function unwrap(t: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = t as any;
  let optional = false;
  while (['optional', 'nullable', 'default'].includes(inner.def.type)) {
    optional = true;
    inner = inner.def.innerType;
  }
  return { inner, optional };
}

function fieldsOf(shape: Record<string, z.ZodType>, prefix: string, depth: number): FieldInfo[] {
  const out: FieldInfo[] = [];
  for (const [key, raw] of Object.entries(shape)) {
    const { inner, optional } = unwrap(raw);
    const def = (inner as any).def;
    const name = `${prefix}${key}`;
    const type: FieldType =
      def.type === 'string'
        ? DECIMAL_NAME.test(key)
          ? 'decimal'
          : 'string'
        : def.type === 'number' || def.type === 'int'
          ? 'number'
          : def.type === 'boolean'
            ? 'boolean'
            : def.type === 'object'
              ? 'object'
              : def.type === 'array'
                ? 'list'
                : def.type === 'enum' || def.type === 'literal'
                  ? 'string'
                  : 'any';
    const choices = def.type === 'enum' ? Object.values(def.entries as Record<string, string>) : undefined;
    out.push({ name, type, optional, ...(choices ? { choices } : {}) });
    if (def.type === 'object' && depth < 2)
      out.push(
        ...fieldsOf(def.shape, `${name}.`, depth + 1).map((f) => ({
          ...f,
          optional: f.optional || optional,
        })),
      );
  }
  return out;
}

let cached: Map<string, EventTypeInfo> | null = null;

/** Every event type a rule may listen to, with its payload fields (built once from the zod maps). */
export function ruleEventTypes(): Map<string, EventTypeInfo> {
  if (cached) return cached;
  cached = new Map();
  for (const [module, map] of maps)
    for (const [eventType, schema] of Object.entries(map)) {
      const shape = (schema as any).def?.shape as Record<string, z.ZodType> | undefined;
      cached.set(eventType, {
        eventType,
        module,
        synchronous: eventType === CONFIRMING,
        fields: shape ? fieldsOf(shape, '', 0) : [],
      });
    }
  return cached;
}

/** The top-level names a condition on this event may use. */
export function topLevelFields(eventType: string): string[] {
  return (ruleEventTypes().get(eventType)?.fields ?? [])
    .filter((f) => !f.name.includes('.'))
    .map((f) => f.name);
}
