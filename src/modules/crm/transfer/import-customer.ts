import { sql } from 'drizzle-orm';
import { recordAudits } from '../../../platform/audit/record.ts';
import { rows, type Tx, textArray } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type {
  ChunkOutcome,
  ChunkRow,
  ImportContext,
  RowError,
  RowWritten,
} from '../../../platform/imports/registry.ts';
import { rowError } from '../../../platform/imports/registry.ts';
import { publishMany } from '../../../platform/outbox/publish.ts';
import { type Actor, requirePermission } from '../../../platform/permissions/actor.ts';
import { nextNumbers, renderPattern } from '../../../platform/sequences/next-number.ts';
import { insertContacts } from '../contact/create-contact.ts';
import { phoneKeysOf } from '../contact/find-contact-duplicates.ts';
import { checkTaxId, customerCodeFormat, indexFields } from '../customer/create-customer.ts';
import { nameKey } from '../customer/normalize.ts';
import { type BatchState, batchState } from './batch-state.ts';
import type { CustomerRow } from './customer-row.ts';
import { matchCustomers, upsertCustomer } from './upsert-customer.ts';

/** A row with its references resolved and its duplicate keys (`tax:…`, `name:…`, `phone:…`, strongest first). */
interface Prepared {
  rowNo: number;
  row: CustomerRow;
  ownerUserId: string;
  industryCode: string | null;
  sourceCode: string | null;
  paymentTermCode: string | null;
  regionCode: string | null;
  kind: 'company' | 'person';
  taxId: string | null;
  keys: string[];
}

const COLUMN_OF: Record<string, string> = { tax: 'taxId', name: 'name', phone: 'contactPhone' };
const WHAT: Record<string, string> = { tax: 'tax id', name: 'name', phone: 'phone' };

function duplicate(key: string, candidate: string): RowError {
  const kind = key.slice(0, key.indexOf(':'));
  return {
    column: COLUMN_OF[kind],
    code: 'duplicate',
    message: `Duplicate: same ${WHAT[kind]} as ${candidate}`,
  };
}

/** Resolves a row's references (cached per batch) and checks what needs no other row; throws row errors. */
async function prepare(
  tx: Tx,
  actor: Actor,
  state: BatchState,
  rowNo: number,
  row: CustomerRow,
): Promise<Prepared> {
  const ownerUserId = row.ownerEmail ? await state.owner(tx, row.ownerEmail, 'ownerEmail') : actor.userId;
  if (ownerUserId !== actor.userId) requirePermission(actor, 'crm.customer.assign');
  const regionCode = row.region ? await state.region(tx, row.region, 'region') : null;
  const kind = (row.kind ?? 'company') as Prepared['kind'];
  const taxId = row.taxId ?? null;
  try {
    checkTaxId(taxId, kind, regionCode ? regionCode.slice(0, 2) : 'CN');
  } catch (error) {
    if (error instanceof AppError) throw rowError('taxId', error.code, error.message);
    throw error;
  }
  const key = nameKey(row.name);
  const keys = [
    ...(taxId ? [`tax:${taxId}`] : []),
    ...(key ? [`name:${key}`] : []),
    ...phoneKeysOf(row.contactPhone ?? [])
      .filter((k) => k.length >= 6)
      .map((k) => `phone:${k}`),
  ];
  return {
    rowNo,
    row,
    ownerUserId,
    industryCode: row.industry ? await state.dictionary(tx, 'industry', row.industry, 'industry') : null,
    sourceCode: row.source ? await state.dictionary(tx, 'lead_source', row.source, 'source') : null,
    paymentTermCode: row.paymentTerm ? await state.paymentTerm(tx, row.paymentTerm, 'paymentTerm') : null,
    regionCode,
    kind,
    taxId,
    keys,
  };
}

/**
 * The existing customers that share a key with any of the rows, in one statement over the indexes:
 * the tax id unique index, `name_key`, and the GIN index on contacts' `phone_keys`.
 */
