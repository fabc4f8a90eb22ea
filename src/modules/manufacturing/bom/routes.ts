import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { loadBom } from './bom.repo.ts';
import { activateBom, archiveBom } from './bom-state.ts';
import {
  Bom,
  BomCost,
  BomExplodeQuery,
  BomInput,
  BomListQuery,
  BomSummary,
  BomTree,
  BomUpdate,
  BomVersionBody,
} from './contract.ts';
import { createBom } from './create-bom.ts';
import { bomCost, bomTree } from './explode-bom.ts';
import { listBoms } from './list-boms.ts';
import { updateBom } from './update-bom.ts';

const tags = ['manufacturing'];

export function bomRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/boms',
    summary: 'Bills of materials, newest first; filter by product, state and a date they are valid on',
    tags,
    access: 'manufacturing.bom.read',
    query: BomListQuery,
    response: listOf(BomSummary),
    handler: ({ db, query }, actor) => listBoms(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/boms/:id',
    summary: 'One BOM with its component lines (qty per output quantity, scrap %, substitutes)',
    tags,
    access: 'manufacturing.bom.read',
    params: IdParams,
    response: Bom,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'manufacturing.bom.read');
      return loadBom(db.orm, actor.companyId, params.id, actor.locale);
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/boms/:id/tree',
    summary:
      'The exploded multi-level tree for a quantity (sub-assemblies by their BOM in force on the date)',
    tags,
    access: 'manufacturing.bom.read',
    params: IdParams,
    query: BomExplodeQuery,
    response: BomTree,
    handler: ({ db, params, query }, actor) => bomTree(db.orm, actor, params.id, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/boms/:id/cost',
    summary: 'Cost roll-up: components at average cost (made ones at their own roll-up) + labour + overhead',
    tags,
    access: 'manufacturing.bom.cost',
    params: IdParams,
    query: BomExplodeQuery,
    response: BomCost,
    handler: ({ db, params, query }, actor) => bomCost(db.orm, actor, params.id, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/boms',
    summary:
      "Create a draft BOM (the product's next revision); a component that leads back to the product is refused",
    tags,
    access: 'manufacturing.bom.manage',
    body: BomInput,
    status: 201,
    response: Bom,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => createBom(tx, actor, body)),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/v1/boms/:id',
    summary: 'Edit a draft BOM (lines replace all); an active one changes only its validity and notes',
    tags,
    access: 'manufacturing.bom.manage',
    params: IdParams,
    body: BomUpdate,
    response: Bom,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => updateBom(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/boms/:id/activate',
    summary: 'Put the BOM in force over its validity window (one active BOM per product and date)',
    tags,
    access: 'manufacturing.bom.manage',
    params: IdParams,
    body: BomVersionBody,
    response: Bom,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => activateBom(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/boms/:id/archive',
    summary: 'Take the BOM out of use',
    tags,
    access: 'manufacturing.bom.manage',
    params: IdParams,
    body: BomVersionBody,
    response: Bom,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => archiveBom(tx, actor, params.id, body)),
  });
}
