import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rows, withTransaction } from '../../../platform/db/tx.ts';
import { badRequest } from '../../../platform/errors.ts';
import { route } from '../../../platform/http/route.ts';
import { decodeCursor, encodeCursor, IdParams, listOf } from '../../../platform/http/schemas.ts';
import { requirePermission } from '../../../platform/permissions/actor.ts';
import './importer.ts';
import { MatchInput, matchLine } from './match-line.ts';
import { selectLine, toLineView } from './statement-line.ts';
import { suggestionsFor } from './suggestions.ts';

const tags = ['accounting'];

const LineView = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountCode: z.string(),
    date: z.string(),
    amount: z.string(),
    currency: z.string(),
    counterparty: z.string(),
    reference: z.string(),
    state: z.enum(['unmatched', 'matched']),
    paymentId: z.uuid().nullable(),
    paymentNumber: z.string().nullable(),
    batchId: z.uuid().nullable(),
    matchedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'BankStatementLine' });

const LineWithSuggestions = LineView.extend({
  suggestions: z.array(
    z.object({
      invoiceId: z.uuid(),
      number: z.string(),
      kind: z.string(),
      partnerId: z.uuid(),
      partnerName: z.string().nullable(),
      residual: z.string(),
      allocate: z.string(),
      reason: z.enum(['reference', 'partner_and_amount']),
    }),
  ),
}).meta({ id: 'BankStatementLineWithSuggestions' });

const LineQuery = z.object({
  state: z.enum(['unmatched', 'matched']).optional(),
  accountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/** Bank statement lines are treasury work: reading them needs the right to record payments too. */
export function bankRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/bank-statement-lines',
    summary:
      'Imported bank statement lines, oldest first (?state=unmatched), each unmatched one with matching suggestions',
    tags,
    access: 'accounting.payment.create',
    query: LineQuery,
    response: listOf(LineWithSuggestions),
    handler: async ({ db, query }, actor) => {
      requirePermission(actor, 'accounting.payment.create');
      const cursor = decodeCursor(query.cursor, 1);
      if (cursor && (cursor[0] === '__invalid__' || !z.uuid().safeParse(cursor[0]).success))
        throw badRequest('bad_cursor', 'The cursor is not valid');
      const list = await rows<Record<string, any>>(
        db.orm,
        sql`${selectLine} where l.company_id = ${actor.companyId}
              ${query.state ? sql`and l.state = ${query.state}` : sql``}
              ${query.accountId ? sql`and l.account_id = ${query.accountId}` : sql``}
              ${cursor ? sql`and l.id > ${String(cursor[0])}::uuid` : sql``}
            order by l.id limit ${query.limit + 1}`,
      );
      const page = list.slice(0, query.limit);
      const items = [];
      for (const r of page) {
        const view = toLineView(r);
        const suggestions = view.state === 'unmatched' ? await suggestionsFor(db.orm, actor, view) : [];
        items.push({ ...view, suggestions });
      }
      return {
        items,
        nextCursor: list.length > query.limit ? encodeCursor([page[page.length - 1].id]) : null,
      };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/v1/bank-statement-lines/:id/match',
    summary:
      'Match a statement line: record the payment allocated to a suggested invoice, or link an existing payment',
    tags,
    access: 'accounting.payment.create',
    params: IdParams,
    body: MatchInput,
    response: LineView,
    handler: ({ db, params, body }, actor) =>
      withTransaction(db, (tx) => matchLine(tx, actor, params.id, body)),
  });
}
