import { z } from 'zod';

/**
 * Company settings live in `platform_company.settings` as one JSON object per section (`sales`,
 * `accounting`, …). Each module declares its section here — the keys, their types and defaults, and the
 * permission that may change them — so the settings screen and `PATCH /company/settings/{section}` can
 * offer and validate exactly what the module reads. Modules keep reading their section with SQL
 * (`settings #>> '{sales,…}'`), falling back to the same defaults.
 */
export interface SettingsSection {
  section: string;
  /** Who may change the section (reading needs only membership of the company). */
  permission: string;
  /** Every key optional-with-default or nullable: a stored object merged over the defaults parses. */
  schema: z.ZodObject<z.ZodRawShape>;
}

const sections = new Map<string, SettingsSection>();

export function registerSettings(def: SettingsSection): void {
  if (!/^[a-z][a-zA-Z]*$/.test(def.section)) throw new Error(`bad settings section name ${def.section}`);
  sections.set(def.section, def);
}

export function settingsSection(name: string): SettingsSection | undefined {
  return sections.get(name);
}

export function settingsSections(): SettingsSection[] {
  return [...sections.values()].sort((a, b) => a.section.localeCompare(b.section));
}

/**
 * The values of a section as the module sees them: the defaults, overlaid with what is stored for the
 * keys the schema knows (stored keys it no longer knows, or values it cannot read, fall back).
 */
export function effectiveValues(def: SettingsSection, stored: unknown): Record<string, unknown> {
  const defaults = def.schema.parse({}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...defaults };
  if (!stored || typeof stored !== 'object') return out;
  for (const [key, field] of Object.entries(def.schema.shape)) {
    if (!(key in (stored as Record<string, unknown>))) continue;
    const parsed = (field as z.ZodType).safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

/** A partial change to a section: only known keys, each valid on its own. */
export function changeSchema(def: SettingsSection) {
  return def.schema.partial().strict();
}

/** How the settings screen renders one key: its kind, whether it may be empty, and its bounds or choices. */
export interface SettingField {
  key: string;
  kind: 'boolean' | 'integer' | 'number' | 'enum' | 'string' | 'uuid';
  nullable: boolean;
  options?: string[];
  min?: number;
  max?: number;
  default: unknown;
}

const described = new WeakMap<SettingsSection, SettingField[]>();

/**
 * The fields of a section, read off its schema (JSON Schema of the zod object), in declaration order.
 * Schemas are fixed at start-up, so each section is described once, not on every settings request.
 */
export function describeFields(def: SettingsSection): SettingField[] {
  const known = described.get(def);
  if (known) return known;
  const fields = fieldsOf(def);
  described.set(def, fields);
  return fields;
}

function fieldsOf(def: SettingsSection): SettingField[] {
  const json = z.toJSONSchema(def.schema, { io: 'input' }) as { properties?: Record<string, any> };
  return Object.entries(json.properties ?? {}).map(([key, prop]) => {
    const variants: any[] = prop.anyOf ?? [prop];
    const main = variants.find((v) => v.type !== 'null') ?? {};
    const kind = main.enum
      ? 'enum'
      : main.format === 'uuid'
        ? 'uuid'
        : main.type === 'boolean' || main.type === 'integer' || main.type === 'number'
          ? main.type
          : 'string';
    return {
      key,
      kind,
      nullable: variants.some((v) => v.type === 'null'),
      ...(main.enum ? { options: main.enum as string[] } : {}),
      ...(typeof main.minimum === 'number' ? { min: main.minimum } : {}),
      ...(typeof main.maximum === 'number' ? { max: main.maximum } : {}),
      default: prop.default ?? null,
    };
  });
}
