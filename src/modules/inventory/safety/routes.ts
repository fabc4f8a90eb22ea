import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { listOf } from '../../../platform/http/schemas.ts';
import {
  listSafetyLevels,
  putSafetyLevel,
  SafetyLevel,
  SafetyLevelInput,
  SafetyLevelQuery,
} from './safety-levels.ts';

const tags = ['inventory'];

export function safetyRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/safety-levels',
    summary: 'Safety stock levels with what is available now',
    tags,
    access: 'inventory.stock.read',
    query: SafetyLevelQuery,
    response: listOf(SafetyLevel),
    handler: async ({ db, query }, actor) => ({
      items: await listSafetyLevels(db.orm, actor, query),
      nextCursor: null,
    }),
  });
  route(app, {
    method: 'PUT',
    url: '/api/v1/safety-levels',
    summary: 'Set the safety stock of a product in a warehouse',
    tags,
    access: 'inventory.safety.manage',
    body: SafetyLevelInput,
    response: SafetyLevel,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => putSafetyLevel(tx, actor, body)),
  });
}
