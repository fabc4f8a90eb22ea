import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../../platform/http/route.ts';
import { ExportQuery } from '../report/contract.ts';
import { hledgerJournal } from './hledger.ts';

export function exportRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/v1/accounting/export',
    summary: 'The posted ledger as a plain-text journal for hledger / ledger-cli (?format=ledger)',
    tags: ['accounting'],
    access: 'accounting.report.read',
    query: ExportQuery,
    response: z.string().meta({ description: 'hledger journal text' }),
    handler: async ({ db, query, reply }, actor) => {
      const text = await hledgerJournal(db.orm, actor, query);
      reply.header('content-type', 'text/plain; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="ledger.journal"');
      reply.header('x-content-type-options', 'nosniff');
      return text;
    },
  });
}