async function existingByKey(tx: Tx, actor: Actor, list: Prepared[]): Promise<Map<string, string>> {
  const of = (prefix: string) => [
    ...new Set(
      list.flatMap((p) => p.keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))),
    ),
  ];
  const taxes = of('tax:');
  const names = of('name:');
  const phones = of('phone:');
  const found = await rows<{ key: string; code: string; name: string }>(
    tx,
    sql`select 'tax:' || c.tax_id as key, c.code, c.name from crm_customer c
         where c.company_id = ${actor.companyId} and c.merged_into_id is null and c.tax_id = any(${textArray(taxes)})
        union all
        select 'name:' || c.name_key, c.code, c.name from crm_customer c
         where c.company_id = ${actor.companyId} and c.merged_into_id is null and c.name_key = any(${textArray(names)})
        union all
        select 'phone:' || p.key, c.code, c.name from crm_contact k
          cross join lateral unnest(k.phone_keys) as p(key)
          join crm_customer c on c.company_id = k.company_id and c.id = k.customer_id
         where k.company_id = ${actor.companyId} and k.phone_keys && ${textArray(phones)}
           and p.key = any(${textArray(phones)}) and c.merged_into_id is null`,
  );
  const byKey = new Map<string, string>();
  for (const f of found) if (!byKey.has(f.key)) byKey.set(f.key, `customer ${f.code} ${f.name}`);
  return byKey;
}

/**
 * Splits rows into those to write and those refused as duplicates. Key by key, strongest first: an
 * earlier row of the file (earlier chunks, told by the batch state, or this chunk) is named by its
 * row number; otherwise an existing customer by its code.
 */
async function sortOut(tx: Tx, actor: Actor, state: BatchState, list: Prepared[]) {
  const existing = list.length > 0 ? await existingByKey(tx, actor, list) : new Map<string, string>();
  const inChunk = new Map<string, { rowNo: number; label: string }>();
  const accepted: Prepared[] = [];
  const refused = new Map<number, RowError>();
  for (const p of list) {
    let error: RowError | null = null;
    for (const key of p.keys) {
      const earlier = state.earlier([key]) ?? inChunk.get(key);
      if (earlier) error = duplicate(key, `row ${earlier.rowNo} of this file (${earlier.label})`);
      else if (existing.has(key)) error = duplicate(key, existing.get(key)!);
      if (error) break;
    }
    if (error) refused.set(p.rowNo, error);
    else {
      accepted.push(p);
      for (const key of p.keys)
        if (!inChunk.has(key)) inChunk.set(key, { rowNo: p.rowNo, label: p.row.name });
    }
  }
  return { accepted, refused };
}

/**
 * Writes checked rows the way `createCustomer` does (codes from the company's pattern, search keys,
 * audit, `customer.created`), one statement per table for all of them; with a default address and a
 * contact when the row has them. Returns each row's record id: the customer's, then the contact's.
 */
