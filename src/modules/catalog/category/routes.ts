import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { findCategoryRow, listCategories, toCategory } from './category.repo.ts';
import { Category, CategoryInput, CategoryListQuery, CategoryPatch } from './contract.ts';
import { createCategory } from './create-category.ts';
import { updateCategory } from './update-category.ts';

const tags = ['catalog'];

export function categoryRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/product-categories',
    summary: 'Product categories by code (the tree through parentId)',
    tags,
    access: 'catalog.product.read',
    query: CategoryListQuery,
    response: listOf(Category),
    handler: ({ db, query }, actor) => listCategories(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/product-categories/:id',
    summary: 'One product category',
    tags,
    access: 'catalog.product.read',
    params: IdParams,
    response: Category,
    handler: async ({ db, params }, actor) => {
      requirePermission(actor, 'catalog.product.read');
      return toCategory(await findCategoryRow(db.orm, actor.companyId, params.id), actor.locale);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/product-categories',
    summary: 'Create a product category; 409 catalog.category_code_taken',
    tags,
    access: 'catalog.category.manage',
    body: CategoryInput,
    status: 201,
    response: Category,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createCategory(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/product-categories/:id',
    summary: 'Edit a product category (send the version you read); 422 catalog.category_cycle',
    tags,
    access: 'catalog.category.manage',
    params: IdParams,
    body: CategoryPatch,
    response: Category,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateCategory(tx, actor, params.id, body)),
  });
}
