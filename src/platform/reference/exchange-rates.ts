import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Executor, Tx } from '../db/tx.ts';
import { badRequest, conflict, notFound, staleVersion, unprocessable } from '../errors.ts';
import { decodeCursor, encodeCursor, Version } from '../http/schemas.ts';
import { newId } from '../ids.ts';
import { publish } from '../outbox/publish.ts';
import { type Actor, requirePermission } from '../permissions/actor.ts';
import { Stamps, stamps } from './crud.ts';
import { CurrencyCode, companyCurrency } from './currencies.ts';
import { PositiveDecimal, plainDecimal } from './decimal.ts';
import { currency, exchangeRate } from './schema.ts';

const ENTITY = 'platform.exchange_rate';
const IsoDate = z.iso.date();
const t = exchangeRate;
type Row = typeof exchangeRate.$inferSelect;

export const ExchangeRateView = z
  .object({
    id: z.uuid(),
    currency: z.string(),
    date: z.string(),
    /** Units of company currency for one unit of `currency`. */
    rate: z.string(),
    ...Stamps,
  })
  .meta({ id: 'ExchangeRate' });
type ExchangeRateView = z.infer<typeof ExchangeRateView>;

export const ExchangeRateQuery = z.object({
  currency: CurrencyCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const CreateExchangeRateInput = z.strictObject({
  currency: CurrencyCode,
  date: IsoDate,
  rate: PositiveDecimal,
});

// Currency and day are the rate's identity; another day is another rate.
export const UpdateExchangeRateInput = z.strictObject({ version: Version, rate: PositiveDecimal });

export const EffectiveRateQuery = z.object({ currency: CurrencyCode, date: IsoDate });
export const EffectiveRateView = z
  .object({ currency: z.string(), date: z.string(), rateDate: z.string(), rate: z.string() })
  .meta({ id: 'EffectiveRate' });

function view(r: Row): ExchangeRateView {
  return { id: r.id, currency: r.currencyCode, date: r.rateDate, rate: plainDecimal(r.rate), ...stamps(r) };
}

/** Newest day first; filtered by currency and an inclusive date range. */
export async function listExchangeRates(
  ex: Executor,
  actor: Actor,
  query: z.infer<typeof ExchangeRateQuery>,
) {
  requirePermission(actor, 'platform.reference.read');
  if (query.from && query.to && query.from > query.to)
    throw badRequest('bad_range', 'from must not be after to', { from: query.from, to: query.to });
  const where: Array<SQL | undefined> = [eq(t.companyId, actor.companyId)];
  if (query.currency) where.push(eq(t.currencyCode, query.currency));
  if (query.from) where.push(gte(t.rateDate, query.from));
  if (query.to) where.push(lte(t.rateDate, query.to));
  const cursor = decodeCursor(query.cursor, 3);
  if (cursor) {
    if (cursor[0] === '__invalid__') throw badRequest('bad_cursor', 'The cursor is not valid');
    where.push(sql`(${t.rateDate}, ${t.currencyCode}, ${t.id}) < (${cursor[0]}, ${cursor[1]}, ${cursor[2]})`);
  }
  const list = await (ex as Tx)
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.rateDate), desc(t.currencyCode), desc(t.id))
    .limit(query.limit + 1);
  const page = list.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(view),
    nextCursor:
      list.length > query.limit && last ? encodeCursor([last.rateDate, last.currencyCode, last.id]) : null,
  };
}