async function writeCustomers(tx: Tx, actor: Actor, state: BatchState, list: Prepared[]): Promise<string[]> {
  const { pattern, counter } = await state.once('codeFormat', () => customerCodeFormat(tx, actor.companyId));
  const first = await nextNumbers(tx, actor.companyId, counter, list.length);
  const made = list.map((p, i) => {
    const code = renderPattern(pattern, first + i, { region: p.regionCode?.split('-')[1] ?? '' });
    return { p, id: newId(), code, idx: indexFields(p.row.name, code, p.taxId, p.row.shortName) };
  });
  // One JSON document per table rather than hundreds of bound tuples: the statement stays small for
  // the query builder and the parser, whatever the chunk size.
  await tx.execute(
    sql`insert into crm_customer (company_id, id, code, kind, name, short_name, name_key, search_text, search_grams,
          name_grams, tax_id, industry_code, source_code, tags, owner_user_id, status, credit_limit, payment_term_code,
          created_by)
        select ${actor.companyId}, r.id, r.code, r.kind, r.name, r.short_name, r.name_key, r.search_text, r.search_grams,
               r.name_grams, r.tax_id, r.industry_code, r.source_code, r.tags, r.owner_user_id, r.status, r.credit_limit,
               r.payment_term_code, ${actor.userId}
          from jsonb_to_recordset(${JSON.stringify(
            made.map(({ p, id, code, idx }) => ({
              id,
              code,
              kind: p.kind,
              name: p.row.name,
              short_name: p.row.shortName ?? null,
              name_key: idx.nameKey,
              search_text: idx.searchText,
              search_grams: idx.searchGrams,
              name_grams: idx.nameGrams,
              tax_id: p.taxId,
              industry_code: p.industryCode,
              source_code: p.sourceCode,
              tags: p.row.tags ?? [],
              owner_user_id: p.ownerUserId,
              status: p.row.status ?? 'prospect',
              credit_limit: p.row.creditLimit ?? null,
              payment_term_code: p.paymentTermCode,
            })),
          )}::jsonb) as r(id uuid, code text, kind text, name text, short_name text, name_key text, search_text text,
            search_grams text[], name_grams text[], tax_id text, industry_code text, source_code text, tags text[],
            owner_user_id uuid, status text, credit_limit numeric, payment_term_code text)`,
  );
  const addressed = made.filter(({ p }) => p.row.addressLine ?? p.row.city ?? p.row.region);
  if (addressed.length > 0)
    await tx.execute(
      sql`insert into crm_customer_address (company_id, id, customer_id, kind, is_default, country_code, region_code,
            city, line1)
          select ${actor.companyId}, r.id, r.customer_id, 'billing', true, r.country_code, r.region_code, r.city, r.line1
            from jsonb_to_recordset(${JSON.stringify(
              addressed.map(({ p, id }) => ({
                id: newId(),
                customer_id: id,
                country_code: p.regionCode?.slice(0, 2) ?? 'CN',
                region_code: p.regionCode && p.regionCode.length > 2 ? p.regionCode : null,
                city: p.row.city ?? '',
                line1: p.row.addressLine ?? p.row.city ?? p.row.region,
              })),
            )}::jsonb) as r(id uuid, customer_id uuid, country_code text, region_code text, city text, line1 text)`,
    );
  await recordAudits(
    tx,
    actor,
    made.map(({ p, id, code }) => ({
      entity: 'crm.customer',
      entityId: id,
      action: 'create',
      after: {
        id,
        code,
        kind: p.kind,
        name: p.row.name,
        shortName: p.row.shortName ?? null,
        taxId: p.taxId,
        industryCode: p.industryCode,
        sourceCode: p.sourceCode,
        tags: p.row.tags ?? [],
        ownerUserId: p.ownerUserId,
        status: p.row.status ?? 'prospect',
        creditLimit: p.row.creditLimit ?? null,
        paymentTermCode: p.paymentTermCode,
      },
    })),
  );
  await publishMany(
    tx,
    actor,
    made.map(({ p, id, code }) => ({
      type: 'customer.created',
      aggregateType: 'customer',
      aggregateId: id,
      payload: {
        customerId: id,
        code,
        name: p.row.name,
        ownerUserId: p.ownerUserId,
        summary: `Customer ${code} ${p.row.name} imported`,
      },
    })),
  );
  // A file often has a phone but no person: the contact is then named after the customer (its switchboard).
  const withContact = made.filter(
    ({ p }) => p.row.contactName || p.row.contactPhone?.length || p.row.contactEmail,
  );
  if (withContact.length > 0) requirePermission(actor, 'crm.contact.create');
  const contactIds = await insertContacts(
    tx,
    actor,
    withContact.map(({ p, id }) => ({
      customerId: id,
      ownerUserId: p.ownerUserId,
      name: p.row.contactName ?? p.row.shortName ?? p.row.name.slice(0, 100),
      title: '',
      phones: p.row.contactPhone ?? [],
      email: p.row.contactEmail ?? null,
      wechat: null,
      birthday: null,
      preferredChannel: null,
      notes: '',
    })),
  );
  const contactOf = new Map(withContact.map(({ id }, i) => [id, contactIds[i]]));
  return made.map(({ id }) => (contactOf.has(id) ? `${id} ${contactOf.get(id)}` : id));
}

