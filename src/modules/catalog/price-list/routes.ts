import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import {
  PriceAnswer,
  PriceList,
  PriceListInput,
  PriceListPatch,
  PriceListQuery,
  PriceQuery,
} from './contract.ts';
import { createPriceList } from './create-price-list.ts';
import { explainPrice } from './explain-price.ts';
import { listPriceLists, priceListView } from './price-list.repo.ts';
import { updatePriceList } from './update-price-list.ts';

const tags = ['catalog'];

export function priceListRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/price-lists',
    summary: 'Price lists by code (without their rules; ruleCount says how many)',
    tags,
    access: 'catalog.price_list.read',
    query: PriceListQuery,
    response: listOf(PriceList),
    handler: ({ db, query }, actor) => listPriceLists(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/price-lists/:id',
    summary: 'One price list with its rules',
    tags,
    access: 'catalog.price_list.read',
    params: IdParams,
    response: PriceList,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'catalog.price_list.read');
      return priceListView(db.orm, actor.companyId, actor.locale, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/price-lists',
    summary: 'Create a price list with its rules (for everyone, a customer group or one customer)',
    tags,
    access: 'catalog.price_list.manage',
    body: PriceListInput,
    status: 201,
    response: PriceList,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createPriceList(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/price-lists/:id',
    summary: 'Edit a price list (send the version you read); rules, when sent, replace all rules',
    tags,
    access: 'catalog.price_list.manage',
    params: IdParams,
    body: PriceListPatch,
    response: PriceList,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updatePriceList(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/prices',
    summary: 'The unit price a customer gets for a quantity in a unit, and which price-list rule gave it',
    tags,
    access: 'catalog.price_list.read',
    query: PriceQuery,
    response: PriceAnswer,
    handler: ({ db, query }, actor) => withTransaction(db, (tx) => explainPrice(tx, actor, query)),
  });
}
