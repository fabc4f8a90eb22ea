import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { BulkResponse, bulkBody, runBulk } from '../../../platform/http/bulk.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { applyMask, requirePermission } from '../../../platform/permissions/actor.ts';
import {
  LookupQuery,
  LookupResult,
  Product,
  ProductInput,
  ProductListQuery,
  ProductPatch,
} from './contract.ts';
import { createProduct } from './create-product.ts';
import { listProducts, lookupProduct } from './list-products.ts';
import { findProductRow, productView, RESOURCE } from './product.repo.ts';
import { updateProduct } from './update-product.ts';

const tags = ['catalog'];

export function productRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/products',
    summary: 'Products; q searches SKU, names (pinyin and initials too) and barcodes',
    tags,
    access: 'catalog.product.read',
    query: ProductListQuery,
    response: listOf(Product),
    handler: ({ db, query }, actor) => listProducts(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/products/lookup',
    summary: 'One product by SKU, barcode or packaging barcode (scanner input); 404 when nothing matches',
    tags,
    access: 'catalog.product.read',
    query: LookupQuery,
    response: LookupResult,
    handler: ({ db, query }, actor) => lookupProduct(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/products/:id',
    summary: 'One product with its packagings',
    tags,
    access: 'catalog.product.read',
    params: IdParams,
    response: Product,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'catalog.product.read');
      const row = await findProductRow(db.orm, actor.companyId, params.id);
      return applyMask(actor, RESOURCE, await productView(db.orm, actor.companyId, actor.locale, row));
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/products',
    summary: 'Create a product; 409 catalog.sku_taken / catalog.barcode_taken when a code is in use',
    tags,
    access: 'catalog.product.create',
    body: ProductInput,
    status: 201,
    response: Product,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createProduct(tx, actor, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/products/bulk',
    summary: 'Create up to 1,000 products in one call; each row passes or fails on its own (per-row results)',
    tags,
    access: 'catalog.product.create',
    body: bulkBody(ProductInput),
    response: BulkResponse,
    handler: ({ db, body }, actor) =>
      withTransaction(db, (tx) => runBulk(tx, actor, body.items, createProduct)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/products/:id',
    summary: 'Edit a product (send the version you read); units, when sent, replace the packagings',
    tags,
    access: 'catalog.product.update',
    params: IdParams,
    body: ProductPatch,
    response: Product,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateProduct(tx, actor, params.id, body)),
  });
}