function remember(state: BatchState, list: Prepared[]): void {
  for (const p of list) state.remember(p.keys, p.rowNo, p.row.name);
}

/**
 * A whole chunk of customer rows: the same rules as `POST /customers` (tax id check character, owner
 * assignable, audit, `customer.created`), duplicates refused outright (not confirmable), and a
 * handful of statements for all the rows instead of a dozen per row — what makes 10,000 rows a
 * matter of seconds.
 */
export async function importCustomerChunk(
  tx: Tx,
  actor: Actor,
  chunk: ChunkRow<CustomerRow>[],
  ctx: { batchId: string },
): Promise<ChunkOutcome[]> {
  requirePermission(actor, 'crm.customer.create');
  const state = batchState(ctx.batchId, actor.companyId);
  const outcomes = new Map<number, ChunkOutcome>();
  const refuse = (rowNo: number, error: unknown) => {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const column = error.details.column ?? error.details.field;
    outcomes.set(rowNo, {
      rowNo,
      errors: [
        { ...(typeof column === 'string' ? { column } : {}), code: error.code, message: error.message },
      ],
    });
  };
  const matches = await matchCustomers(
    tx,
    actor,
    chunk.map(({ rowNo, input }) => ({ rowNo, row: input })),
  );
  const prepared: Prepared[] = [];
  for (const { rowNo, input } of chunk) {
    const match = matches.get(rowNo);
    try {
      if (match instanceof AppError) throw match;
      if (match === undefined) prepared.push(await prepare(tx, actor, state, rowNo, input));
      // One savepoint per update, so a refused one leaves the rest of the chunk as it was.
      else
        outcomes.set(rowNo, {
          rowNo,
          ...(await tx.transaction((sp) => upsertCustomer(sp as Tx, actor, state, rowNo, input, match))),
        });
    } catch (error) {
      refuse(rowNo, error);
    }
  }
  const { accepted, refused } = await sortOut(tx, actor, state, prepared);
  for (const [rowNo, error] of refused) outcomes.set(rowNo, { rowNo, errors: [error] });
  if (accepted.length > 0) {
    const recordIds = await writeCustomers(tx, actor, state, accepted);
    for (const [i, p] of accepted.entries())
      outcomes.set(p.rowNo, { rowNo: p.rowNo, recordId: recordIds[i] });
    remember(state, accepted);
  }
  return chunk.map(({ rowNo }) => outcomes.get(rowNo)!);
}

/** One customer row: the same steps as a chunk of one (the engine's fallback when a chunk is refused whole). */
export async function importCustomerRow(
  tx: Tx,
  actor: Actor,
  row: CustomerRow,
  ctx: ImportContext,
): Promise<RowWritten> {
  requirePermission(actor, 'crm.customer.create');
  const state = batchState(ctx.batchId, actor.companyId);
  const match = (await matchCustomers(tx, actor, [{ rowNo: ctx.rowNo, row }])).get(ctx.rowNo);
  if (match instanceof AppError) throw match;
  if (match !== undefined) return upsertCustomer(tx, actor, state, ctx.rowNo, row, match);
  const prepared = await prepare(tx, actor, state, ctx.rowNo, row);
  const { refused } = await sortOut(tx, actor, state, [prepared]);
  const error = refused.get(ctx.rowNo);
  if (error) throw rowError(error.column!, error.code, error.message);
  const [recordId] = await writeCustomers(tx, actor, state, [prepared]);
  remember(state, [prepared]);
  return { recordId };
}
