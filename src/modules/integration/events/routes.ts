import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { DeliveryView } from '../webhooks/contract.ts';
import { eventCatalogue } from './catalogue.ts';
import { EventListQuery, EventTypeView, EventView } from './contract.ts';
import { getEvent, listEvents } from './list-events.ts';

const tags = ['integration'];
const read = 'integration.event.read';

export function eventRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/event-types',
    summary: 'The business-event catalogue: every type with its payload version and JSON Schema',
    tags,
    access: read,
    response: z.object({ items: z.array(EventTypeView) }),
    handler: async (_ctx, actor) => {
      requirePermission(actor, read);
      return { items: eventCatalogue() };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/events',
    summary: "The company's business events, newest first (type, aggregate, from/to)",
    tags,
    access: read,
    query: EventListQuery,
    response: listOf(EventView),
    handler: ({ db, query }, actor) => listEvents(db.orm, actor, query),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/events/:id',
    summary: 'One event with its webhook deliveries',
    tags,
    access: read,
    params: IdParams,
    response: EventView.extend({ deliveries: z.array(DeliveryView) }),
    handler: ({ db, params }, actor) => getEvent(db.orm, actor, params.id),
  });
}
