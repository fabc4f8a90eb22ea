import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { badRequest } from '../../../platform/errors.ts';
import { route } from '../../../platform/http/route.ts';
import { decodeCursor, encodeCursor, listOf } from '../../../platform/http/schemas.ts';
import { isUuid } from '../../../platform/ids.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { listNeeds } from './needs.ts';

const ProcurementNeed = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    sku: z.string(),
    productName: z.record(z.string(), z.string()),
    warehouseId: z.uuid(),
    qty: z.string(),
    qtyFilled: z.string(),
    method: z.enum(['buy', 'make']),
    neededBy: z.string().nullable(),
    state: z.enum(['open', 'planned', 'done', 'cancelled']),
    originType: z.string(),
    originId: z.uuid(),
    originLineId: z.uuid().nullable(),
    originNumber: z.string().nullable(),
    expectedDate: z.string().nullable(),
    plannedBy: z.object({ type: z.string(), id: z.uuid(), number: z.string() }).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ProcurementNeed' });

const NeedQuery = z.object({
  state: z.enum(['open', 'planned', 'done', 'cancelled']).default('open'),
  method: z.enum(['buy', 'make']).optional(),
  productId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export function needRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/procurement-needs',
    summary: 'Shortages to buy or make (open by default), oldest first',
    tags: ['inventory'],
    access: 'inventory.need.read',
    query: NeedQuery,
    response: listOf(ProcurementNeed),
    handler: async ({ db, query }, actor) => {
      requirePermission(actor, 'inventory.need.read');
      const cursor = decodeCursor(query.cursor, 1);
      if (cursor && !isUuid(cursor[0])) throw badRequest('bad_cursor', 'The cursor is not valid');
      const found = await listNeeds(db.orm, actor.companyId, {
        state: query.state,
        method: query.method,
        productId: query.productId,
        after: cursor?.[0] as string | undefined,
        limit: query.limit + 1,
      });
      const page = found.slice(0, query.limit);
      const last = page[page.length - 1];
      return { items: page, nextCursor: found.length > query.limit && last ? encodeCursor([last.id]) : null };
    },
  });
}
