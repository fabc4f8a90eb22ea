import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { registerAuditedEntity } from '../audit/read.ts';
import { withTransaction } from '../db/tx.ts';
import { route } from '../http/route.ts';
import { IdParams, listOf } from '../http/schemas.ts';
import { createRef, deactivateRef, getRef, listRefs, RefListQuery, updateRef } from './crud.ts';
import { CreateCurrencyInput, CurrencyView, currencies, UpdateCurrencyInput } from './currencies.ts';
import {
  CreateDictionaryEntryInput,
  DictionaryEntryParams,
  DictionaryEntryView,
  DictionaryParams,
  dictionaryEntries,
  inDictionary,
  listDictionaries,
  UpdateDictionaryEntryInput,
} from './dictionaries.ts';
import {
  CreateExchangeRateInput,
  createExchangeRate,
  deleteExchangeRate,
  EffectiveRateQuery,
  EffectiveRateView,
  ExchangeRateQuery,
  ExchangeRateView,
  effectiveRate,
  getExchangeRate,
  listExchangeRates,
  UpdateExchangeRateInput,
  updateExchangeRate,
} from './exchange-rates.ts';
import {
  CreatePaymentTermInput,
  PaymentTermView,
  paymentTerms,
  UpdatePaymentTermInput,
} from './payment-terms.ts';
import { refRoutes } from './ref-routes.ts';
import { getRegion, listRegions, RegionParams, RegionQuery, RegionView } from './regions.ts';
import { CreateTaxCodeInput, TaxCodeView, taxCodes, UpdateTaxCodeInput } from './tax-codes.ts';
import {
  ConvertQuery,
  ConvertResult,
  CreateUnitInput,
  convertUnits,
  UnitView,
  UpdateUnitInput,
  units,
} from './units.ts';

for (const entity of [
  'platform.currency',
  'platform.exchange_rate',
  'platform.tax_code',
  'platform.payment_term',
  'platform.uom',
  'platform.dictionary_entry',
])
  registerAuditedEntity(entity, { readPermission: 'platform.reference.read' });

const tags = ['reference'];
const READ = 'platform.reference.read';
const MANAGE = 'platform.reference.manage';

