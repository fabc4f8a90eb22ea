import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { IdParams } from '../../../platform/http/schemas.ts';
import { ReturnInput, ReturnResult } from './contract.ts';
import { returnToSupplier } from './return-to-supplier.ts';

export function returnRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'POST',
    url: '/api/v1/purchase-orders/:id/return',
    summary:
      'Return received goods to the supplier (per line at most received − returned, optionally one lot); booked at once',
    tags: ['purchasing'],
    access: 'purchasing.return.create',
    params: IdParams,
    body: ReturnInput,
    response: ReturnResult,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => returnToSupplier(tx, actor, params.id, body)),
  });
}
