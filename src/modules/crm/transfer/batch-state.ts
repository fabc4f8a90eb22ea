import { sql } from 'drizzle-orm';
import { one, rows, type Tx } from '../../../platform/db/tx.ts';
import { rowError } from '../../../platform/imports/registry.ts';
import { toHalfWidth } from '../customer/normalize.ts';

/**
 * What the importers remember about one batch while it runs, in this process: the keys of the rows
 * already imported (so a row repeating an EARLIER ROW OF THE SAME FILE is refused, also in a dry
 * run, whose chunks roll back and so cannot be found in the database), and the reference data
 * looked up so far (each owner, dictionary and region is read once per batch, not once per row).
 *
 * The engine says nothing when a batch ends, so states are dropped after a while unused and only a
 * few are kept: a batch's rows come one after another, never hours apart.
 */
export class BatchState {
  touchedAt = Date.now();
  private readonly seen = new Map<string, { rowNo: number; label: string }>();
  private readonly owners = new Map<string, string | null>();
  private readonly dictionaries = new Map<string, Map<string, string>>();
  private regions: Map<string, string> | null = null;
  private terms: Map<string, string> | null = null;

  private readonly cached = new Map<string, Promise<unknown>>();

  constructor(readonly companyId: string) {}

  /** A value read once per batch (a company setting). */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.cached.has(key)) this.cached.set(key, load());
    return this.cached.get(key) as Promise<T>;
  }

  /** The earlier row of this file that had one of these keys (`name:…`, `phone:…`), if any. */
  earlier(keys: string[]): { key: string; rowNo: number; label: string } | null {
    for (const key of keys) {
      const hit = this.seen.get(key);
      if (hit) return { key, ...hit };
    }
    return null;
  }

  remember(keys: string[], rowNo: number, label: string): void {
    for (const key of keys) if (!this.seen.has(key)) this.seen.set(key, { rowNo, label });
  }

  /** An active member of the company by email (case-insensitive); a row error on `column` otherwise. */
  async owner(tx: Tx, email: string, column: string): Promise<string> {
    const key = email.trim().toLowerCase();
    if (!this.owners.has(key)) {
      const found = await one<{ id: string }>(
        tx,
        sql`select u.id from platform_user u join platform_membership m on m.user_id = u.id
             where lower(u.email) = ${key} and m.company_id = ${this.companyId} and m.active and u.disabled_at is null`,
      );
      this.owners.set(key, found?.id ?? null);
    }
    const id = this.owners.get(key);
    if (!id)
      throw rowError(column, 'import.unknown_owner', `No active user of the company has the email ${email}`);
    return id;
  }

  /** A dictionary entry (industry, lead_source …) by its code or by its name in any language. */
  async dictionary(tx: Tx, dictionary: string, text: string, column: string): Promise<string> {
    let entries = this.dictionaries.get(dictionary);
    if (!entries) {
      entries = new Map();
      const list = await rows<{ code: string; name: Record<string, string> }>(
        tx,
        sql`select code, name from platform_dictionary_entry
             where company_id = ${this.companyId} and dictionary = ${dictionary} and active`,
      );
      for (const e of list) {
        entries.set(lookupKey(e.code), e.code);
        for (const name of Object.values(e.name ?? {})) entries.set(lookupKey(name), e.code);
      }
      this.dictionaries.set(dictionary, entries);
    }
    const code = entries.get(lookupKey(text));
    if (!code)
      throw rowError(column, 'import.unknown_value', `"${text}" is not an entry of the ${dictionary} list`);
    return code;
  }

  /** A country or subdivision by its ISO code (`CN-SH`) or its name (上海, 上海市, Shanghai). */
  async region(tx: Tx, text: string, column: string): Promise<string> {
    if (!this.regions) {
      this.regions = new Map();
      const list = await rows<{ code: string; name: Record<string, string> }>(
        tx,
        sql`select code, name from platform_region`,
      );
      for (const r of list) {
        this.regions.set(lookupKey(r.code), r.code);
        for (const name of Object.values(r.name ?? {})) {
          this.regions.set(lookupKey(name), r.code);
          // People write 上海 for 上海市 and 广东 for 广东省.
          const short = name.replace(/(省|市|自治区|特别行政区|壮族|回族|维吾尔)+$/u, '');
          if (short && !this.regions.has(lookupKey(short))) this.regions.set(lookupKey(short), r.code);
        }
      }
    }
    const code = this.regions.get(lookupKey(text));
    if (!code) throw rowError(column, 'import.unknown_value', `"${text}" is not a known region`);
    return code;
  }

  /** A payment term by its code or name. */
  async paymentTerm(tx: Tx, text: string, column: string): Promise<string> {
    if (!this.terms) {
      this.terms = new Map();
      const list = await rows<{ code: string; name: Record<string, string> }>(
        tx,
        sql`select code, name from platform_payment_term where company_id = ${this.companyId} and active`,
      );
      for (const t of list) {
        this.terms.set(lookupKey(t.code), t.code);
        for (const name of Object.values(t.name ?? {})) this.terms.set(lookupKey(name), t.code);
      }
    }
    const code = this.terms.get(lookupKey(text));
    if (!code) throw rowError(column, 'import.unknown_value', `"${text}" is not a known payment term`);
    return code;
  }
}

const lookupKey = (text: string) => toHalfWidth(text).trim().toLowerCase().replace(/\s+/g, ' ');

const MAX_STATES = 16;
const IDLE_MS = 30 * 60 * 1000;
const states = new Map<string, BatchState>();

/** The state of one batch, created on its first row. */
export function batchState(batchId: string, companyId: string): BatchState {
  const now = Date.now();
  let state = states.get(batchId);
  if (state && state.companyId !== companyId) throw new Error('batch state of another company');
  if (!state) {
    for (const [id, s] of states) if (now - s.touchedAt > IDLE_MS) states.delete(id);
    while (states.size >= MAX_STATES) states.delete(states.keys().next().value!);
    state = new BatchState(companyId);
    states.set(batchId, state);
  }
  state.touchedAt = now;
  return state;
}