/** Currencies, exchange rates, tax codes, payment terms, units, dictionaries and regions. */
export function referenceRoutes(app: FastifyInstance): void {
  refRoutes(app, {
    url: '/api/v1/currencies',
    plural: 'currencies',
    spec: currencies,
    view: CurrencyView,
    create: CreateCurrencyInput,
    update: UpdateCurrencyInput,
  });
  refRoutes(app, {
    url: '/api/v1/tax-codes',
    plural: 'tax codes',
    spec: taxCodes,
    view: TaxCodeView,
    create: CreateTaxCodeInput,
    update: UpdateTaxCodeInput,
  });
  refRoutes(app, {
    url: '/api/v1/payment-terms',
    plural: 'payment terms',
    spec: paymentTerms,
    view: PaymentTermView,
    create: CreatePaymentTermInput,
    update: UpdatePaymentTermInput,
  });
  // Registered before refRoutes' `/units/:id`, although the router prefers the static path anyway.
  route(app, {
    method: 'GET',
    url: '/api/v1/units/convert',
    summary: 'Convert a quantity between two units of the same category',
    tags,
    access: READ,
    query: ConvertQuery,
    response: ConvertResult,
    handler: ({ db, query }, actor) => convertUnits(db.orm, actor, query),
  });
  refRoutes(app, {
    url: '/api/v1/units',
    plural: 'units of measure',
    spec: units,
    view: UnitView,
    create: CreateUnitInput,
    update: UpdateUnitInput,
  });
  exchangeRateRoutes(app);
  dictionaryRoutes(app);
  route(app, {
    method: 'GET',
    url: '/api/v1/regions',
    summary: 'Countries, or the subdivisions of ?parent= (e.g. CN → provinces)',
    tags,
    access: READ,
    query: RegionQuery,
    response: listOf(RegionView),
    handler: ({ db, query }, actor) => listRegions(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/regions/:code',
    summary: 'One country or subdivision by ISO 3166 code',
    tags,
    access: READ,
    params: RegionParams,
    response: RegionView,
    handler: ({ db, params }, actor) => getRegion(db.orm, actor, params.code),
  });
}

function exchangeRateRoutes(app: FastifyInstance): void {
  const url = '/api/v1/exchange-rates';
  route(app, {
    method: 'GET',
    url,
    summary: 'Exchange rates, newest first (?currency=&from=&to=)',
    tags,
    access: READ,
    query: ExchangeRateQuery,
    response: listOf(ExchangeRateView),
    handler: ({ db, query }, actor) => listExchangeRates(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: `${url}/effective`,
    summary: 'The rate in force on a day: the latest rate dated on or before it',
    tags,
    access: READ,
    query: EffectiveRateQuery,
    response: EffectiveRateView,
    handler: ({ db, query }, actor) => effectiveRate(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: `${url}/:id`,
    summary: 'One exchange rate',
    tags,
    access: READ,
    params: IdParams,
    response: ExchangeRateView,
    handler: ({ db, params }, actor) => getExchangeRate(db.orm, actor, params.id),
  });
  route(app, {
    method: 'POST',
    url,
    summary: 'Record the rate of a currency for a day (one per day)',
    tags,
    access: MANAGE,
    body: CreateExchangeRateInput,
    status: 201,
    response: ExchangeRateView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createExchangeRate(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: `${url}/:id`,
    summary: 'Correct a rate (send the version you read)',
    tags,
    access: MANAGE,
    params: IdParams,
    body: UpdateExchangeRateInput,
    response: ExchangeRateView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateExchangeRate(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: `${url}/:id`,
    summary: 'Delete a wrong rate (documents keep the rate they used)',
    tags,
    access: MANAGE,
    params: IdParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => deleteExchangeRate(tx, actor, params.id));
      return undefined;
    },
  });
}

function dictionaryRoutes(app: FastifyInstance): void {
  const url = '/api/v1/dictionaries/:dictionary/entries';
  route(app, {
    method: 'GET',
    url: '/api/v1/dictionaries',
    summary: 'The dictionaries of the company and how many entries each has',
    tags,
    access: READ,
    response: listOf(z.object({ dictionary: z.string(), entries: z.number().int() })),
    handler: ({ db }, actor) => listDictionaries(db.orm, actor),
  });
  route(app, {
    method: 'GET',
    url,
    summary: 'Entries of one dictionary, in their sort order',
    tags,
    access: READ,
    params: DictionaryParams,
    query: RefListQuery,
    response: listOf(DictionaryEntryView),
    handler: ({ db, params, query }, actor) =>
      listRefs(db.orm, actor, dictionaryEntries, query, inDictionary(params.dictionary)),
  });
  route(app, {
    method: 'GET',
    url: `${url}/:id`,
    summary: 'One dictionary entry',
    tags,
    access: READ,
    params: DictionaryEntryParams,
    response: DictionaryEntryView,
    handler: ({ db, params }, actor) =>
      getRef(db.orm, actor, dictionaryEntries, params.id, inDictionary(params.dictionary)),
  });
  route(app, {
    method: 'POST',
    url,
    summary: 'Add an entry (its code is unique within the dictionary)',
    tags,
    access: MANAGE,
    params: DictionaryParams,
    body: CreateDictionaryEntryInput,
    status: 201,
    response: DictionaryEntryView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) =>
        createRef(
          tx,
          actor,
          dictionaryEntries,
          { ...body, dictionary: params.dictionary },
          inDictionary(params.dictionary),
        ),
      ),
  });
  route(app, {
    method: 'PATCH',
    url: `${url}/:id`,
    summary: 'Change an entry (send the version you read)',
    tags,
    access: MANAGE,
    params: DictionaryEntryParams,
    body: UpdateDictionaryEntryInput,
    response: DictionaryEntryView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) =>
        updateRef(tx, actor, dictionaryEntries, params.id, body, inDictionary(params.dictionary)),
      ),
  });
  route(app, {
    method: 'POST',
    url: `${url}/:id/deactivate`,
    summary: 'Take an entry out of use (records that name it keep it)',
    tags,
    access: MANAGE,
    params: DictionaryEntryParams,
    response: DictionaryEntryView,
    handler: ({ db, params }, actor) =>
      withTransaction(db, (tx) =>
        deactivateRef(tx, actor, dictionaryEntries, params.id, inDictionary(params.dictionary)),
      ),
  });
}
