import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { bestPrice } from '../price/best-price.ts';
import {
  BestPrice,
  BestPriceQuery,
  SupplierPriceInput,
  SupplierPriceListQuery,
  SupplierPricePatch,
  SupplierPriceView,
} from '../price/contract.ts';
import {
  createSupplierPrice,
  deleteSupplierPrice,
  listSupplierPrices,
  updateSupplierPrice,
} from '../price/manage-prices.ts';
import { purchasingSettings } from '../settings.ts';
import { SupplierInput, SupplierListQuery, SupplierPatch, SupplierView } from './contract.ts';
import { createSupplier } from './create-supplier.ts';
import { listSuppliers } from './list-suppliers.ts';
import { findSupplier } from './supplier.repo.ts';
import { updateSupplier } from './update-supplier.ts';

const tags = ['purchasing'];

export function supplierRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/suppliers',
    summary: 'Suppliers, newest first; q: supplier code, party code or name',
    tags,
    access: 'purchasing.supplier.read',
    query: SupplierListQuery,
    response: listOf(SupplierView),
    handler: ({ db, query }, actor) => listSuppliers(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/suppliers/:id',
    summary: 'One supplier',
    tags,
    access: 'purchasing.supplier.read',
    params: IdParams,
    response: SupplierView,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'purchasing.supplier.read');
      return findSupplier(db.orm, actor.companyId, params.id);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/suppliers',
    summary: 'A supplier: an existing party (partyId) or a new party created in crm (party)',
    tags,
    access: 'purchasing.supplier.manage',
    body: SupplierInput,
    status: 201,
    response: SupplierView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createSupplier(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/suppliers/:id',
    summary: "Edit a supplier's purchasing terms (code, payment term, currency, lead time, active)",
    tags,
    access: 'purchasing.supplier.manage',
    params: IdParams,
    body: SupplierPatch,
    response: SupplierView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateSupplier(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/supplier-prices',
    summary: 'Supplier prices, newest first, by supplier and/or product',
    tags,
    access: 'purchasing.supplier.read',
    query: SupplierPriceListQuery,
    response: listOf(SupplierPriceView),
    handler: ({ db, query }, actor) => listSupplierPrices(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/supplier-prices/best',
    summary:
      'The best valid price for a product, quantity and date (preferred, then cheapest in company currency)',
    tags,
    access: 'purchasing.supplier.read',
    query: BestPriceQuery,
    response: BestPrice,
    handler: async ({ db, query }, actor) => {
      requirePermission(actor, 'purchasing.supplier.read');
      const date = query.date ?? (await purchasingSettings(db.orm, actor.companyId)).today;
      const best = await bestPrice(db.orm, actor.companyId, { ...query, date });
      return { found: Boolean(best), price: best?.price ?? null, priceCompany: best?.priceCompany ?? null };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/supplier-prices',
    summary: "A supplier's price for a product (minimum quantity, lead time, validity, preferred)",
    tags,
    access: 'purchasing.supplier.manage',
    body: SupplierPriceInput,
    status: 201,
    response: SupplierPriceView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createSupplierPrice(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/supplier-prices/:id',
    summary: 'Edit a supplier price',
    tags,
    access: 'purchasing.supplier.manage',
    params: IdParams,
    body: SupplierPricePatch,
    response: SupplierPriceView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateSupplierPrice(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/v1/supplier-prices/:id',
    summary: 'Delete a supplier price',
    tags,
    access: 'purchasing.supplier.manage',
    params: IdParams,
    status: 204,
    response: z.null(),
    handler: async ({ db, params }, actor) => {
      await withTransaction(db, (tx) => deleteSupplierPrice(tx, actor, params.id));
      return undefined;
    },
  });
}
