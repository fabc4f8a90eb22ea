import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { notFound } from '../../../platform/errors.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import {
  Location,
  LocationInput,
  Warehouse,
  WarehouseInput,
  WarehouseListQuery,
  WarehousePatch,
} from './contract.ts';
import { setUpCompanyStock } from './default-warehouse.ts';
import { createLocation, createWarehouse, listLocations, updateWarehouse } from './manage-warehouses.ts';
import { findWarehouse, listWarehouses } from './warehouse.repo.ts';

const tags = ['inventory'];

export function warehouseRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/warehouses',
    summary: 'Warehouses (the default first)',
    tags,
    access: 'inventory.stock.read',
    query: WarehouseListQuery,
    response: listOf(Warehouse),
    handler: async ({ db, query }, actor) => {
      // Companies created before inventory existed get their default warehouse here.
      await withTransaction(db, (tx) => setUpCompanyStock(tx, actor.companyId));
      return {
        items: await listWarehouses(db.orm, actor.companyId, query.includeInactive === 'true'),
        nextCursor: null,
      };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/warehouses/:id',
    summary: 'One warehouse',
    tags,
    access: 'inventory.stock.read',
    params: IdParams,
    response: Warehouse,
    handler: async ({ db, params }, actor) => {
      const w = await findWarehouse(db.orm, actor.companyId, params.id);
      if (!w) throw notFound('warehouse', params.id);
      return w;
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/warehouses',
    summary: 'Create a warehouse with its stock, input, output and quality locations',
    tags,
    access: 'inventory.warehouse.manage',
    body: WarehouseInput,
    status: 201,
    response: Warehouse,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createWarehouse(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/warehouses/:id',
    summary: 'Rename, move, (de)activate a warehouse or make it the default',
    tags,
    access: 'inventory.warehouse.manage',
    params: IdParams,
    body: WarehousePatch,
    response: Warehouse,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateWarehouse(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/warehouses/:id/locations',
    summary: 'The locations of a warehouse',
    tags,
    access: 'inventory.stock.read',
    params: IdParams,
    response: listOf(Location),
    handler: async ({ db, params }, actor) => ({
      items: await listLocations(db.orm, actor, params.id),
      nextCursor: null,
    }),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/locations',
    summary: 'Create a shelf (a stock location) in a warehouse',
    tags,
    access: 'inventory.warehouse.manage',
    body: LocationInput,
    status: 201,
    response: Location,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createLocation(tx, actor, body)),
  });
}
