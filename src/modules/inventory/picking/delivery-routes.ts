import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { cancelPicking } from './cancel-picking.ts';
import {
  Picking,
  PickingListQuery,
  PickingSummary,
  PrintQuery,
  ShipInput,
  ShipResult,
  VersionInput,
} from './contract.ts';
import { listPickings } from './list-pickings.ts';
import { packDelivery } from './pack-delivery.ts';
import { pickDelivery } from './pick-delivery.ts';
import { loadPicking } from './picking.repo.ts';
import { PRINT_CSP } from './print-note.ts';
import { printPicking } from './print-picking.ts';
import { shipDelivery } from './ship-delivery.ts';

const tags = ['inventory'];

/** Sends a print page: HTML with its own strict policy (no script at all) on top of the platform headers. */
export function sendPrintPage(reply: FastifyReply, html: string): Buffer {
  reply.header('content-type', 'text/html; charset=utf-8');
  reply.header('content-security-policy', PRINT_CSP);
  reply.header('x-content-type-options', 'nosniff');
  return Buffer.from(html, 'utf8');
}

export const HtmlPage = z.any().meta({ description: 'A print-ready A4 HTML page (text/html)' });

export function deliveryRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/deliveries',
    summary:
      'Delivery orders, newest first; filter by state, origin, warehouse, customer; q: number, origin, customer, tracking',
    tags,
    access: 'inventory.delivery.read',
    query: PickingListQuery,
    response: listOf(PickingSummary),
    handler: ({ db, query }, actor) => listPickings(db.orm, actor, 'delivery', query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/deliveries/:id',
    summary: 'One delivery with its lines, reserved quantities and the pick list (location and lot per line)',
    tags,
    access: 'inventory.delivery.read',
    params: IdParams,
    response: Picking,
    handler: ({ db, params }, actor) => {
      requirePermission(actor, 'inventory.delivery.read');
      return loadPicking(db.orm, actor.companyId, params.id, 'delivery', actor.locale);
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/deliveries/:id/pick',
    summary: 'Mark a delivery picked; writes the location and lot each line takes (FEFO)',
    tags,
    access: 'inventory.delivery.ship',
    params: IdParams,
    body: VersionInput,
    response: Picking,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => pickDelivery(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/deliveries/:id/pack',
    summary: 'Mark a picked delivery packed',
    tags,
    access: 'inventory.delivery.ship',
    params: IdParams,
    body: VersionInput,
    response: Picking,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => packDelivery(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/deliveries/:id/ship',
    summary:
      'Ship a delivery (no lines: everything reserved); a partial shipment closes it and opens a backorder for the rest',
    tags,
    access: 'inventory.delivery.ship',
    params: IdParams,
    body: ShipInput,
    response: ShipResult,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => shipDelivery(tx, actor, params.id, body)),
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/deliveries/:id/cancel',
    summary: 'Cancel a delivery that is not shipped; its reservations are released',
    tags,
    access: 'inventory.delivery.ship',
    params: IdParams,
    body: VersionInput,
    response: Picking,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => cancelPicking(tx, actor, 'delivery', params.id, body)),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/deliveries/:id/print',
    summary: 'The printable delivery note (送货单), A4 HTML; lang zh-CN or en',
    tags,
    access: 'inventory.delivery.read',
    params: IdParams,
    query: PrintQuery,
    response: HtmlPage,
    handler: async ({ db, params, query, reply }, actor) =>
      sendPrintPage(reply, await printPicking(db.orm, actor, 'delivery', params.id, query.lang)),
  });
}
