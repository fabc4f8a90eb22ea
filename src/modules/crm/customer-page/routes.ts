import type { FastifyInstance } from 'fastify';
import { route } from '../../../platform/http/route.ts';
import { IdParams, listOf } from '../../../platform/http/schemas.ts';
import { TimelineEntry, TimelineQuery } from '../timeline/contract.ts';
import { listTimeline } from '../timeline/list-timeline.ts';
import { CustomerOverview } from './contract.ts';
import { customerOverview } from './customer-overview.ts';

const tags = ['crm'];

export function customerPageRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/customers/:id/overview',
    summary:
      'The customer page: profile, contacts, open opportunities, recent activities, timeline, credit slot',
    tags,
    access: 'crm.customer.read',
    params: IdParams,
    response: CustomerOverview,
    handler: ({ db, params }, actor) => customerOverview(db.orm, actor, params.id),
  });
  route(app, {
    method: 'GET',
    url: '/api/v1/customers/:id/timeline',
    summary: 'The customer timeline, newest first (everything any module reported about the customer)',
    tags,
    access: 'crm.customer.read',
    params: IdParams,
    query: TimelineQuery,
    response: listOf(TimelineEntry),
    handler: ({ db, params, query }, actor) => listTimeline(db.orm, actor, params.id, query),
  });
}
