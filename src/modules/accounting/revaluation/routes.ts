import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { route } from '../../../platform/http/route.ts';
import { listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import { RevaluationInput, RevaluationListQuery, RevaluationView } from './contract.ts';
import { revalueMonth, toRevaluationView } from './revalue-month.ts';

const tags = ['accounting'];

export function revaluationRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/accounting/revaluations',
    summary: 'Month-end revaluations of open foreign-currency items, newest month first (?year=)',
    tags,
    access: 'accounting.entry.read',
    query: RevaluationListQuery,
    response: listOf(RevaluationView),
    handler: async ({ db, query }, actor) => {
      requirePermission(actor, 'accounting.entry.read');
      const list = await rows<Record<string, any>>(
        db.orm,
        sql`select r.*, r.revaluation_date::text as date_t from accounting_revaluation r
             where r.company_id = ${actor.companyId}
               ${query.year ? sql`and r.month like ${`${query.year}-%`}` : sql``}
             order by r.month desc limit 240`,
      );
      return { items: list.map(toRevaluationView), nextCursor: null };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/accounting/revaluations',
    summary:
      'Revalue open foreign-currency receivables and payables at a month end (fx gain/loss, reversed on the 1st of the next month); once per month',
    tags,
    access: 'accounting.entry.post',
    body: RevaluationInput,
    response: RevaluationView,
    handler: ({ db, body }, actor) => withTransaction(db, (tx) => revalueMonth(tx, actor, body)),
  });
}