async function findRate(ex: Executor, actor: Actor, id: string, lock = false): Promise<Row> {
  const query = (ex as Tx)
    .select()
    .from(t)
    .where(and(eq(t.companyId, actor.companyId), eq(t.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('exchange rate', id);
  return row;
}

export async function getExchangeRate(ex: Executor, actor: Actor, id: string) {
  requirePermission(actor, 'platform.reference.read');
  return view(await findRate(ex, actor, id));
}

/** One rate per currency and day; the company currency has none (it is always 1). */
export async function createExchangeRate(
  tx: Tx,
  actor: Actor,
  input: z.infer<typeof CreateExchangeRateInput>,
) {
  requirePermission(actor, 'platform.reference.manage');
  if (input.currency === (await companyCurrency(tx, actor.companyId)))
    throw unprocessable('exchange_rate.company_currency', 'The company currency is always 1', {
      currency: input.currency,
    });
  const [known] = await tx
    .select({ code: currency.code })
    .from(currency)
    .where(and(eq(currency.companyId, actor.companyId), eq(currency.code, input.currency)));
  if (!known) throw unprocessable('reference_invalid', 'Unknown currency', { currency: input.currency });
  const [taken] = await tx
    .select({ id: t.id })
    .from(t)
    .where(
      and(eq(t.companyId, actor.companyId), eq(t.currencyCode, input.currency), eq(t.rateDate, input.date)),
    );
  if (taken)
    throw conflict('duplicate', 'There is already a rate for this currency and day', {
      field: 'date',
      id: taken.id,
    });
  const [row] = await tx
    .insert(t)
    .values({
      companyId: actor.companyId,
      id: newId(),
      currencyCode: input.currency,
      rateDate: input.date,
      rate: input.rate,
    })
    .returning();
  const after = view(row);
  await recordAudit(tx, actor, { entity: ENTITY, entityId: row.id, action: 'create', after });
  await publish(tx, actor, {
    type: 'exchange_rate.created',
    aggregateType: 'exchange_rate',
    aggregateId: row.id,
    payload: { id: row.id, currency: after.currency, date: after.date, rate: after.rate },
  });
  return after;
}

export async function updateExchangeRate(
  tx: Tx,
  actor: Actor,
  id: string,
  input: z.infer<typeof UpdateExchangeRateInput>,
) {
  requirePermission(actor, 'platform.reference.manage');
  const before = await findRate(tx, actor, id, true);
  if (before.version !== input.version) throw staleVersion('exchange rate', input.version, before.version);
  const [row] = await tx
    .update(t)
    .set({ rate: input.rate, version: sql`${t.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(t.companyId, actor.companyId), eq(t.id, id)))
    .returning();
  const after = view(row);
  await recordAudit(tx, actor, {
    entity: ENTITY,
    entityId: id,
    action: 'update',
    before: view(before),
    after,
  });
  await publish(tx, actor, {
    type: 'exchange_rate.updated',
    aggregateType: 'exchange_rate',
    aggregateId: id,
    payload: { id, currency: after.currency, date: after.date, rate: after.rate },
  });
  return after;
}

/** A wrong rate may be deleted: documents keep the rate they used, so none of them changes. */
export async function deleteExchangeRate(tx: Tx, actor: Actor, id: string) {
  requirePermission(actor, 'platform.reference.manage');
  const before = await findRate(tx, actor, id, true);
  await tx.delete(t).where(and(eq(t.companyId, actor.companyId), eq(t.id, id)));
  await recordAudit(tx, actor, { entity: ENTITY, entityId: id, action: 'delete', before: view(before) });
  await publish(tx, actor, {
    type: 'exchange_rate.deleted',
    aggregateType: 'exchange_rate',
    aggregateId: id,
    payload: { id, currency: before.currencyCode, date: before.rateDate },
  });
}

/** The rate of the latest day on or before `date` (404 if there is none); the company currency is 1. */
export async function effectiveRate(ex: Executor, actor: Actor, query: z.infer<typeof EffectiveRateQuery>) {
  requirePermission(actor, 'platform.reference.read');
  if (query.currency === (await companyCurrency(ex, actor.companyId)))
    return { currency: query.currency, date: query.date, rateDate: query.date, rate: '1' };
  const [row] = await (ex as Tx)
    .select({ rateDate: t.rateDate, rate: t.rate })
    .from(t)
    .where(
      and(eq(t.companyId, actor.companyId), eq(t.currencyCode, query.currency), lte(t.rateDate, query.date)),
    )
    .orderBy(desc(t.rateDate))
    .limit(1);
  if (!row) throw notFound('exchange rate', `${query.currency}@${query.date}`);
  return { currency: query.currency, date: query.date, rateDate: row.rateDate, rate: plainDecimal(row.rate) };
}
